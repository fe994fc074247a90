//! Registers the service worker that keeps the app working offline (assets/sw.js).

use wasm_bindgen::JsValue;

/// Registers `sw.js` beside the page, where the browser supports service workers.
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let supported = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !supported {
        return;
    }
    let promise = navigator.service_worker().register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // Without a service worker the app still works online; nothing to tell the applicant.
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Asks the service worker, once it is active, to keep every bundle's piece of the catalog for
/// offline use, in the background (it fetches those it lacks, one at a time). Returns once it
/// was asked: the app's own files are kept by then; at once where there is no service worker,
/// never where it was not installed.
pub async fn keep_catalog_pieces() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let Ok(ready) = navigator.service_worker().ready() else {
        return;
    };
    let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await else { return };
    let registration: web_sys::ServiceWorkerRegistration = wasm_bindgen::JsCast::unchecked_into(registration);
    if let Some(worker) = registration.active() {
        let _ = worker.post_message(&JsValue::from_str("pieces"));
    }
}

/// The service worker's cache of the catalog's pieces (assets/sw.js).
const PIECE_CACHE: &str = "yibiao-pieces";

/// Drops a refused piece from the service worker's cache, so that the next try fetches it
/// again rather than meeting the same damaged copy.
pub fn forget_piece(file: &str) {
    let file = file.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(cache) = piece_cache().await {
            let _ = wasm_bindgen_futures::JsFuture::from(cache.delete_with_str(&file)).await;
        }
    });
}

/// The bytes of a piece the service worker keeps, read by the page itself: a piece is named by
/// its content, so a kept one is the one wanted, and reading it here spares the round trip
/// through the worker (which may first have to be woken). `None` when it is not kept (or
/// there is no such cache to ask); the caller then fetches it.
pub async fn kept_piece(file: &str) -> Option<Vec<u8>> {
    let cache = piece_cache().await?;
    let found = wasm_bindgen_futures::JsFuture::from(cache.match_with_str(file)).await.ok()?;
    crate::platform::fetch::body(wasm_bindgen::JsCast::dyn_into(found).ok()?).await
}

thread_local! {
    /// The piece cache once opened: opening it is a round trip to the browser's storage that
    /// every later open of a bundle would wait for again (the cache itself is never deleted).
    static OPENED: std::cell::RefCell<Option<web_sys::Cache>> = const { std::cell::RefCell::new(None) };
}

/// The service worker's cache of pieces, from the page (`None` where there is none to ask).
async fn piece_cache() -> Option<web_sys::Cache> {
    if let Some(cache) = OPENED.with(|opened| opened.borrow().clone()) {
        return Some(cache);
    }
    let caches = web_sys::window()?.caches().ok()?;
    let cache: web_sys::Cache = wasm_bindgen::JsCast::unchecked_into(
        wasm_bindgen_futures::JsFuture::from(caches.open(PIECE_CACHE)).await.ok()?,
    );
    OPENED.with(|opened| *opened.borrow_mut() = Some(cache.clone()));
    Some(cache)
}

/// The file names of the pieces the service worker keeps for offline use; `None` where there
/// is no such cache to ask (no service worker, an insecure page).
pub async fn kept_pieces() -> Option<Vec<String>> {
    let cache = piece_cache().await?;
    let requests = wasm_bindgen_futures::JsFuture::from(cache.keys()).await.ok()?;
    let requests: js_sys::Array = wasm_bindgen::JsCast::unchecked_into(requests);
    let url = JsValue::from_str("url");
    let names = requests.iter().filter_map(|request| js_sys::Reflect::get(&request, &url).ok()?.as_string());
    Some(names.filter_map(|url| url.rsplit('/').next().map(str::to_owned)).collect())
}
