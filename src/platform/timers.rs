//! Giving the browser a turn: long work on the page (checking a large catalog) runs in slices
//! with a yield between them, so that the page keeps painting and answering.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Resolves on the browser's next task, after it has painted and handled input.
pub async fn yield_to_browser() {
    after(0).await;
}

/// Resolves after `ms` milliseconds (at once where there is no window to time it).
pub async fn after(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window()
            .and_then(|window| window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).ok());
        if scheduled.is_none() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}
