//! On a hall's terminal (自助终端): the bar that says so and offers "完成并清除", and the
//! watch over idleness. After the hall's idle time without input a full-screen warning counts
//! down (at least 30 s) with a large "我还在"; when it runs out, or the applicant finishes, every
//! trace is wiped and the app starts afresh at home (WCAG 2.2.1: the time can be extended).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::{use_kept, Kept};
use yibiao_core::kiosk::Kiosk;

use crate::i18n::{kiosk_countdown, KioskUi};
use crate::platform::{clock, kiosk, timers};
use crate::store::Ambient;

/// The warning's element id: it stays reachable while the rest of the page is inert.
const WARNING: &str = "kiosk-warning";

/// What holds the screen.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Hold {
    /// Nothing: the applicant is working.
    Nothing,
    /// The idle warning, which clears everything at `ends_ms`.
    Idle { ends_ms: u64 },
    /// The applicant asked to finish: clear now, or go back.
    Finish,
    /// Clearing; the app starts afresh.
    Clearing,
}

/// Wipes the storage and starts the app afresh (which wipes the memory).
fn clear_everything(hold: &Kept<Hold>) {
    hold.set(Hold::Clearing);
    crate::platform::tasks::spawn(async {
        kiosk::wipe_storage().await;
        kiosk::restart();
    });
}

/// The guard on a terminal: only the whole app draws it (`app::Parts`), so that the first
/// module, never started on a terminal, carries none of it (issue 16).
#[derive(Properties, PartialEq)]
pub struct KioskGuardProps {
    pub kiosk: Rc<Kiosk>,
}

#[component]
pub fn KioskGuard(props: &KioskGuardProps) -> Html {
    let ambient = crate::store::use_ambient();
    let guard = use_kiosk_guard(Rc::clone(&props.kiosk));
    kiosk_guard(&ambient, &guard)
}

/// The guard's state: the hall's configuration, what holds the screen, the last input, and the
/// warning's first button.
#[derive(Clone)]
pub struct GuardState {
    kiosk: Rc<Kiosk>,
    hold: Kept<Hold>,
    last_input: Rc<RefCell<u64>>,
    stay: NodeRef,
}

#[hook]
fn use_kiosk_guard(kiosk: Rc<Kiosk>) -> GuardState {
    let hold = use_kept(|| Hold::Nothing);
    let last_input = use_mut_ref(clock::now_ms);
    let redraw = use_force_update();
    let stay = use_node_ref();

    // Any input is presence, except while the warning holds the screen: then only "我还在".
    {
        let last_input = Rc::clone(&last_input);
        crate::hooks::use_effect_on(*hold != Hold::Nothing, move |holding| {
            let listeners =
                (!*holding).then(|| kiosk::on_any_input(move || *last_input.borrow_mut() = clock::now_ms()));
            Some(Box::new(move || drop(listeners)))
        });
    }
    // Once a second: the warning when the idle time has passed, its countdown, and the end.
    {
        let (last_input, hold, kiosk) = (Rc::clone(&last_input), hold.clone(), Rc::clone(&kiosk));
        crate::hooks::use_effect_on(*hold, move |current| {
            let alive = Rc::new(Cell::new(true));
            let running = Rc::clone(&alive);
            let current = *current;
            crate::platform::tasks::spawn(async move {
                while running.get() {
                    timers::after(1_000).await;
                    if !running.get() {
                        break;
                    }
                    let now = clock::now_ms();
                    match current {
                        Hold::Nothing => {
                            let idle_ms = u64::from(kiosk.idle_seconds) * 1_000;
                            if now.saturating_sub(*last_input.borrow()) >= idle_ms {
                                let ends_ms = now + u64::from(kiosk.warning_seconds) * 1_000;
                                hold.set(Hold::Idle { ends_ms });
                            }
                        }
                        Hold::Idle { ends_ms } if now >= ends_ms => clear_everything(&hold),
                        Hold::Idle { .. } => redraw.force_update(),
                        Hold::Finish | Hold::Clearing => {}
                    }
                }
            });
            Some(Box::new(move || alive.set(false)))
        });
    }
    // The rest of the page is out of reach while something holds the screen; the warning's
    // first button takes the focus.
    {
        let stay = stay.clone();
        crate::hooks::use_effect_on(*hold != Hold::Nothing, move |holding| {
            kiosk::set_inert_except(WARNING, *holding);
            if *holding {
                crate::platform::dom::focus_node(&stay);
            }
            Some(Box::new(|| kiosk::set_inert_except(WARNING, false)))
        });
    }
    GuardState { kiosk, hold, last_input, stay }
}

/// The bar and, while something holds the screen, its dialog.
fn kiosk_guard(ambient: &Ambient, guard: &GuardState) -> Html {
    let lang = ambient.lang;
    let GuardState { kiosk, hold, last_input, stay } = guard.clone();

    let back = {
        let (hold, last_input) = (hold.clone(), Rc::clone(&last_input));
        Callback::from(move |_| {
            *last_input.borrow_mut() = clock::now_ms();
            hold.set(Hold::Nothing);
        })
    };
    let finish = {
        let hold = hold.clone();
        Callback::from(move |_| hold.set(Hold::Finish))
    };
    let clear = {
        let hold = hold.clone();
        Callback::from(move |_| clear_everything(&hold))
    };
    let hall = kiosk.hall.as_ref().map(|hall| hall.get(lang).to_owned());
    // One dialog for both questions: the idle warning with its countdown, or "finish?".
    let dialog = match *hold {
        Hold::Nothing => None,
        Hold::Idle { ends_ms } => {
            let left = ends_ms.saturating_sub(clock::now_ms()).div_ceil(1_000);
            let left = u32::try_from(left).unwrap_or(u32::MAX);
            Some((KioskUi::IdleHeading, kiosk_countdown(lang, left), Some(left), KioskUi::StillHere, KioskUi::Finish))
        }
        Hold::Finish => Some((
            KioskUi::FinishHeading,
            KioskUi::FinishText.text(lang).to_owned(),
            None,
            KioskUi::FinishBack,
            KioskUi::FinishConfirm,
        )),
        Hold::Clearing => {
            return html! { <div id={WARNING} class="kiosk-warning" aria-busy="true"></div> };
        }
    };
    let warning = match dialog {
        None => Html::default(),
        Some((title, text, left, stay_label, clear_label)) => html! {
            <div id={WARNING} class="kiosk-warning" role="alertdialog" aria-modal="true"
                aria-labelledby="kiosk-warning-heading" aria-describedby="kiosk-warning-text">
                <div class="kiosk-warning-box">
                    <h2 id="kiosk-warning-heading">{ title.text(lang) }</h2>
                    <p id="kiosk-warning-text" aria-hidden={left.is_some().then_some("true")}>{ text }</p>
                    if let Some(left) = left {
                        // Read out when it opens and every ten seconds, not each second.
                        <p class="visually-hidden" aria-live="polite">{ kiosk_countdown(lang, left.div_ceil(10) * 10) }</p>
                        <p class="kiosk-countdown" aria-hidden="true">{ left }</p>
                    }
                    <button type="button" class="button kiosk-stay" ref={stay.clone()} onclick={back}>
                        { stay_label.text(lang) }
                    </button>
                    <button type="button" class={classes!("button", if left.is_some() { "button-secondary" } else { "button-warning" })}
                        onclick={clear}>
                        { clear_label.text(lang) }
                    </button>
                </div>
            </div>
        },
    };
    html! {
        <>
            <div class="kiosk-bar">
                <p>
                    if let Some(hall) = hall {
                        <strong>{ hall }</strong>{ " " }
                    }
                    { KioskUi::Note.text(lang) }
                </p>
                <button type="button" class="button button-secondary kiosk-finish" onclick={finish}>
                    { KioskUi::Finish.text(lang) }
                </button>
            </div>
            { warning }
        </>
    }
}
