//! The first module's draft pages (issue 16): it has none of them, so opening a draft hands over
//! to the whole app (`platform::whole_app`). The drafts and the address are saved by then; the
//! whole app reads them, removes this app and draws the page. Meanwhile nothing is drawn for a
//! moment (usually the whole hand-over: the whole app stands by once the home page is up), then
//! a plain "opening" page; if the whole app cannot be had, why, with a way to try again or go
//! back, the draft saved.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;
use yibiao_core::session::{Action, Page};
use yibiao_core::BundleId;

use crate::app::{App, Parts};
use crate::catalog::{CatalogOrigin, InUse};
use crate::hooks::Pieces;
use crate::hooks::{use_effect_on, use_kept, use_page_heading};
use crate::i18n::{self, Ui, WholeAppUi};
use crate::platform::whole_app::{self, HandoverFailure, Known, Opening};
use crate::platform::{dom, tasks, timers};

/// The first module's parts: a draft's pages hand over to the whole app; it has no terminal's
/// guard, since a hall's terminal starts the whole app at once.
pub const FIRST: Parts = Parts { draft_page: draw, kiosk_guard: |_| Html::default(), open: Some(open) };

/// How long the hand-over may take before the page says it is opening (as a piece's loading).
const SAY_OPENING_AFTER_MS: i32 = 150;

thread_local! {
    /// The first module's app on screen, for the whole app to remove when it draws.
    static FIRST_APP: RefCell<Option<yew::AppHandle<App>>> = const { RefCell::new(None) };
}

/// Keeps the first module's app, to be removed when the whole app takes over.
pub fn keep_first_app(app: yew::AppHandle<App>) {
    FIRST_APP.with(|cell| *cell.borrow_mut() = Some(app));
}

/// Starts the whole app at once, before the first module draws anything: for a draft's address
/// (a reload, a bookmark), a hall's terminal (whose drafts are in memory only) and a browser
/// whose storage cannot be opened, where nothing would be saved for the whole app to read.
pub fn hand_over_at_start() {
    tasks::spawn(async {
        if let Err(failure) = whole_app::hand_over(None, None, None).await {
            dom::say_in_app(&i18n::whole_app_failure_at_start(failure));
        }
    });
}

/// What the first module has read that the whole app need not read again: the published
/// catalog (not one loaded on the device, which the whole app reads itself), and whether the
/// storage is durable.
pub fn known(in_use: &InUse, durable: Option<bool>) -> Known {
    let published = in_use.origin == CatalogOrigin::BuiltIn && !in_use.index.cards.is_empty();
    Known { catalog: published.then(|| Rc::clone(&in_use.published)), durable }
}

/// Removes the first module's app: the whole app calls it just before it draws.
fn stop_first_app() -> Box<dyn FnOnce()> {
    Box::new(|| {
        if let Some(app) = FIRST_APP.with(|cell| cell.borrow_mut().take()) {
            app.destroy();
        }
    })
}

/// Starting or continuing a draft from the home page while the whole app stands by: the
/// bundle's piece is loaded here as ever (the card says while it comes, or why it cannot), and
/// then, rather than opening the draft here, the whole app is woken to open it in its first
/// draw; the home page stays until then. Not standing by, the first module opens the draft
/// itself and the draft's page hands over (`HandOver`). Once handed over, further clicks wait.
fn open(pieces: &Pieces, bundle: BundleId, action: Action) -> bool {
    if !whole_app::standing_by() {
        return whole_app::started();
    }
    let opening = match action {
        Action::StartDraft(bundle) => Opening::Start(bundle),
        Action::OpenDraft(draft) => Opening::Continue(draft),
        _ => return false,
    };
    let latest = pieces.clone();
    pieces.call(
        bundle,
        Callback::from(move |came: Result<(), crate::catalog::PieceFailure>| {
            if came.is_err() || !whole_app::standing_by() {
                return;
            }
            let env = latest.latest_env();
            let known = known(&env.in_use, env.durable);
            let opening = opening.clone();
            tasks::spawn(async move {
                // A whole app that stood by and died is started anew by the next click.
                let _ = whole_app::hand_over(Some(known), Some(stop_first_app()), Some(opening)).await;
            });
        }),
    );
    true
}

fn draw(_key: String, _page: Page) -> Html {
    html! { <HandOver /> }
}

/// Where the hand-over is.
#[derive(Clone, Copy, PartialEq)]
enum Progress {
    /// Started a moment ago: nothing said yet.
    Started,
    /// Taking longer: the page says it is opening.
    Slow,
    Failed(HandoverFailure),
}

#[component]
fn HandOver() -> Html {
    let ambient = crate::store::use_ambient();
    let lang = ambient.lang;
    let progress = use_kept(|| Progress::Started);
    let attempt = use_kept(|| 0_u32);
    {
        let (progress, env) = (progress.clone(), Rc::clone(&ambient.env));
        use_effect_on(*attempt, move |_| {
            progress.set(Progress::Started);
            let slow = progress.clone();
            tasks::spawn(async move {
                timers::after(SAY_OPENING_AFTER_MS).await;
                slow.update(|now| {
                    let started = *now == Progress::Started;
                    if started {
                        *now = Progress::Slow;
                    }
                    started
                });
            });
            // Spawned, it runs once this draw's effects (the save, the address) have all run:
            // Yew runs them in one go, before any task spawned meanwhile.
            tasks::spawn(async move {
                let known = known(&env.in_use, env.durable);
                if let Err(failure) = whole_app::hand_over(Some(known), Some(stop_first_app()), None).await {
                    progress.set(Progress::Failed(failure));
                }
            });
            None
        });
    }
    let heading = use_page_heading(WholeAppUi::Opening.text(lang));
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| {
            attempt.update(|n| {
                *n = n.wrapping_add(1);
                true
            })
        })
    };
    let home = {
        let dispatch = ambient.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.send(Action::Visit { draft: None, page: Page::Home }))
    };
    let failure = match *progress {
        Progress::Failed(failure) => Some(failure),
        Progress::Started | Progress::Slow => None,
    };
    // What failed is said at the heading, which keeps the focus (taken again should it be lost).
    {
        let heading = heading.clone();
        use_effect_on(failure.is_some(), move |failed| {
            if *failed {
                dom::focus_node(&heading);
            }
            None
        });
    }
    // The heading is there from the start, out of sight at first, so that focus (and a screen
    // reader) has it at once; it shows if the hand-over takes longer, or fails.
    let hidden = (*progress == Progress::Started).then_some("visually-hidden");
    html! {
        <>
            <h1 ref={heading} tabindex="-1" class={classes!("handover", hidden)}>
                { if failure.is_some() { WholeAppUi::UnavailableHeading.text(lang) } else { WholeAppUi::Opening.text(lang) } }
            </h1>
            if let Some(failure) = failure {
                <p class="error-message" role="alert">{ i18n::whole_app_failure(lang, failure) }</p>
                <div class="button-group">
                    <button type="button" class="button" onclick={retry}>{ WholeAppUi::TryAgain.text(lang) }</button>
                    <button type="button" class="button button-secondary" onclick={home}>{ Ui::BackHome.text(lang) }</button>
                </div>
            }
        </>
    }
}
