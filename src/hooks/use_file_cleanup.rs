//! Files no draft uses any more (a draft deleted, a file removed) are deleted from the device.
//! Drafts saved by another tab count as in use too, and so does every file a copy set aside may
//! name. Nothing is deleted while the drafts cannot all be known: an unreadable draft that could
//! not even be set aside, or a browser that keeps no drafts (`no_drafts`).

use std::rc::Rc;

use yew::prelude::*;

use crate::keys::DRAFT as DRAFT_KEY;
use crate::platform::file_store::FileStore;
use crate::platform::storage::Storage;
use crate::saving::Saver;
use crate::set_aside;
use crate::store::StoreHandle;

/// Deletes the files nothing names, after every change of what is in use; `generation` counts
/// the changes of the copies set aside.
#[hook]
pub fn use_file_cleanup(
    store: &StoreHandle,
    saver: &Rc<Saver>,
    storage: &Storage,
    files: &FileStore,
    no_drafts: bool,
    generation: u32,
) {
    let (storage, files) = (storage.clone(), files.clone());
    let saver = Rc::clone(saver);
    super::use_effect_on((store.state.file_ids(), generation), move |(in_use, _)| {
        if no_drafts || saver.halted().is_some() {
            return None;
        }
        let Ok(copies) = set_aside::all(&storage) else { return None };
        let named = set_aside::Named::by(copies);
        // What is saved now, read or not: a file it names is in use.
        let Ok(saved) = storage.get(DRAFT_KEY) else { return None };
        let saved = saved.unwrap_or_default();
        let in_use = in_use.clone();
        crate::platform::tasks::spawn(async move {
            let keep = |id: &str| in_use.iter().any(|used| used == id) || saved.contains(id) || named.may_name(id);
            let _ = files.keep_only(keep).await;
        });
        None
    });
}
