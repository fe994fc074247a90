//! A "back" link to another page of the application.

use yew::prelude::*;
use yibiao_core::session::{Action, Page};

use crate::route;
use crate::store::use_store;

#[derive(Properties, PartialEq)]
pub struct BackLinkProps {
    pub to: Page,
    pub label: AttrValue,
}

#[component]
pub fn BackLink(props: &BackLinkProps) -> Html {
    let store = use_store();
    let page = props.to;
    let onclick = Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        store.dispatch(Action::GoTo(page));
    });
    html! {
        <a class="back-link" href={route::fragment(page)} {onclick}>{ props.label.clone() }</a>
    }
}
