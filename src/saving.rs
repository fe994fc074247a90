//! Saving the drafts after every change, beside other tabs of the app (保存): what another tab
//! saved meanwhile is merged in before writing, never written over; and once the storage
//! holds something this version cannot read (a newer version open elsewhere, or damage), the
//! tab copies it aside and stops saving, so that it never overwrites what it cannot read.

use std::cell::{Cell, RefCell};

use yibiao_core::draft::{self, Read};
use yibiao_core::session::{merge::merge, Env, State};

use crate::app::DRAFT_KEY;
use crate::platform::storage::{Storage, StorageError};
use crate::set_aside;

/// What became of a save.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Written (or already there). `theirs` is what another tab had saved meanwhile, merged
    /// into what was written: the tab's state takes it too, through the reducer, which merges
    /// it into the state as it is by then (another change may have come first).
    Written { theirs: Option<Box<State>> },
    /// The storage is full: the last saved drafts stay.
    Full,
    /// The storage failed otherwise.
    Failed,
    /// This tab does not save any more (see [`Halt`]).
    Halted(Halt),
}

impl From<StorageError> for Saved {
    fn from(error: StorageError) -> Saved {
        match error {
            StorageError::QuotaExceeded => Saved::Full,
            _ => Saved::Failed,
        }
    }
}

/// Why a tab stopped saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Halt {
    /// What was stored at start-up could not be read, nor copied aside: it is the only copy.
    Stuck,
    /// Another tab saved drafts this version cannot read. `kept_aside` when a copy of them
    /// could be set aside; else they are the only copy.
    OtherTab { kept_aside: bool },
}

/// The tab's saver: it knows what it last wrote, so that a change by another tab shows.
#[derive(Debug)]
pub struct Saver {
    storage: Storage,
    written: RefCell<Option<String>>,
    halt: Cell<Option<Halt>>,
}

impl Saver {
    /// A saver over `storage`, which holds `found` as start-up read it; `stuck` when what it
    /// found could be neither read nor copied aside.
    pub fn new(storage: Storage, found: Option<String>, stuck: bool) -> Saver {
        Saver { storage, written: RefCell::new(found), halt: Cell::new(stuck.then_some(Halt::Stuck)) }
    }

    pub fn halted(&self) -> Option<Halt> {
        self.halt.get()
    }

    /// Saves `state`, merged with whatever another tab saved since this one last wrote.
    pub fn save(&self, state: &State, env: Env<'_>, now_ms: u64) -> Saved {
        if let Some(halt) = self.halt.get() {
            return Saved::Halted(halt);
        }
        let stored = match self.storage.get(DRAFT_KEY) {
            Ok(stored) => stored,
            Err(error) => return Saved::from(error),
        };
        let changed_elsewhere = stored.is_some() && *self.written.borrow() != stored;
        let (text, theirs) = match stored.filter(|_| changed_elsewhere) {
            Some(stored) => match self.read_elsewhere(&stored, now_ms) {
                Ok(theirs) => {
                    let merged = merge(state, &theirs, env);
                    (draft::encode(&merged), Some(Box::new(theirs)))
                }
                Err(halt) => return Saved::Halted(halt),
            },
            None => (draft::encode(state), None),
        };
        if changed_elsewhere || self.written.borrow().as_deref() != Some(text.as_str()) {
            if let Err(error) = self.storage.set(DRAFT_KEY, &text) {
                return Saved::from(error);
            }
            *self.written.borrow_mut() = Some(text);
        }
        Saved::Written { theirs }
    }

    /// Another tab saved `text` (the browser said so): the drafts in it, to merge, or why this
    /// tab has stopped saving.
    pub fn heard(&self, text: &str, now_ms: u64) -> Result<State, Halt> {
        if let Some(halt) = self.halt.get() {
            return Err(halt);
        }
        self.read_elsewhere(text, now_ms)
    }

    /// Reads what another tab saved; if this version cannot read all of it, copies it aside
    /// and stops saving for good.
    fn read_elsewhere(&self, text: &str, now_ms: u64) -> Result<State, Halt> {
        match draft::read(text) {
            Ok(Read { state, refused }) if refused.is_empty() => Ok(state),
            _ => {
                let halt = Halt::OtherTab { kept_aside: set_aside::keep(&self.storage, text, now_ms).is_ok() };
                self.halt.set(Some(halt));
                Err(halt)
            }
        }
    }
}
