//! What the in-browser test binaries (`tests/web`, `tests/crash`) share: finding elements.

use wasm_bindgen::JsCast;
use web_sys::Element;

/// The element under `root` that `selector` names, as `T`; the test fails if there is none.
pub fn find<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into()
        .unwrap_or_else(|_| panic!("{selector} has another element type"))
}
