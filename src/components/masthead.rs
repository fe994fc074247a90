//! The top bar: the name of the service, which leads home (every draft stays saved), and the
//! language switch.

use yew::prelude::*;

use yibiao_core::session::{Action, Page, ELDER_STEPS};

use crate::i18n::{SpeechUi, Ui};
use crate::store::Ambient;

/// The top bar; on a page of its own (the catalog page, `separate_page`), the name leads to
/// the app's address. A function, not a component (a component of its own costs the first
/// load a copy of Yew's machinery, issue 16): the pace of reading aloud is the ambient
/// context's.
pub fn masthead(ambient: &Ambient, separate_page: bool) -> Html {
    let lang = ambient.lang;
    let other = lang.other();
    let switch = {
        let dispatch = ambient.dispatch.clone();
        Callback::from(move |_| dispatch.send(Action::SetLang(other)))
    };
    // The elder version (长辈版): on, off, and in it a larger or smaller step of text.
    let elder = ambient.elder;
    let set_elder = |step: u8| {
        let dispatch = ambient.dispatch.clone();
        Callback::from(move |_| dispatch.send(Action::SetElder(step)))
    };
    // Reading aloud slowly (语音播报), for the page's life.
    let slow = ambient.speech.slow;
    let toggle_slow = {
        let speech = ambient.speech.clone();
        Callback::from(move |_| {
            speech.update(|speech| {
                speech.slow = !speech.slow;
                crate::platform::speech::set_slow(speech.slow);
                true
            });
        })
    };
    let home = {
        let dispatch = ambient.dispatch.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            dispatch.send(Action::GoTo(Page::Home));
        })
    };
    html! {
        <header class="masthead">
            <div class="masthead-inner">
                <a class="brand" href={if separate_page { "./" } else { "#/" }}
                    onclick={(!separate_page).then_some(home)}>
                    <span class="brand-mark" aria-hidden="true">{ "一" }</span>
                    <span class="brand-name">{ Ui::AppName.text(lang) }</span>
                    <span class="brand-tagline">{ Ui::AppTagline.text(lang) }</span>
                </a>
                <div class="masthead-actions">
                    if elder > 0 {
                        <button type="button" class="display-switch" onclick={set_elder(elder.saturating_sub(1).max(1))}
                            disabled={elder <= 1}>{ Ui::TextSmaller.text(lang) }</button>
                        <button type="button" class="display-switch" onclick={set_elder((elder + 1).min(ELDER_STEPS))}
                            disabled={elder >= ELDER_STEPS}>{ Ui::TextLarger.text(lang) }</button>
                        <button type="button" class="display-switch" aria-pressed={if slow { "true" } else { "false" }}
                            onclick={toggle_slow}>{ SpeechUi::ReadSlowly.text(lang) }</button>
                    }
                    <button type="button" class="display-switch" aria-pressed={if elder > 0 { "true" } else { "false" }}
                        onclick={set_elder(if elder > 0 { 0 } else { 1 })}>
                        { if elder > 0 { Ui::StandardVersion.text(lang) } else { Ui::ElderVersion.text(lang) } }
                    </button>
                    <button type="button" class="lang-switch" lang={other.tag()} onclick={switch}
                        aria-label={Ui::SwitchLanguageLabel.text(lang)}>
                        { Ui::SwitchLanguage.text(lang) }
                    </button>
                </div>
            </div>
        </header>
    }
}
