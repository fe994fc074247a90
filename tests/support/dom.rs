//! What the in-browser test binaries (`tests/web`, `tests/crash`) share: starting the app and
//! finding elements.

use wasm_bindgen::JsCast;
use web_sys::Element;
use yibiao::platform::file_store::FileStore;
use yibiao::platform::storage::Storage;
use yibiao::{App, AppProps};
use yibiao_core::Date;

/// Renders the app in `root` over `storage` and `files`, on `today`, as the page starts it
/// (the catalog built in, no storage problem) at the bare address, and lets it settle.
pub async fn render_app(root: &Element, storage: &Storage, files: FileStore, today: Date) {
    render_app_at(root, storage, files, today, "").await;
}

/// As [`render_app`], with the address ending in `fragment` (`#/d/d1/tasks`) as the app starts:
/// an address names the page to open, so one test's address must not open another's page.
pub async fn render_app_at(root: &Element, storage: &Storage, files: FileStore, today: Date, fragment: &str) {
    let window = web_sys::window().expect("a window");
    let location = window.location();
    let address =
        format!("{}{}{fragment}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address))
        .expect("set");
    let catalog = std::rc::Rc::new(yibiao::catalog::InUse::whole(
        &yibiao::catalog::shipped(),
        yibiao::catalog::CatalogOrigin::BuiltIn,
    ));
    let props = AppProps {
        storage: storage.clone(),
        files,
        storage_problem: None,
        today,
        catalog,
        catalog_problem: None,
        durable: None,
        kiosk: None,
        parts: yibiao::Parts::WHOLE,
        opening: None,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
}

/// The element under `root` that `selector` names, as `T`; the test fails if there is none.
pub fn find<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into()
        .unwrap_or_else(|_| panic!("{selector} has another element type"))
}
