//! Drafts set aside (另存的草稿): documents, or single drafts, this version could not read,
//! each copied under a key of its own so that saving never overwrites them, with the time it
//! was found. The home page lists them: the applicant saves one as a file (for a newer version
//! of the app, or for help) or discards it.

use yew::Callback;
use yibiao_core::draft::{self, DraftError};

use crate::platform::storage::{Storage, StorageError};

/// The key of the first copy, as earlier versions wrote it (see [`crate::keys`]).
pub use crate::keys::SET_ASIDE_FIRST as FIRST_KEY;
use crate::keys::SET_ASIDE_FOUND as FOUND;
/// The most copies kept; past it, a further unreadable draft is treated as one that cannot be
/// copied (it stays where it is, and nothing is saved over it).
const MOST: u32 = 100;

/// One copy set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    pub key: String,
    pub text: String,
    /// When it was set aside; unknown for copies from before times were kept.
    pub found_ms: Option<u64>,
}

impl SetAside {
    /// Why this version cannot read it, or `None` if it can now (a copy made by an older
    /// version that could not, or one the applicant put back by hand).
    pub fn cause(&self) -> Option<DraftError> {
        match draft::read(&self.text) {
            Err(error) => Some(error),
            Ok(mut read) => read.refused.pop().map(|refused| refused.error),
        }
    }
}

/// The copies set aside, shared from `App` by context: the storage they are in, a count that
/// changes whenever one is discarded (so clean-up runs again and the list is read again), and
/// the callback that says one was.
#[derive(Clone, PartialEq)]
pub struct Shelf {
    pub storage: Storage,
    pub generation: u32,
    pub changed: Callback<()>,
}

fn key(n: u32) -> String {
    match n {
        1 => FIRST_KEY.to_owned(),
        n => format!("{FIRST_KEY}.{n}"),
    }
}

/// Copies `text` aside under the first free key, never over an earlier copy; the same text
/// already kept (a reload before anything was saved) is not copied twice.
pub fn keep(storage: &Storage, text: &str, now_ms: u64) -> Result<(), StorageError> {
    let held = storage.keys()?;
    for n in 1..=MOST {
        let key = key(n);
        if !held.contains(&key) {
            storage.set(&key, text)?;
            // The time helps to tell copies apart; without room for it the copy still stands.
            let _ = storage.set(&format!("{key}{FOUND}"), &now_ms.to_string());
            return Ok(());
        }
        if storage.get(&key)?.as_deref() == Some(text) {
            return Ok(());
        }
    }
    Err(StorageError::QuotaExceeded)
}

/// Whether `key` names a copy (not a copy's time).
fn is_copy(key: &str) -> bool {
    match key.strip_prefix(FIRST_KEY) {
        Some("") => true,
        Some(rest) => rest.strip_prefix('.').is_some_and(|n| n.parse::<u32>().is_ok_and(|n| (2..=MOST).contains(&n))),
        None => false,
    }
}

/// Every copy set aside, the oldest first. A key that cannot be read is an `Err`: a copy whose
/// text is unknown, so that nothing it might name is deleted.
pub fn all(storage: &Storage) -> Result<Vec<SetAside>, StorageError> {
    let mut copies = Vec::new();
    // The keys held, not every key a copy might have: a page reads them on every draw.
    for key in storage.keys()?.into_iter().filter(|key| is_copy(key)) {
        if let Some(text) = storage.get(&key)? {
            let found_ms = storage.get(&format!("{key}{FOUND}")).ok().flatten().and_then(|ms| ms.parse().ok());
            // In order as they come (a few at most): no sort to ship for it.
            let at = copies.partition_point(|copy: &SetAside| copy.found_ms <= found_ms);
            copies.insert(at, SetAside { key, text, found_ms });
        }
    }
    Ok(copies)
}

/// What the copies set aside may name, to keep their files from being deleted. A damaged copy
/// names its files as this version writes them; one of a newer format may name them in a way
/// this version cannot know, so it keeps every file. Each copy is read once, here, not once for
/// every file.
#[derive(Debug)]
pub struct Named {
    every_file: bool,
    texts: Vec<String>,
}

impl Named {
    pub fn by(copies: Vec<SetAside>) -> Named {
        let every_file = copies.iter().any(|copy| matches!(copy.cause(), Some(DraftError::NewerVersion { .. })));
        Named { every_file, texts: copies.into_iter().map(|copy| copy.text).collect() }
    }

    /// Whether the file `id` may be named by a copy, so must stay.
    pub fn may_name(&self, id: &str) -> bool {
        self.every_file || self.texts.iter().any(|text| text.contains(id))
    }
}

/// Discards a copy for good (the home page asks first).
pub fn discard(storage: &Storage, key: &str) -> Result<(), StorageError> {
    storage.remove(key)?;
    storage.remove(&format!("{key}{FOUND}"))
}
