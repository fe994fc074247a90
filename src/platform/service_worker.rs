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
/// offline use, in the background (it fetches those it lacks, one at a time).
pub fn keep_catalog_pieces() {
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
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await else { return };
        let registration: web_sys::ServiceWorkerRegistration = wasm_bindgen::JsCast::unchecked_into(registration);
        if let Some(worker) = registration.active() {
            let _ = worker.post_message(&JsValue::from_str("pieces"));
        }
    });
}

/// The service worker's cache of the catalog's pieces (assets/sw.js).
const PIECE_CACHE: &str = "yibiao-pieces";

/// Drops a refused piece from the service worker's cache, so that the next try fetches it
/// again rather than meeting the same damaged copy.
pub fn forget_piece(file: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(caches) = window.caches() else {
        return;
    };
    let file = file.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(cache) = wasm_bindgen_futures::JsFuture::from(caches.open(PIECE_CACHE)).await else { return };
        let cache: web_sys::Cache = wasm_bindgen::JsCast::unchecked_into(cache);
        let _ = wasm_bindgen_futures::JsFuture::from(cache.delete_with_str(&file)).await;
    });
}
