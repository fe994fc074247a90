//! IndexedDB, in the few calls the app needs: open a database of one object store, await a
//! request's result, and await a transaction's commit (only then is a write safe).

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction};

use super::storage::StorageError;

/// Opens the database `name`, whose version 1 holds the one object store `store` (created on
/// first use; later versions would migrate here). Each store has a database of its own, so that
/// adding one never needs an upgrade that a tab of an older version could block.
pub async fn open(name: &str, store: &'static str) -> Result<IdbDatabase, StorageError> {
    let factory =
        web_sys::window().and_then(|window| window.indexed_db().ok().flatten()).ok_or(StorageError::Unavailable)?;
    let request: IdbOpenDbRequest = factory.open_with_u32(name, 1).map_err(failure)?;
    let upgrade = Closure::once_into_js(move |event: web_sys::Event| {
        let database = event
            .target()
            .and_then(|target| target.dyn_into::<IdbRequest>().ok())
            .and_then(|request| request.result().ok())
            .and_then(|result| result.dyn_into::<IdbDatabase>().ok());
        if let Some(database) = database {
            if !database.object_store_names().contains(store) {
                let _ = database.create_object_store(store);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let database = answered(&request).await?;
    database.dyn_into::<IdbDatabase>().map_err(|_| StorageError::Unavailable)
}

/// The result of a request, once it has one.
pub async fn answered(request: &IdbRequest) -> Result<JsValue, StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    match JsFuture::from(promise).await {
        Ok(_) => request.result().map_err(failure),
        Err(_) => Err(request.error().ok().flatten().map_or(StorageError::Failed(String::new()), dom_error)),
    }
}

/// Done when a transaction is committed: only then is a write safe.
pub async fn finished(transaction: &IdbTransaction) -> Result<(), StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onerror(Some(&reject));
        transaction.set_onabort(Some(&reject));
    });
    match JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(_) => Err(transaction.error().map_or(StorageError::Failed("aborted".into()), dom_error)),
    }
}

fn dom_error(error: web_sys::DomException) -> StorageError {
    if error.name() == "QuotaExceededError" {
        StorageError::QuotaExceeded
    } else {
        StorageError::Failed(error.message())
    }
}

pub fn failure(error: JsValue) -> StorageError {
    match error.dyn_into::<web_sys::DomException>() {
        Ok(error) => dom_error(error),
        Err(other) => StorageError::Failed(format!("{other:?}")),
    }
}
