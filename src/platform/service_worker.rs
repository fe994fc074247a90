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
