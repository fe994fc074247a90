//! A field's error message: in a polite live region that is always present (so that a message
//! appearing is announced), with an icon and the word "错误" so colour is never the only signal.
//!
//! A function, not a component (a component of its own costs the first load a copy of Yew's
//! machinery, issue 16).

use yew::prelude::*;

use crate::components::read_aloud;
use crate::i18n::Ui;
use crate::store::Ambient;

/// The message of the field whose `aria-describedby` names `id`, when there is one.
pub fn error_message(ambient: &Ambient, id: AttrValue, message: Option<AttrValue>) -> Html {
    let lang = ambient.lang;
    html! {
        <>
        <div aria-live="polite">
            if let Some(message) = &message {
                <p class="error-message" {id}>
                    <span class="error-icon" aria-hidden="true">{ "✕" }</span>
                    <strong class="error-word">{ Ui::ErrorPrefix.text(lang) }</strong>
                    { message.clone() }
                </p>
            }
        </div>
        if let Some(message) = message {
            { read_aloud(ambient, message, None) }
        }
        </>
    }
}
