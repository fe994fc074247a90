//! Each page announces itself: the window title follows its heading, and keyboard focus moves
//! to the heading when the page opens, so screen readers read where the person now is (or to
//! the field or material a link pointed at).

use yew::prelude::*;

use crate::i18n;
use crate::platform::dom;
use crate::store::use_ambient;

/// Returns the ref to put on the page's `<h1 tabindex="-1">`.
#[hook]
pub fn use_page_heading(heading: &str) -> NodeRef {
    let lang = use_ambient().lang;
    let node = use_node_ref();
    super::use_effect_on((heading.to_owned(), lang), |(heading, lang)| {
        dom::set_title(&i18n::title(*lang, heading));
        None
    });
    {
        let node = node.clone();
        super::use_effect_on((), move |_| {
            // A link to a particular field or material lands on it (GOV.UK's error links).
            let landed = dom::take_focus_on_open().is_some_and(|id| dom::focus_by_id(&id));
            if !landed {
                dom::focus_node(&node);
            }
            None
        });
    }
    node
}
