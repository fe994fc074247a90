//! "Skip to main content", the first stop for keyboard users.

use yew::prelude::*;

use crate::i18n::Ui;
use crate::platform::dom;
use crate::store::use_ambient;

const SKIP_LINK: &str = "skip-link";

#[component]
pub fn SkipLink() -> Html {
    let lang = use_ambient().lang;
    // Moves focus without touching the address, which names the page.
    let onclick = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        dom::focus_by_id("main");
    });
    // Each page opens with focus on its heading (read out by screen readers); the first Tab
    // from there comes back here, so the skip link stays the first stop of every page.
    use_effect_with((), |_| {
        let listener = dom::on_tab_from_heading(|| {
            let _ = dom::focus_by_id(SKIP_LINK);
        });
        move || drop(listener)
    });
    html! {
        <a class="skip-link" id={SKIP_LINK} href="#main" {onclick}>{ Ui::SkipToContent.text(lang) }</a>
    }
}
