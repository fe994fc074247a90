//! Every change is saved at once, merged with what another tab saved meanwhile. A full disk
//! keeps the last saved drafts and says so. What this version cannot read (found at start-up and
//! not copied aside, or saved by another tab) is never saved over.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::Kept;
use yibiao_core::session::{Action, Env};

use super::say_halted as halted;
use crate::notice::Notice;
use crate::saving::{Halt, Saved, Saver};
use crate::store::{Dispatch, StoreHandle};

/// Saves the store's state after every change.
#[hook]
pub fn use_saving(store: &StoreHandle, saver: &Rc<Saver>, notice: &Kept<Option<Notice>>, shelf_changed: &Callback<()>) {
    let (saver, notice, dispatcher, env) =
        (Rc::clone(saver), notice.clone(), Dispatch::new(store.dispatcher()), Rc::clone(&store.env));
    let shelf_changed = shelf_changed.clone();
    super::use_effect_on(store.state.clone(), move |state| {
        let now_ms = crate::platform::clock::now_ms();
        let core_env = Env { catalog: &env.in_use.catalog, today: env.today, now_ms };
        match saver.save(state, core_env, now_ms) {
            Saved::Written { theirs } => {
                // The first time something is saved, the browser is asked to keep it for good.
                if !state.drafts.is_empty() {
                    crate::platform::durability::ask_once();
                }
                if *notice == Some(Notice::StorageFull) {
                    notice.set(None);
                }
                if let Some(theirs) = theirs {
                    dispatcher.send(Action::Adopt(theirs));
                }
            }
            Saved::Full => notice.set(Some(Notice::StorageFull)),
            Saved::Failed => notice.set(Some(Notice::StorageUnavailable)),
            Saved::Halted(Halt::OtherTab { kept_aside }) => halted(&notice, &shelf_changed, kept_aside),
            Saved::Halted(Halt::Stuck) => {}
        }
        None
    });
}
