//! Key-value storage behind a small trait, so that a kiosk can keep everything in memory and
//! tests can simulate a full disk.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;
use yibiao_core::sorted_map::SortedMap;

use wasm_bindgen::JsCast;

/// Why a value could not be stored or read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StorageError {
    /// Occurs when the browser offers no storage (private mode, disabled by policy).
    Unavailable,
    /// Occurs when the storage is full (the browser's quota is exceeded).
    QuotaExceeded,
    /// Occurs on any other failure the browser reports.
    Failed(String),
}

/// A place to keep short texts under string keys.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key held, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// The browser's `localStorage`: survives reloads, crashes and closed tabs.
#[derive(Debug)]
pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// Opens `localStorage`, if the browser allows it.
    pub fn open() -> Result<LocalStore, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(LocalStore { storage }),
            _ => Err(StorageError::Unavailable),
        }
    }
}

fn storage_error(error: wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) if error.name() == "QuotaExceededError" => StorageError::QuotaExceeded,
        Some(error) => StorageError::Failed(String::from(error.message())),
        None => StorageError::Failed(format!("{error:?}")),
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(storage_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(storage_error)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(storage_error)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let length = self.storage.length().map_err(storage_error)?;
        let mut keys = Vec::new();
        for n in 0..length {
            if let Some(key) = self.storage.key(n).map_err(storage_error)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// Storage in memory only: nothing outlives the page. For kiosks and tests.
#[derive(Debug, Default)]
pub struct MemoryStore {
    values: RefCell<SortedMap<String, String>>,
    /// The most bytes (UTF-8, keys and values) it holds; `None` for no limit.
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        MemoryStore::default()
    }

    /// A store that refuses to grow past `bytes`, to simulate a full disk.
    pub fn with_quota(bytes: usize) -> Self {
        MemoryStore { values: RefCell::default(), quota: Some(bytes) }
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.values.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let mut values = self.values.borrow_mut();
        if let Some(quota) = self.quota {
            let others: usize = values.iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| k.len() + v.len()).sum();
            if others + key.len() + value.len() > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        values.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.values.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.values.borrow().keys().cloned().collect())
    }
}

/// Calls `on_change` with the new text whenever another tab of the app changes `key` in the
/// browser's storage (the browser tells only the other tabs). Dropping the listener stops it.
pub fn on_change_elsewhere(
    key: &'static str,
    on_change: impl Fn(Option<String>) + 'static,
) -> Option<gloo_events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo_events::EventListener::new(&window, "storage", move |event| {
        if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
            if event.key().as_deref() == Some(key) {
                on_change(event.new_value());
            }
        }
    }))
}

/// A shared handle to the store the app uses; equal when it is the same store.
#[derive(Clone)]
pub struct Storage(Rc<dyn KeyValueStore>);

impl Storage {
    pub fn new(store: impl KeyValueStore + 'static) -> Self {
        Storage(Rc::new(store))
    }

    /// The browser's persistent storage, or memory (with the reason) when there is none.
    pub fn browser() -> (Storage, Option<StorageError>) {
        match LocalStore::open() {
            Ok(store) => (Storage::new(store), None),
            Err(error) => (Storage::new(MemoryStore::new()), Some(error)),
        }
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get(key)
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set(key, value)
    }

    pub fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.remove(key)
    }

    pub fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.0.keys()
    }
}

impl PartialEq for Storage {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Storage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Storage")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_store_keeps_values_and_refuses_past_its_quota() {
        let store = MemoryStore::with_quota(10);
        assert_eq!(store.set("a", "12345"), Ok(()));
        assert_eq!(store.set("a", "123456789"), Ok(()), "replacing a value counts only the new one");
        assert_eq!(store.set("b", "12"), Err(StorageError::QuotaExceeded));
        assert_eq!(store.get("a"), Ok(Some("123456789".into())));
        assert_eq!(store.get("b"), Ok(None));
        assert_eq!(store.keys(), Ok(vec!["a".to_owned()]));
        assert_eq!(store.remove("a"), Ok(()));
        assert_eq!(store.get("a"), Ok(None));
        assert_eq!(store.keys(), Ok(Vec::new()));
    }
}
