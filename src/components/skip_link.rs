//! "Skip to main content", the first stop for keyboard users.

use yew::prelude::*;

use crate::i18n::Ui;
use crate::platform::dom;
use crate::store::use_ambient;

#[component]
pub fn SkipLink() -> Html {
    let lang = use_ambient().lang;
    // Moves focus without touching the address, which names the page.
    let onclick = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        dom::focus_by_id("main");
    });
    html! {
        <a class="skip-link" href="#main" {onclick}>{ Ui::SkipToContent.text(lang) }</a>
    }
}
