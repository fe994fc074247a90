//! Where attached files' bytes are kept (附件存储): the browser's IndexedDB, which survives
//! reloads, crashes and closed tabs and holds far more than `localStorage`; or memory, for a
//! kiosk and for tests. Files are keyed by their content id, so a file attached to two
//! materials or two drafts is kept once. The drafts (in the key-value storage) say which files
//! are in use; the rest are deleted.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;
use yibiao_core::sorted_map::{SortedMap, SortedSet};

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, IdbDatabase, IdbObjectStore, IdbTransaction, IdbTransactionMode};

use super::idb::{self, answered, failure, finished};
use super::storage::StorageError;

use crate::keys::FILES_DATABASE as DATABASE;
const FILES: &str = "files";

/// A shared handle to the file store the app uses; equal when it is the same store.
#[derive(Clone)]
pub struct FileStore(Rc<Inner>);

struct Inner {
    kind: Kind,
    /// Files stored during this page's life: never deleted as unused before the draft that
    /// uses them is saved.
    fresh: RefCell<SortedSet<String>>,
}

enum Kind {
    IndexedDb(RefCell<Option<IdbDatabase>>),
    Memory(RefCell<SortedMap<String, Blob>>),
}

impl FileStore {
    /// The browser's IndexedDB (opened on first use).
    pub fn browser() -> FileStore {
        FileStore::with(Kind::IndexedDb(RefCell::new(None)))
    }

    /// Memory only: nothing outlives the page.
    pub fn memory() -> FileStore {
        FileStore::with(Kind::Memory(RefCell::default()))
    }

    fn with(kind: Kind) -> FileStore {
        FileStore(Rc::new(Inner { kind, fresh: RefCell::default() }))
    }

    /// Keeps `blob` under `id`; done once it is safely written.
    pub async fn put(&self, id: &str, blob: &Blob) -> Result<(), StorageError> {
        self.0.fresh.borrow_mut().insert(id.to_owned());
        match &self.0.kind {
            Kind::Memory(files) => {
                files.borrow_mut().insert(id.to_owned(), blob.clone());
                Ok(())
            }
            Kind::IndexedDb(_) => {
                let (transaction, files) = self.files(IdbTransactionMode::Readwrite).await?;
                files.put_with_key(blob, &JsValue::from_str(id)).map_err(failure)?;
                finished(&transaction).await
            }
        }
    }

    /// The file kept under `id`, if any.
    pub async fn get(&self, id: &str) -> Result<Option<Blob>, StorageError> {
        match &self.0.kind {
            Kind::Memory(files) => Ok(files.borrow().get(id).cloned()),
            Kind::IndexedDb(_) => {
                let (_, files) = self.files(IdbTransactionMode::Readonly).await?;
                let request = files.get(&JsValue::from_str(id)).map_err(failure)?;
                let value = answered(&request).await?;
                Ok(value.dyn_into::<Blob>().ok())
            }
        }
    }

    /// The files `ids` name, in their order (`None` for one not kept): one transaction, every
    /// request made at once, so that the database answers them one after another without a
    /// round trip between.
    pub async fn get_many(&self, ids: &[String]) -> Result<Vec<Option<Blob>>, StorageError> {
        match &self.0.kind {
            Kind::Memory(files) => Ok(ids.iter().map(|id| files.borrow().get(id).cloned()).collect()),
            Kind::IndexedDb(_) => {
                let (_, files) = self.files(IdbTransactionMode::Readonly).await?;
                let requests = ids
                    .iter()
                    .map(|id| files.get(&JsValue::from_str(id)).map_err(failure))
                    .collect::<Result<Vec<_>, _>>()?;
                let mut found = Vec::with_capacity(requests.len());
                for request in &requests {
                    found.push(answered(request).await?.dyn_into::<Blob>().ok());
                }
                Ok(found)
            }
        }
    }

    /// Deletes every file whose id is not in `keep` and was not stored during this page's
    /// life. Returns how many were deleted.
    pub async fn keep_only(&self, keep: impl Fn(&str) -> bool) -> Result<usize, StorageError> {
        let fresh = self.0.fresh.borrow().clone();
        let unused = |id: &String| !keep(id) && !fresh.contains(id);
        match &self.0.kind {
            Kind::Memory(files) => {
                let mut files = files.borrow_mut();
                let before = files.len();
                files.retain(|id, _| !unused(id));
                Ok(before - files.len())
            }
            Kind::IndexedDb(_) => {
                let (transaction, files) = self.files(IdbTransactionMode::Readwrite).await?;
                let keys = answered(&files.get_all_keys().map_err(failure)?).await?;
                let mut deleted = 0;
                for key in js_sys::Array::from(&keys).iter() {
                    if key.as_string().is_some_and(|id| unused(&id)) {
                        files.delete(&key).map_err(failure)?;
                        deleted += 1;
                    }
                }
                finished(&transaction).await?;
                Ok(deleted)
            }
        }
    }

    /// The files' object store in a new transaction, opening the database on first use.
    async fn files(&self, mode: IdbTransactionMode) -> Result<(IdbTransaction, IdbObjectStore), StorageError> {
        let Kind::IndexedDb(database) = &self.0.kind else {
            return Err(StorageError::Unavailable);
        };
        let opened = database.borrow().clone();
        let database_now = match opened {
            Some(open) => open,
            None => {
                let open = idb::open(DATABASE, FILES).await?;
                *database.borrow_mut() = Some(open.clone());
                open
            }
        };
        let transaction = database_now.transaction_with_str_and_mode(FILES, mode).map_err(failure)?;
        let files = transaction.object_store(FILES).map_err(failure)?;
        Ok((transaction, files))
    }
}

impl PartialEq for FileStore {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for FileStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FileStore")
    }
}
