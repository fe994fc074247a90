//! A field's error message: in a polite live region that is always present (so that a message
//! appearing is announced), with an icon and the word "错误" so colour is never the only signal.

use yew::prelude::*;

use crate::components::ReadAloud;
use crate::i18n::Ui;
use crate::store::use_ambient;

#[derive(Properties, PartialEq)]
pub struct ErrorMessageProps {
    /// The id the field's `aria-describedby` names.
    pub id: AttrValue,
    pub message: Option<AttrValue>,
}

#[component]
pub fn ErrorMessage(props: &ErrorMessageProps) -> Html {
    let lang = use_ambient().lang;
    html! {
        <>
        <div aria-live="polite">
            if let Some(message) = &props.message {
                <p class="error-message" id={props.id.clone()}>
                    <span class="error-icon" aria-hidden="true">{ "✕" }</span>
                    <strong class="error-word">{ Ui::ErrorPrefix.text(lang) }</strong>
                    { message.clone() }
                </p>
            }
        </div>
        if let Some(message) = &props.message {
            <ReadAloud text={message.clone()} />
        }
        </>
    }
}
