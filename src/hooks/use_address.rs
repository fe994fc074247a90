//! The address follows the page; back and forward move between pages. A refused address
//! changes nothing else, yet the address is put right.

use yew::prelude::*;
use yibiao_core::session::{self, Action, DraftId, Env, Page};

use crate::platform::history;
use crate::route;
use crate::store::{Dispatch, StoreHandle};

/// Keeps the address bar and the page on screen in step, both ways.
#[hook]
pub fn use_address(store: &StoreHandle, opened_at_start: bool) {
    {
        // The first address replaces the one the page was loaded at, unless the app opened a
        // draft at start (handed over): that page follows the home page in the history.
        let first = use_mut_ref(|| !opened_at_start);
        let loaded_checked = use_mut_ref(|| false);
        let dispatcher = Dispatch::new(store.dispatcher());
        // At start, the page the address names, when it is a page of a saved draft that exists.
        let named = (!*loaded_checked.borrow()).then(|| named_page(store)).flatten();
        // A refused address changes nothing else, yet the address must be put right.
        let refused = store.state.address_refused;
        // On a kiosk no page adds to the history: nothing of a session is left to go back to.
        let kiosk = store.env.kiosk.is_some();
        super::use_effect_on((store.state.open.clone(), store.state.page.clone(), refused), move |(draft, page, _)| {
            // At start, an address that names a page of a draft wins over the page the state
            // was saved on (a bookmark, a link, a reload); one naming no such page does not.
            if !loaded_checked.replace(true) {
                if let Some((wanted, wanted_page)) = named.filter(|(d, p)| (Some(d), p) != (draft.as_ref(), page)) {
                    dispatcher.send(Action::Visit { draft: Some(wanted), page: wanted_page });
                    return None;
                }
            }
            let fragment = route::fragment(draft.as_ref(), page);
            if history::current_fragment() != fragment {
                history::show_fragment(&fragment, *first.borrow() || kiosk);
            }
            *first.borrow_mut() = false;
            None
        });
    }
    {
        let dispatcher = Dispatch::new(store.dispatcher());
        super::use_effect_on((), move |_| {
            let listener = history::on_navigation(move |fragment| {
                if let Some((draft, page)) = route::parse(&fragment) {
                    dispatcher.send(Action::Visit { draft, page });
                }
            });
            Some(Box::new(move || drop(listener)))
        });
    }
}

/// The draft and page the address names when the app starts, if that draft is saved here and
/// has that page.
fn named_page(store: &StoreHandle) -> Option<(DraftId, Page)> {
    let (draft, page) = route::parse(&history::current_fragment())?;
    let draft = draft?;
    let env = Env { catalog: &store.env.in_use.catalog, today: store.env.today, now_ms: 0 };
    (session::landing(&store.state, Some(&draft), &page, env) == (Some(draft.clone()), page.clone()))
        .then_some((draft, page))
}
