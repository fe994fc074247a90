//! The address follows the page; back and forward move between pages. A refused address
//! changes nothing else, yet the address is put right.

use yew::prelude::*;
use yibiao_core::session::Action;

use crate::platform::history;
use crate::route;
use crate::store::{Dispatch, StoreHandle};

/// Keeps the address bar and the page on screen in step, both ways.
#[hook]
pub fn use_address(store: &StoreHandle) {
    {
        let first = use_mut_ref(|| true);
        let loaded_checked = use_mut_ref(|| false);
        let dispatcher = Dispatch::new(store.dispatcher());
        // A refused address changes nothing else, yet the address must be put right.
        let refused = store.state.address_refused;
        use_effect_with((store.state.open.clone(), store.state.page.clone(), refused), move |(draft, page, _)| {
            // At start, an address that names a page of a draft wins over the page the state
            // was saved on (a bookmark, a link, a reload); the reducer refuses a page that does
            // not exist, and the address is then put right below.
            if !loaded_checked.replace(true) {
                let loaded = history::current_fragment();
                if let Some((Some(wanted), wanted_page)) = route::parse(&loaded) {
                    if (Some(&wanted), &wanted_page) != (draft.as_ref(), page) {
                        dispatcher.send(Action::Visit { draft: Some(wanted), page: wanted_page });
                        return;
                    }
                }
            }
            let fragment = route::fragment(draft.as_ref(), page);
            if history::current_fragment() != fragment {
                history::show_fragment(&fragment, *first.borrow());
            }
            *first.borrow_mut() = false;
        });
    }
    {
        let dispatcher = Dispatch::new(store.dispatcher());
        use_effect_with((), move |_| {
            let listener = history::on_navigation(move |fragment| {
                if let Some((draft, page)) = route::parse(&fragment) {
                    dispatcher.send(Action::Visit { draft, page });
                }
            });
            move || drop(listener)
        });
    }
}
