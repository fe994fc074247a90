//! The top bar: the name of the service, which leads home (every draft stays saved), and the
//! language switch.

use yew::prelude::*;
use yibiao_core::session::{Action, Page};

use crate::i18n::Ui;
use crate::store::use_ambient;

#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    /// On a page of its own (the catalog page), the name leads to the app's address.
    #[prop_or_default]
    pub separate_page: bool,
}

#[component]
pub fn Masthead(props: &MastheadProps) -> Html {
    let ambient = use_ambient();
    let lang = ambient.lang;
    let other = lang.other();
    let switch = {
        let dispatch = ambient.dispatch.clone();
        Callback::from(move |_| dispatch.send(Action::SetLang(other)))
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
                <a class="brand" href={if props.separate_page { "./" } else { "#/" }}
                    onclick={(!props.separate_page).then_some(home)}>
                    <span class="brand-mark" aria-hidden="true">{ "一" }</span>
                    <span class="brand-name">{ Ui::AppName.text(lang) }</span>
                    <span class="brand-tagline">{ Ui::AppTagline.text(lang) }</span>
                </a>
                <button type="button" class="lang-switch" lang={other.tag()} onclick={switch}
                    aria-label={Ui::SwitchLanguageLabel.text(lang)}>
                    { Ui::SwitchLanguage.text(lang) }
                </button>
            </div>
        </header>
    }
}
