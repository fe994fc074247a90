//! A hall's self-service terminal (自助终端): its configuration served beside the app
//! (`kiosk.json`), any input at all, and wiping every trace of a session from the browser.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yibiao_core::kiosk::{self, Kiosk, KioskError};

use super::fetch::{self, FetchFailure};

/// The configuration's file name, beside `index.html`.
pub const FILE: &str = "kiosk.json";

/// The terminal's configuration, when the hall serves one (and what in it could not be read);
/// `None` when there is none, which is every device that is not a hall's terminal (the service
/// worker answers those with nothing, and so does an empty file). The service worker keeps the
/// last copy, so that a kiosk started offline is still one.
pub async fn configuration() -> Option<(Kiosk, Option<KioskError>)> {
    match fetch::bytes(FILE).await {
        Ok(bytes) if bytes.is_empty() => None,
        Ok(bytes) => Some(kiosk::parse(&String::from_utf8_lossy(&bytes))),
        Err(FetchFailure::Status(_) | FetchFailure::Unreachable) => None,
    }
}

/// Marks the document as a kiosk's (`<html data-kiosk>`), whose style sheet makes everything
/// large and lays it out for a tall screen.
pub fn mark_document() {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-kiosk", "");
    }
}

/// Calls `then` on any input on the page (a touch, a click, a key, typing, a scroll of the
/// wheel), for as long as the listeners are kept.
pub fn on_any_input(then: impl Fn() + 'static) -> Vec<gloo_events::EventListener> {
    super::dom::on_document(&["pointerdown", "keydown", "input", "wheel", "touchstart"], then)
}

/// Makes everything in `#app` but the element with `keep` unreachable (`inert`), while a
/// warning holds the screen; or reachable again.
pub fn set_inert_except(keep: &str, inert: bool) {
    let Some(app) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    let children = app.children();
    for n in 0..children.length() {
        if let Some(child) = children.item(n).filter(|child| child.id() != keep) {
            let _ = if inert { child.set_attribute("inert", "") } else { child.remove_attribute("inert") };
        }
    }
}

/// Wipes whatever a session may have left in the browser: `localStorage`, `sessionStorage`,
/// every IndexedDB database but the hall's catalog, and every cache but the app's own files.
/// On a kiosk the drafts and files live in memory and nothing is written there; this clears
/// what an earlier use of the device, or anything else, put there.
pub async fn wipe_storage() {
    let Some(window) = web_sys::window() else { return };
    // Every key but the marker of the hall's catalog (which holds nothing personal).
    if let Ok(Some(storage)) = window.local_storage() {
        let keys: Vec<String> =
            (0..storage.length().unwrap_or(0)).filter_map(|n| storage.key(n).ok().flatten()).collect();
        for key in keys.iter().filter(|key| key.as_str() != crate::keys::CATALOG_MARKER) {
            let _ = storage.remove_item(key);
        }
    }
    if let Ok(Some(storage)) = window.session_storage() {
        let _ = storage.clear();
    }
    if let Ok(Some(factory)) = window.indexed_db() {
        for name in database_names(&factory).await {
            if name != crate::keys::CATALOG_DATABASE {
                let _ = factory.delete_database(&name);
            }
        }
    }
    if let Ok(caches) = window.caches() {
        let keys = JsFuture::from(caches.keys()).await.map(|keys| js_sys::Array::from(&keys)).unwrap_or_default();
        for key in keys.iter().filter_map(|key| key.as_string()) {
            // The app's files and the catalog's pieces, which hold nothing personal.
            if !key.starts_with("yibiao-") {
                let _ = JsFuture::from(caches.delete(&key)).await;
            }
        }
    }
}

/// The names of the page's IndexedDB databases (`indexedDB.databases()`); the app's own when
/// the browser cannot list them.
async fn database_names(factory: &web_sys::IdbFactory) -> Vec<String> {
    let listed = js_sys::Reflect::get(factory, &JsValue::from_str("databases"))
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
        .and_then(|function| function.call0(factory).ok())
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = listed else { return vec![crate::keys::FILES_DATABASE.to_owned()] };
    let Ok(list) = JsFuture::from(promise).await else { return Vec::new() };
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|info| js_sys::Reflect::get(&info, &JsValue::from_str("name")).ok()?.as_string())
        .collect()
}

/// Starts the app afresh at its home page, replacing the current entry of the history: on a
/// kiosk nothing of the session survives in memory either.
pub fn restart() {
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let here = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
        let _ = location.replace(&here);
    }
}
