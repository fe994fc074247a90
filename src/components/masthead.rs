//! The top bar: the name of the service and the language switch.

use yew::prelude::*;
use yibiao_core::session::Action;

use crate::i18n::Ui;
use crate::store::use_store;

#[component]
pub fn Masthead() -> Html {
    let store = use_store();
    let lang = store.state.lang;
    let other = lang.other();
    let switch = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::SetLang(other)))
    };
    html! {
        <header class="masthead">
            <div class="masthead-inner">
                <p class="brand">
                    <span class="brand-mark" aria-hidden="true">{ "一" }</span>
                    <span class="brand-name">{ Ui::AppName.text(lang) }</span>
                    <span class="brand-tagline">{ Ui::AppTagline.text(lang) }</span>
                </p>
                <button type="button" class="lang-switch" lang={other.tag()} onclick={switch}
                    aria-label={Ui::SwitchLanguageLabel.text(lang)}>
                    { Ui::SwitchLanguage.text(lang) }
                </button>
            </div>
        </header>
    }
}
