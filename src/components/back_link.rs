//! A link to another page of the open draft (or home), as a real address so that it can be
//! opened, bookmarked and read as a link; a click moves within the app.

use yew::prelude::*;
use yibiao_core::session::{Action, Page};

use crate::platform::dom;
use crate::route;
use crate::store::use_ambient;

#[derive(Properties, PartialEq)]
pub struct BackLinkProps {
    pub to: Page,
    pub label: AttrValue,
    #[prop_or(Classes::from("back-link"))]
    pub class: Classes,
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
    /// Words for screen readers only, after the label ("Change" + "the company name").
    #[prop_or_default]
    pub context: Option<AttrValue>,
    /// The id of the element the page should open focused on, instead of its heading.
    #[prop_or_default]
    pub focus: Option<AttrValue>,
}

#[component]
pub fn BackLink(props: &BackLinkProps) -> Html {
    let ambient = use_ambient();
    let href = route::fragment(ambient.open.as_ref(), &props.to);
    let (page, focus) = (props.to.clone(), props.focus.clone());
    let onclick = Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        if let Some(focus) = &focus {
            dom::focus_on_open(focus.to_string());
        }
        ambient.dispatch.send(Action::GoTo(page.clone()));
    });
    html! {
        <a class={props.class.clone()} {href} {onclick} aria-describedby={props.described_by.clone()}>
            { props.label.clone() }
            if let Some(context) = props.context.clone() {
                <span class="visually-hidden">{ context }</span>
            }
        </a>
    }
}
