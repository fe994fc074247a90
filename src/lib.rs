//! 一表通 (Yibiao), the Yew shell: components render what the core computes and dispatch the
//! applicant's actions; `platform` is the only module that touches the browser.

mod admin;
mod app;
pub mod catalog;
pub mod components;
mod handover;
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
pub use app::{App, AppProps, Parts, DRAFT_KEY};

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

/// Starts the first module (`index.html`'s): the home page, its search and the drafts list,
/// with the browser's storage and clock; opening a draft hands over to the whole app (issue 16).
/// A draft's address, a hall's terminal (a `kiosk.json` beside the app: memory only) and a
/// browser whose storage cannot be opened start the whole app at once instead, since it is they
/// that need it, or since nothing could be saved for it to read.
pub fn start_first() {
    platform::crash::install_hook();
    let address = route::parse(&platform::history::current_fragment());
    if address.is_some_and(|(draft, _)| draft.is_some()) {
        handover::hand_over_at_start();
        return;
    }
    platform::tasks::spawn(async move {
        let kiosk = platform::kiosk::configuration().await;
        let (browser, storage_problem) = platform::storage::Storage::browser();
        if kiosk.is_some() || storage_problem.is_some() {
            handover::hand_over_at_start();
            return;
        }
        let files = platform::file_store::FileStore::browser();
        let started = Started {
            storage: browser.clone(),
            files,
            storage_problem,
            kiosk: None,
            first: true,
            prepared: None,
            durable: None,
            opening: None,
        };
        with_loaded_catalog(browser, move |stored| run(started, stored, handover::FIRST));
    });
}

/// Starts the whole app (`yibiao-whole`, every page) in the page's `#app` element, with the
/// browser's storage and clock; on a hall's terminal (a `kiosk.json` beside the app) with
/// memory only, after wiping whatever an earlier session or use of the device left in the
/// browser. Handed over to by the first module with its app on screen, it removes that app just
/// before it draws; that module found no terminal, so it asks for no `kiosk.json`.
pub fn start_whole() {
    platform::crash::install_hook();
    let handover = platform::whole_app::Handover::take();
    platform::tasks::spawn(async move {
        let kiosk = match &handover {
            Some(handover) if handover.from_first_app() => None,
            _ => platform::kiosk::configuration().await,
        };
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
        let (mut prepared, mut durable, mut opening) = (None, None, None);
        if let Some(mut handover) = handover {
            // Standing by, the catalog the first module read is checked and decoded before it
            // hands over; then what it loaded meanwhile.
            prepared = handover.catalog.take().and_then(|published| catalog::handed(None, published));
            let mut handed = handover.when_handed().await;
            if let Some(published) = handed.catalog.take() {
                prepared = catalog::handed(prepared, published);
            }
            durable = handed.durable;
            opening = handed.opening.take().map(|opening| match opening {
                platform::whole_app::Opening::Start(bundle) => yibiao_core::session::Action::StartDraft(bundle),
                platform::whole_app::Opening::Continue(draft) => yibiao_core::session::Action::OpenDraft(draft),
            });
            FIRST_APP_ON_SCREEN.with(|cell| *cell.borrow_mut() = handed.first_app());
        }
        let started = Started { storage, files, storage_problem, kiosk, first: false, prepared, durable, opening };
        // A published catalog handed over means the first module found none loaded on the
        // device to use: the whole app does not ask IndexedDB again.
        match started.prepared {
            Some(_) => run(started, None, Parts::WHOLE),
            None => with_loaded_catalog(browser, move |stored| run(started, stored, Parts::WHOLE)),
        }
    });
}

thread_local! {
    /// In the whole app, the first module's app it was handed over with, until it draws.
    static FIRST_APP_ON_SCREEN: std::cell::RefCell<Option<platform::whole_app::FirstApp>> =
        const { std::cell::RefCell::new(None) };
}

/// What a start found before the catalog is read.
struct Started {
    storage: platform::storage::Storage,
    files: platform::file_store::FileStore,
    storage_problem: Option<platform::storage::StorageError>,
    kiosk: Option<(yibiao_core::kiosk::Kiosk, Option<yibiao_core::kiosk::KioskError>)>,
    /// Whether this is the first module, which hands a draft's pages over to the whole app.
    first: bool,
    /// In the whole app, the catalog the first module handed over (checked), and whether the
    /// browser keeps the storage for good as it was told (asked again when it was not).
    prepared: Option<catalog::InUse>,
    durable: Option<bool>,
    /// In the whole app, what the first module was asked to do first.
    opening: Option<yibiao_core::session::Action>,
}

/// Reads the pieces of the saved drafts' bundles, then draws the app with `parts`; then,
/// never before the first page, the service worker and every bundle for offline use (and, in
/// the first module, the whole app standing by).
fn run(started: Started, stored: Option<std::rc::Rc<platform::catalog_store::StoredCatalog>>, parts: Parts) {
    let Started { storage, files, storage_problem, kiosk, first, prepared, durable, opening } = started;
    platform::tasks::spawn(async move {
        let bundles = app::saved_bundles(&storage);
        // The catalog the first module handed over, unless one loaded on the device wins.
        let (mut in_use, mut catalog_problem) = match (prepared, &stored) {
            (Some(in_use), None) => (catalog::with_saved(in_use, &bundles).await, None),
            _ => catalog::starting(stored.as_deref(), &bundles).await,
        };
        let durable = match (&kiosk, durable) {
            (Some(_), _) => None,
            (None, Some(durable)) => Some(durable),
            (None, None) => platform::durability::is_durable().await,
        };
        let kiosk = kiosk.map(|(kiosk, problem)| {
            in_use = in_use.clone().offering(&kiosk);
            catalog_problem = catalog_problem.clone().or(problem.map(notice::Notice::KioskConfiguration));
            std::rc::Rc::new(kiosk)
        });
        let today = platform::clock::today();
        let known = first.then(|| handover::known(&in_use, durable));
        let catalog = std::rc::Rc::new(in_use);
        let props = AppProps {
            storage,
            files,
            storage_problem,
            today,
            catalog,
            catalog_problem,
            durable,
            kiosk,
            parts,
            opening,
        };
        if let Some(first_app) = FIRST_APP_ON_SCREEN.with(|cell| cell.borrow_mut().take()) {
            first_app.stop();
        }
        let app = mount::<App>(props);
        if first {
            handover::keep_first_app(app);
        }
        // The service worker once the first page is drawn: its script and what it
        // precaches never compete with the page's own first load.
        platform::service_worker::register();
        // Then, never before the first page, every bundle for offline use; and in the first
        // module, once the service worker keeps the app's files and someone uses the page, the
        // whole app from there, standing by (where there is no service worker, a draft opened
        // loads it then). Not as the page loads: its start is work on the main thread that the
        // load's own measure counts (Lighthouse's total blocking time, 125 → 213 ms).
        platform::timers::after(1_000).await;
        platform::service_worker::keep_catalog_pieces().await;
        if let Some(known) = known {
            platform::dom::on_first_intent(move || platform::whole_app::stand_by(known));
        }
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
fn mount<C: yew::BaseComponent>(props: C::Properties) -> yew::AppHandle<C> {
    platform::dom::remove_boot_message();
    let root = platform::dom::element_by_id("app");
    match root {
        Some(root) => yew::Renderer::<C>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<C>::with_props(props).render(),
    }
}
