//! "我需要帮助" (I need help), at the foot of every page of a draft in the elder version: where
//! to ask (the hall's help desk on a kiosk), what to say, and the departments that handle the
//! bundle. A disclosure in the page, not a pop-up and not another page: opening it loses the
//! place, the answers and (on a kiosk, where pages leave no history) nothing else either.

use yew::prelude::*;

use crate::components::read_aloud;
use crate::i18n::{help_ask, help_where, HelpUi};
use crate::store::Ambient;

/// The help for the bundle named `bundle`, whose plan's items belong to `departments` (each
/// once); nothing outside the elder version. A function, not a component (a component of its
/// own costs the first load a copy of Yew's machinery, issue 16).
pub fn help_panel(ambient: &Ambient, bundle: &str, departments: &[AttrValue]) -> Html {
    let lang = ambient.lang;
    if ambient.elder == 0 {
        return Html::default();
    }
    let desk = ambient.env.kiosk.as_ref().and_then(|kiosk| kiosk.help_desk.as_ref()).map(|desk| desk.get(lang));
    let place = help_where(lang, desk);
    let ask = help_ask(lang, bundle);
    let departments: Vec<&str> = departments.iter().map(AttrValue::as_str).collect();
    let spoken = format!("{place}{ask}{}{}", HelpUi::Departments.text(lang), departments.join(", "));
    html! {
        <details class="help-panel">
            <summary class="button button-secondary help-summary">{ HelpUi::NeedHelp.text(lang) }</summary>
            <div class="help-body">
                <p>{ place }</p>
                <p>{ ask }</p>
                <p>{ HelpUi::Departments.text(lang) }</p>
                <ul>
                    for department in departments {
                        <li>{ department }</li>
                    }
                </ul>
                <p>{ HelpUi::Kept.text(lang) }</p>
                { read_aloud(ambient, spoken.into(), Some(AttrValue::from(HelpUi::NeedHelp.text(lang)))) }
            </div>
        </details>
    }
}
