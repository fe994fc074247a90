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
/// On a hall's terminal it opens only with the hall's key (`admin.html#key=…`, from its
/// `kiosk.json`): an applicant there cannot reach it.
pub fn start_admin() {
    platform::crash::install_hook();
    platform::tasks::spawn(async {
        if let Some((kiosk, _)) = platform::kiosk::configuration().await {
            let fragment = platform::history::current_fragment();
            if !kiosk.admits(fragment.strip_prefix("#key=").unwrap_or_default()) {
                platform::dom::say_in_app(i18n::KIOSK_ADMIN_REFUSED);
                return;
            }
        }
        let (storage, _) = platform::storage::Storage::browser();
        with_loaded_catalog(storage.clone(), move |catalog| {
            mount::<AdminApp>(AdminProps { storage, today: platform::clock::today(), catalog });
        });
    });
}

/// Starts the app in the page's `#app` element, with the browser's storage and clock; on a
/// hall's terminal (a `kiosk.json` beside the app) with memory only, after wiping whatever an
/// earlier session or use of the device left in the browser.
pub fn start() {
    platform::crash::install_hook();
    platform::tasks::spawn(async move {
        let kiosk = platform::kiosk::configuration().await;
        // The marker of a catalog loaded by the hall is read from the browser's own storage.
        let (browser, storage_problem) = platform::storage::Storage::browser();
        let (storage, files, storage_problem) = match &kiosk {
            Some(_) => {
                platform::kiosk::mark_document();
                platform::kiosk::wipe_storage().await;
                let memory = platform::storage::Storage::new(platform::storage::MemoryStore::new());
                (memory, platform::file_store::FileStore::memory(), None)
            }
            None => (browser.clone(), platform::file_store::FileStore::browser(), storage_problem),
        };
        with_loaded_catalog(browser, move |stored| {
            platform::tasks::spawn(async move {
                let bundles = app::saved_bundles(&storage);
                let (mut in_use, mut catalog_problem) = catalog::starting(stored.as_deref(), &bundles).await;
                let durable = match kiosk {
                    Some(_) => None,
                    None => platform::durability::is_durable().await,
                };
                let kiosk = kiosk.map(|(kiosk, problem)| {
                    in_use = in_use.clone().offering(&kiosk);
                    catalog_problem = catalog_problem.clone().or(problem.map(notice::Notice::KioskConfiguration));
                    std::rc::Rc::new(kiosk)
                });
                let today = platform::clock::today();
                let catalog = std::rc::Rc::new(in_use);
                let props =
                    AppProps { storage, files, storage_problem, today, catalog, catalog_problem, durable, kiosk };
                mount::<App>(props);
                // The service worker once the first page is drawn: its script and what it
                // precaches never compete with the page's own first load.
                platform::service_worker::register();
                // Then, never before the first page, every bundle for offline use.
                platform::timers::after(1_000).await;
                platform::service_worker::keep_catalog_pieces();
            });
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
