//! 一表通 (Yibiao), the Yew shell: components render what the core computes and dispatch the
//! applicant's actions; `platform` is the only module that touches the browser.

mod admin;
mod app;
pub mod catalog;
pub mod components;
mod hooks;
mod i18n;
pub mod keys;
mod notice;
pub mod pages;
pub mod platform;
mod route;
mod saving;
mod set_aside;
mod store;

pub use admin::{AdminApp, AdminProps};
pub use app::{App, AppProps, DRAFT_KEY};

/// Starts the catalog page for administrators (`admin.html`) in its `#app` element.
pub fn start_admin() {
    platform::crash::install_hook();
    let (storage, _) = platform::storage::Storage::browser();
    with_loaded_catalog(storage.clone(), move |catalog| {
        mount::<AdminApp>(AdminProps { storage, today: platform::clock::today(), catalog });
    });
}

/// Starts the app in the page's `#app` element, with the browser's storage and clock.
pub fn start() {
    platform::crash::install_hook();
    platform::service_worker::register();
    let (storage, storage_problem) = platform::storage::Storage::browser();
    with_loaded_catalog(storage.clone(), move |stored| {
        platform::tasks::spawn(async move {
            let bundles = app::saved_bundles(&storage);
            let (in_use, catalog_problem) = catalog::starting(stored.as_deref(), &bundles).await;
            let durable = platform::durability::is_durable().await;
            let files = platform::file_store::FileStore::browser();
            let today = platform::clock::today();
            let catalog = std::rc::Rc::new(in_use);
            mount::<App>(AppProps { storage, files, storage_problem, today, catalog, catalog_problem, durable });
            // Then, never before the first page, every bundle for offline use.
            platform::timers::after(1_000).await;
            platform::service_worker::keep_catalog_pieces();
        });
    });
}

/// Reads the catalog loaded on this device (IndexedDB), then calls `start` with it: with none
/// when the browser keeps none, cannot read it, or has not answered within three seconds (a
/// database blocked by another tab must not keep the app from starting with the published one).
fn with_loaded_catalog(
    storage: platform::storage::Storage,
    start: impl FnOnce(Option<std::rc::Rc<platform::catalog_store::StoredCatalog>>) + 'static,
) {
    use std::cell::RefCell;
    use std::rc::Rc;
    let start = Rc::new(RefCell::new(Some(start)));
    let first = Rc::clone(&start);
    crate::platform::tasks::spawn(async move {
        let loaded = platform::catalog_store::read(&storage).await.ok().flatten().map(Rc::new);
        if let Some(start) = first.borrow_mut().take() {
            start(loaded);
        }
    });
    crate::platform::tasks::spawn(async move {
        platform::timers::after(3_000).await;
        if let Some(start) = start.borrow_mut().take() {
            start(None);
        }
    });
}

/// Replaces the loading text with the component `C`, in the page's `#app` element (or the body).
fn mount<C: yew::BaseComponent>(props: C::Properties) {
    platform::dom::remove_boot_message();
    let root = platform::dom::element_by_id("app");
    match root {
        Some(root) => yew::Renderer::<C>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<C>::with_props(props).render(),
    };
}
