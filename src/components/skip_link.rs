//! "Skip to main content", the first stop for keyboard users.
//!
//! A function and a hook, not a component (a component of its own costs the first load a copy
//! of Yew's machinery, issue 16): the page's root draws the link and calls the hook.

use yew::prelude::*;
use yibiao_core::Lang;

use crate::i18n::Ui;
use crate::platform::dom;

const SKIP_LINK: &str = "skip-link";

/// The link, first in the page.
pub fn skip_link(lang: Lang) -> Html {
    // Moves focus without touching the address, which names the page.
    let onclick = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        dom::focus_by_id("main");
    });
    html! {
        <a class="skip-link" id={SKIP_LINK} href="#main" {onclick}>{ Ui::SkipToContent.text(lang) }</a>
    }
}

/// Each page opens with focus on its heading (read out by screen readers); the first Tab from
/// there comes back to the skip link, so that it stays the first stop of every page.
#[hook]
pub fn use_skip_link() {
    crate::hooks::use_effect_on((), |_| {
        let listener = dom::on_tab_from_heading(|| {
            let _ = dom::focus_by_id(SKIP_LINK);
        });
        Some(Box::new(move || drop(listener)))
    });
}
