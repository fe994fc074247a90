//! The browser history: each page has its own address (`#/form`), so the back button and a
//! reload behave as people expect.

use gloo_events::EventListener;
use wasm_bindgen::JsValue;

/// The fragment of the current address, such as `#/form`.
pub fn current_fragment() -> String {
    web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default()
}

/// Records a new history entry for `fragment`, or replaces the current one.
pub fn show_fragment(fragment: &str, replace: bool) {
    let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else {
        return;
    };
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(fragment))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(fragment))
    };
}

/// Calls `on_change` with the new fragment when the person goes back or forward.
pub fn on_navigation(on_change: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "popstate", move |_| on_change(current_fragment())))
}
