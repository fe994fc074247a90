//! Whether the browser keeps this site's storage for good (`navigator.storage`, the Storage
//! API): asked for once, when the applicant first saves something (never on load), and read
//! for the drafts list, which suggests the file backup where the browser may clear them.

use std::cell::Cell;

use wasm_bindgen_futures::JsFuture;

thread_local! {
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

fn manager() -> Option<web_sys::StorageManager> {
    Some(web_sys::window()?.navigator().storage())
}

/// Asks the browser, the first time only in this page's life, to keep the storage for good.
pub fn ask_once() {
    if ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    crate::platform::tasks::spawn(async {
        if let Some(promise) = manager().and_then(|manager| manager.persist().ok()) {
            let _ = JsFuture::from(promise).await;
        }
    });
}

/// Whether the browser keeps the storage for good; `None` when it cannot say.
pub async fn is_durable() -> Option<bool> {
    let promise = manager()?.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}
