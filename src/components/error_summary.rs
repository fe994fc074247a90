//! The error summary (GOV.UK pattern): at the top of the form after a failed "continue", it takes
//! focus and lists every problem; each link moves focus to its field.

use yew::prelude::*;

use crate::i18n::Ui;
use crate::platform::dom;
use crate::store::use_ambient;

/// One problem: the DOM id of the field to fix and the message.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryError {
    pub target: AttrValue,
    pub message: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub errors: Vec<SummaryError>,
    /// Changes on every failed attempt to continue; focus returns to the summary each time.
    pub attempt: u32,
}

#[component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let lang = use_ambient().lang;
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.attempt, move |_| {
            dom::focus_node(&node);
        });
    }
    html! {
        <div class="error-summary" ref={node} tabindex="-1" aria-labelledby="error-summary-title">
            <h2 class="error-summary-title" id="error-summary-title">
                <span class="error-icon" aria-hidden="true">{ "✕" }</span>
                { Ui::ErrorSummaryTitle.text(lang) }
            </h2>
            <ul class="error-summary-list">
                for error in props.errors.iter() {
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
