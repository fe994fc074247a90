//! The root component: restores the draft, provides the store, saves every change, keeps the
//! address and the document language in step, and shows the current page.

use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_kept;
use yibiao_core::draft::{self, Read};
use yibiao_core::session::{Page, State};
use yibiao_core::Date;

use crate::catalog::InUse;
use crate::components::{catalog_change_panel, masthead, notice_banner, skip_link, use_skip_link};
use crate::hooks::{use_address, use_effect_on, use_file_cleanup, use_other_tabs, use_pieces, use_saving};
use crate::i18n::Ui;
use crate::notice::{Notice, Unreadable};
use crate::pages::HomePage;
use crate::platform::dom;
use crate::platform::file_store::FileStore;
use crate::platform::storage::{Storage, StorageError};
use crate::route;
use crate::saving::Saver;
use crate::set_aside;
use crate::store::{Ambient, AppEnv, Resources, Store};

/// Where the drafts are kept.
pub use crate::keys::DRAFT as DRAFT_KEY;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Where drafts are saved: the browser's storage, or memory on a kiosk and in tests.
    pub storage: Storage,
    /// Where attached files are kept: IndexedDB, or memory on a kiosk and in tests.
    pub files: FileStore,
    /// Set when the browser's storage could not be opened.
    #[prop_or_default]
    pub storage_problem: Option<StorageError>,
    /// The catalog in use (read before start): its index and the pieces of the saved drafts'
    /// bundles.
    pub catalog: Rc<InUse>,
    /// Why the catalog in use is not the one wanted, if it is not (read before start).
    #[prop_or_default]
    pub catalog_problem: Option<Notice>,
    /// Whether the browser keeps this site's storage for good (read before start; `None` when
    /// it cannot say).
    #[prop_or_default]
    pub durable: Option<bool>,
    pub today: Date,
    /// On a hall's terminal, its configuration: drafts and files are then in memory only.
    #[prop_or_default]
    pub kiosk: Option<Rc<yibiao_core::kiosk::Kiosk>>,
    /// What this module draws beyond the home page: everything in the whole app; in the first
    /// module, the hand-over to it (`crate::handover`).
    pub parts: Parts,
    /// What the first module was asked to do when it handed over (start or continue a draft,
    /// its bundle's piece in `catalog`): done to the saved state before the first draw.
    #[prop_or_default]
    pub opening: Option<yibiao_core::session::Action>,
}

/// What the app draws beyond the home page, chosen by each module's start (issue 16): the
/// whole app (`Parts::WHOLE`) draws a draft's pages and, on a hall's terminal, its guard; the
/// first module, which carries only the home page, hands a draft's pages over to the whole app
/// (`handover::FIRST`) and is never started on a terminal. Functions, so that the first
/// module's code names none of them and its build leaves them out.
#[derive(Clone, Copy)]
pub struct Parts {
    /// A draft's page, given its key (its address) and the page.
    pub draft_page: fn(String, Page) -> Html,
    /// On a hall's terminal, the bar and the watch over idleness.
    pub kiosk_guard: fn(Rc<yibiao_core::kiosk::Kiosk>) -> Html,
    /// Starting or continuing a draft elsewhere: the first module hands it to the whole app
    /// standing by (`handover::open`); says whether it did.
    pub open: Option<fn(&crate::hooks::Pieces, yibiao_core::BundleId, yibiao_core::session::Action) -> bool>,
}

impl Parts {
    /// The whole app's: every page.
    pub const WHOLE: Parts = Parts {
        draft_page: |key, page| html! { <crate::pages::DraftPage {key} {page} /> },
        kiosk_guard: |kiosk| html! { <crate::components::KioskGuard {kiosk} /> },
        open: None,
    };
}

impl PartialEq for Parts {
    /// A module draws its parts one way only, chosen at its start.
    fn eq(&self, _: &Parts) -> bool {
        true
    }
}

/// The language of the saved drafts, for the catalog page; Chinese when there are none.
pub fn saved_lang(storage: &Storage) -> yibiao_core::Lang {
    storage
        .get(DRAFT_KEY)
        .ok()
        .flatten()
        .and_then(|text| draft::read(&text).ok())
        .map(|read| read.state.lang)
        .unwrap_or_default()
}

/// The bundles of the saved drafts, whose pieces the app loads before it shows.
pub fn saved_bundles(storage: &Storage) -> Vec<yibiao_core::BundleId> {
    let read = storage.get(DRAFT_KEY).ok().flatten().and_then(|text| draft::read(&text).ok());
    read.map(|read| read.state.drafts.iter().map(|draft| draft.bundle.clone()).collect()).unwrap_or_default()
}

/// What start-up found in the storage.
struct Restored {
    state: State,
    /// The text it was read from.
    found: Option<String>,
    /// What could not be opened, if anything: the whole document or some drafts in it.
    unreadable: Option<Unreadable>,
    /// Set when something unreadable could not be copied aside: it is still where it was, the
    /// only copy, so nothing may be saved over it and no file it names may be deleted.
    stuck: bool,
}

/// Reads the saved drafts. What cannot be read (the document, or single drafts in it) is
/// copied aside before anything can be saved over it; when even the copy cannot be written (a
/// full disk), it stays where it is, untouched.
fn restore(storage: &Storage, now_ms: u64) -> Restored {
    let Ok(Some(text)) = storage.get(DRAFT_KEY) else {
        return Restored { state: State::default(), found: None, unreadable: None, stuck: false };
    };
    let (state, unreadable, stuck) = match draft::read(&text) {
        Ok(Read { state, refused }) if refused.is_empty() => (state, None, false),
        Ok(Read { state, refused }) => {
            // Every copy is tried, so that as many as fit are kept whatever happens next.
            let failed = refused.iter().filter(|draft| set_aside::keep(storage, &draft.document, now_ms).is_err());
            let stuck = failed.count() > 0;
            (state, Some(Unreadable::Drafts(refused.len())), stuck)
        }
        Err(error) => {
            let stuck = set_aside::keep(storage, &text, now_ms).is_err();
            (State::default(), Some(Unreadable::Document(error)), stuck)
        }
    };
    Restored { state, found: Some(text), unreadable, stuck }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let env = {
        let (today, in_use, durable, kiosk) = (props.today, props.catalog.clone(), props.durable, props.kiosk.clone());
        use_memo((), move |_| AppEnv { in_use: (*in_use).clone(), durable, today, kiosk })
    };
    let restored = {
        let storage = props.storage.clone();
        use_memo((), move |_| restore(&storage, crate::platform::clock::now_ms()))
    };
    let store = {
        let (env, mut state) = (env.clone(), restored.state.clone());
        // A kiosk starts in the elder version's sizes, its default (each session starts anew).
        if props.kiosk.is_some() {
            state.elder = 1;
        }
        let opening = props.opening.clone();
        use_reducer(move || {
            let store = Store::new(state, Rc::clone(&env));
            match opening {
                Some(action) => store.opened(action),
                None => store,
            }
        })
    };
    let notice = {
        let initial = match (&props.storage_problem, &restored.unreadable) {
            (Some(_), _) => Some(Notice::StorageUnavailable),
            (None, Some(what)) => Some(Notice::DraftUnreadable { what: what.clone(), saving: !restored.stuck }),
            (None, None) => props.catalog_problem.clone(),
        };
        use_kept(move || initial)
    };

    // The copies set aside, for the home page; discarding one lets clean-up run again. The
    // count lives in a cell, so that a callback kept by an effect since the first draw still
    // counts on from the latest value.
    let generation = use_mut_ref(|| 0_u32);
    let redraw = use_force_update();
    let shelf = {
        let count = Rc::clone(&generation);
        set_aside::Shelf {
            storage: props.storage.clone(),
            generation: *generation.borrow(),
            changed: Callback::from(move |_| {
                let next = count.borrow().wrapping_add(1);
                *count.borrow_mut() = next;
                redraw.force_update();
            }),
        }
    };

    // Every change is saved at once, merged with what another tab saved meanwhile. A full disk
    // keeps the last saved drafts and says so. What this version cannot read (found at start-up
    // and not copied aside, or saved by another tab) is never saved over.
    let saver = {
        let (storage, found, stuck) = (props.storage.clone(), restored.found.clone(), restored.stuck);
        use_memo((), move |_| Saver::new(storage, found, stuck))
    };
    use_saving(&store, &saver, &notice, &shelf.changed);
    use_file_cleanup(&store, &saver, &props.storage, &props.files, props.storage_problem.is_some(), shelf.generation);
    use_other_tabs(&store, &saver, &notice, &shelf.changed);
    use_effect_on(store.state.lang, |lang| {
        dom::set_document_lang(lang.tag());
        None
    });
    use_effect_on(store.state.elder, |step| {
        dom::set_text_step(*step);
        None
    });
    use_address(&store, props.opening.is_some());
    use_skip_link();
    let speech = crate::hooks::use_kept(crate::store::Speech::new);
    let pieces = use_pieces(&store, props.parts.open);

    let lang = store.state.lang;
    let ambient = Ambient::of(&store, speech);
    let catalog_change =
        store.state.application().and_then(|draft| draft.catalog_change(&store.env.in_use.catalog, env.today));
    let on_dismiss = {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(None))
    };
    // Keyed by address: each page, and each question, is a fresh page that takes focus.
    let key = route::fragment(store.state.open.as_ref(), &store.state.page);
    let page = match &store.state.page {
        Page::Home => html! { <HomePage {key} /> },
        page => (props.parts.draft_page)(key, page.clone()),
    };
    html! {
        <ContextProvider<Ambient> context={ambient.clone()}>
        <ContextProvider<Resources> context={Resources { store: store.clone(), files: props.files.clone(), shelf, pieces }}>
            { skip_link(lang) }
            { masthead(&ambient, false) }
            if let Some(kiosk) = &env.kiosk {
                { (props.parts.kiosk_guard)(Rc::clone(kiosk)) }
            }
            <main id="main" class="page" tabindex="-1">
                if let Some(notice) = &*notice {
                    { notice_banner(&ambient, notice, on_dismiss) }
                }
                if store.state.address_refused > 0 {
                    <p class="notice" role="status">{ Ui::AddressRefused.text(lang) }</p>
                }
                if let Some(change) = catalog_change {
                    { catalog_change_panel(&ambient, &change, true) }
                }
                { page }
            </main>
            <footer class="footer">
                <p>{ Ui::PrivacyNote.text(lang) }</p>
            </footer>
        </ContextProvider<Resources>>
        </ContextProvider<Ambient>>
    }
}
