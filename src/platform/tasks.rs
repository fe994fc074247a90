//! Work that waits for the browser (a file read, a database answer, a timer), run on the page's
//! own event loop.

use std::future::Future;

/// Runs `work` to its end, after the code that started it has returned.
pub fn spawn(work: impl Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(work);
}
