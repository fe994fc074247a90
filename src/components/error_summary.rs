//! The error summary (GOV.UK pattern): at the top of the form after a failed "continue", it takes
//! focus and lists every problem; each link moves focus to its field.

use yew::prelude::*;

use crate::i18n::Ui;
use crate::platform::dom;
use yibiao_core::Lang;

/// One problem: the DOM id of the field to fix and the message.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryError {
    pub target: AttrValue,
    pub message: AttrValue,
}

/// The summary of `errors`, to be focused through `node` after each failed attempt to
/// continue (the frame's effect, keyed by the attempt). A function, not a component: a
/// component of its own costs the first load a copy of Yew's machinery (issue 16).
pub fn error_summary(lang: Lang, errors: &[SummaryError], node: NodeRef) -> Html {
    html! {
        <div class="error-summary" ref={node} tabindex="-1" aria-labelledby="error-summary-title">
            <h2 class="error-summary-title" id="error-summary-title">
                <span class="error-icon" aria-hidden="true">{ "✕" }</span>
                { Ui::ErrorSummaryTitle.text(lang) }
            </h2>
            <ul class="error-summary-list">
                for error in errors.iter() {
                    <li>
                        <a href={format!("#{}", error.target)} onclick={focus_target(error.target.clone())}>
                            { error.message.clone() }
                        </a>
                    </li>
                }
            </ul>
        </div>
    }
}

/// Focuses the field without changing the address, which names the page.
fn focus_target(target: AttrValue) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        dom::focus_by_id(&target);
    })
}
