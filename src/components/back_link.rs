//! A link to another page of the open draft (or home), as a real address so that it can be
//! opened, bookmarked and read as a link; a click moves within the app.
//!
//! A function, not a component: the pages that draw it have the ambient context at hand, and
//! a component of its own would cost the first load a copy of Yew's machinery (issue 16).

use yew::prelude::*;
use yibiao_core::session::{Action, Page};

use crate::platform::dom;
use crate::route;
use crate::store::Ambient;

/// Where a link goes and what it says.
pub struct BackLink {
    pub to: Page,
    pub label: AttrValue,
    /// The link's class: `back-link` unless another is given (`None` for none).
    pub class: Option<&'static str>,
    pub described_by: Option<AttrValue>,
    /// Words for screen readers only, after the label ("Change" + "the company name").
    pub context: Option<AttrValue>,
    /// The id of the element the page should open focused on, instead of its heading.
    pub focus: Option<AttrValue>,
}

impl BackLink {
    /// A link styled as the page's way back.
    pub fn new(to: Page, label: impl Into<AttrValue>) -> BackLink {
        BackLink { to, label: label.into(), class: Some("back-link"), described_by: None, context: None, focus: None }
    }
}

/// The link, drawn.
pub fn back_link(ambient: &Ambient, link: BackLink) -> Html {
    let BackLink { to, label, class, described_by, context, focus } = link;
    let href = route::fragment(ambient.open.as_ref(), &to);
    let dispatch = ambient.dispatch.clone();
    let onclick = Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        if let Some(focus) = &focus {
            dom::focus_on_open(focus.to_string());
        }
        dispatch.send(Action::GoTo(to.clone()));
    });
    html! {
        <a {class} {href} {onclick} aria-describedby={described_by}>
            { label }
            if let Some(context) = context {
                <span class="visually-hidden">{ context }</span>
            }
        </a>
    }
}
