//! Whether the whole catalog is kept on this device for offline use (离线可用), for the home
//! page: asked of the service worker's cache when the page shows, and again every few seconds
//! while pieces are still coming in the background.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_kept;
use yibiao_core::catalog::pieces::Index;

use crate::catalog::piece_file;

/// How much of the catalog is kept: bundles kept of all, and the bytes still coming.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfflineCatalog {
    pub kept: usize,
    pub total: usize,
    pub missing_bytes: u64,
}

/// How often to ask again while pieces are coming.
const AGAIN_MS: i32 = 3_000;

/// How much of `index`'s catalog is kept for offline use; `None` until known, or where the
/// browser keeps nothing for offline use.
#[hook]
pub fn use_offline_catalog(index: &Rc<Index>) -> Option<OfflineCatalog> {
    let found = use_kept(|| None::<OfflineCatalog>);
    {
        let key = Rc::as_ptr(index) as usize;
        let (found, index) = (found.clone(), Rc::clone(index));
        super::use_effect_on(key, move |_| {
            let alive = Rc::new(std::cell::Cell::new(true));
            let running = Rc::clone(&alive);
            crate::platform::tasks::spawn(async move {
                while running.get() {
                    let Some(kept) = crate::platform::service_worker::kept_pieces().await else { return };
                    let missing: Vec<_> = index.cards.iter().filter(|card| !kept.contains(&piece_file(card))).collect();
                    let missing_bytes = missing.iter().map(|card| u64::from(card.piece_size)).sum();
                    let total = index.cards.len();
                    if running.get() {
                        found.set(Some(OfflineCatalog { kept: total - missing.len(), total, missing_bytes }));
                    }
                    if missing.is_empty() {
                        return;
                    }
                    crate::platform::timers::after(AGAIN_MS).await;
                }
            });
            Some(Box::new(move || alive.set(false)))
        });
    }
    *found
}
