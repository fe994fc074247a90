//! Another tab saved its drafts: this one merges them in at once, so that what is on screen is
//! what is saved; what it cannot read stops its saving.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::Kept;
use yibiao_core::session::Action;

use super::say_halted as halted;
use crate::keys::DRAFT as DRAFT_KEY;
use crate::notice::Notice;
use crate::saving::{Halt, Saver};
use crate::store::{Dispatch, StoreHandle};

/// Listens, while the app runs, for the drafts another tab saves.
#[hook]
pub fn use_other_tabs(
    store: &StoreHandle,
    saver: &Rc<Saver>,
    notice: &Kept<Option<Notice>>,
    shelf_changed: &Callback<()>,
) {
    let (saver, notice, dispatcher) = (Rc::clone(saver), notice.clone(), Dispatch::new(store.dispatcher()));
    let shelf_changed = shelf_changed.clone();
    super::use_effect_on((), move |_| {
        let listener = crate::platform::storage::on_change_elsewhere(DRAFT_KEY, move |text| {
            let Some(text) = text else { return };
            match saver.heard(&text, crate::platform::clock::now_ms()) {
                Ok(saved) => dispatcher.send(Action::Adopt(Box::new(saved))),
                Err(Halt::OtherTab { kept_aside }) => halted(&notice, &shelf_changed, kept_aside),
                Err(Halt::Stuck) => {}
            }
        });
        Some(Box::new(move || drop(listener)))
    });
}
