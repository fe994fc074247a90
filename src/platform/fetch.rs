//! Files served beside the app (the catalog's index and pieces), fetched from the same origin:
//! through the service worker, so from its cache when offline. Nothing is ever sent.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file beside the app could not be had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchFailure {
    /// No answer: offline (and not in the cache), or the server is down.
    Unreachable,
    /// The server answered with this status (404: not published there).
    Status(u16),
}

/// The bytes of `path`, relative to the page.
pub async fn bytes(path: &str) -> Result<Vec<u8>, FetchFailure> {
    // A page, or the packet worker (whose addresses are relative to its script, beside the app).
    let global = js_sys::global();
    let promise = match (global.dyn_ref::<web_sys::Window>(), global.dyn_ref::<web_sys::WorkerGlobalScope>()) {
        (Some(window), _) => window.fetch_with_str(path),
        (None, Some(worker)) => worker.fetch_with_str(path),
        (None, None) => return Err(FetchFailure::Unreachable),
    };
    let answer = JsFuture::from(promise).await.map_err(|_| FetchFailure::Unreachable)?;
    let response: web_sys::Response = answer.dyn_into().map_err(|_| FetchFailure::Unreachable)?;
    if !response.ok() {
        return Err(FetchFailure::Status(response.status()));
    }
    body(response).await.ok_or(FetchFailure::Unreachable)
}

/// The whole body of `response` (`None` when it cannot be read).
pub async fn body(response: web_sys::Response) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
