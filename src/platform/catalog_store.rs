//! Where a catalog an administrator loaded on this device is kept (本机目录): IndexedDB, apart
//! from the drafts, so that a large catalog never takes the drafts' room in `localStorage`.
//! Its two parts are written in one transaction: both or neither. Memory on a kiosk and in
//! tests keeps none. No personal data.

use wasm_bindgen::JsValue;
use web_sys::{IdbObjectStore, IdbTransaction, IdbTransactionMode};

use super::idb::{self, answered, failure, finished};
use super::storage::{Storage, StorageError};

use crate::keys::{CATALOG_DATABASE as DATABASE, CATALOG_MARKER as MARKER_KEY};
use crate::keys::{OLD_CATALOG_COMPACT as OLD_COMPACT_KEY, OLD_CATALOG_SOURCES as OLD_SOURCES_KEY};

const STORE: &str = "catalog";
/// The published pieces, which the app starts from (the key's name is an earlier version's).
const COMPACT: &str = "compact";
/// The TOML files, for the catalog page.
const SOURCES: &str = "sources";

/// A loaded catalog as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCatalog {
    /// Its published pieces as text (`Published::encode_text`); anything else (empty when only
    /// the files were kept, or the compact form of an earlier version) has to be loaded again.
    pub published: String,
    /// Its TOML files (`encode_sources`).
    pub sources: String,
}

impl StoredCatalog {
    /// The catalog of the parts found, if either was.
    fn of(compact: Option<String>, sources: Option<String>) -> Option<StoredCatalog> {
        (compact.is_some() || sources.is_some())
            .then(|| StoredCatalog { published: compact.unwrap_or_default(), sources: sources.unwrap_or_default() })
    }
}

async fn store(mode: IdbTransactionMode) -> Result<(IdbTransaction, IdbObjectStore), StorageError> {
    let database = idb::open(DATABASE, STORE).await?;
    let transaction = database.transaction_with_str_and_mode(STORE, mode).map_err(failure)?;
    let store = transaction.object_store(STORE).map_err(failure)?;
    Ok((transaction, store))
}

async fn text(store: &IdbObjectStore, key: &str) -> Result<Option<String>, StorageError> {
    let request = store.get(&JsValue::from_str(key)).map_err(failure)?;
    Ok(answered(&request).await?.as_string())
}

/// The catalog loaded on this device, if any. One kept in `localStorage` by an earlier version
/// moves here first (and is removed there once it is safely here).
pub async fn read(storage: &Storage) -> Result<Option<StoredCatalog>, StorageError> {
    if !matches!(storage.get(MARKER_KEY), Ok(None)) {
        return read_database().await;
    }
    let found =
        StoredCatalog::of(storage.get(OLD_COMPACT_KEY).ok().flatten(), storage.get(OLD_SOURCES_KEY).ok().flatten());
    let Some(old) = found else { return Ok(None) };
    if write(storage, Some(&old)).await.is_ok() {
        let _ = storage.remove(OLD_COMPACT_KEY);
        let _ = storage.remove(OLD_SOURCES_KEY);
    }
    Ok(Some(old))
}

async fn read_database() -> Result<Option<StoredCatalog>, StorageError> {
    let (_, store) = store(IdbTransactionMode::Readonly).await?;
    let compact = text(&store, COMPACT).await?;
    let sources = text(&store, SOURCES).await?;
    Ok(StoredCatalog::of(compact, sources))
}

/// Keeps `catalog` as the one loaded on this device, or, for `None`, removes it: both parts or
/// neither, so the app never starts from half a catalog.
pub async fn write(storage: &Storage, catalog: Option<&StoredCatalog>) -> Result<(), StorageError> {
    put(catalog).await?;
    let marked = match catalog {
        Some(_) => storage.set(MARKER_KEY, "1"),
        None => storage.remove(MARKER_KEY),
    };
    if marked.is_err() && catalog.is_some() {
        // Unmarked, the app would not look for it: then none is kept at all.
        put(None).await?;
    }
    marked
}

/// Writes both parts, or clears them, in one transaction.
async fn put(catalog: Option<&StoredCatalog>) -> Result<(), StorageError> {
    let (transaction, store) = store(IdbTransactionMode::Readwrite).await?;
    let queued = match catalog {
        Some(catalog) => store
            .put_with_key(&JsValue::from_str(&catalog.published), &JsValue::from_str(COMPACT))
            .and_then(|_| store.put_with_key(&JsValue::from_str(&catalog.sources), &JsValue::from_str(SOURCES))),
        None => store.clear(),
    };
    if let Err(error) = queued {
        // What was queued before the failure must not commit on its own.
        let _ = transaction.abort();
        return Err(failure(error));
    }
    finished(&transaction).await
}
