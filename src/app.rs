//! The root component: restores the draft, provides the store, saves every change, keeps the
//! address and the document language in step, and shows the current page.

use std::rc::Rc;

use yew::prelude::*;
use yibiao_core::draft::{self, DraftError};
use yibiao_core::session::{Action, Page, State};
use yibiao_core::Date;

use crate::components::{CatalogChangePanel, Masthead, NoticeBanner, SkipLink};
use crate::i18n::Ui;
use crate::notice::Notice;
use crate::pages::{HomePage, MaterialsPage, NoticePage, QuestionPage, ReviewPage, SectionPage, TasksPage};
use crate::platform::file_store::FileStore;
use crate::platform::storage::{Storage, StorageError};
use crate::platform::{dom, history};
use crate::route;
use crate::store::{AppEnv, Store};

/// Where the draft is kept.
pub const DRAFT_KEY: &str = "yibiao.draft";
/// Where a draft this version cannot open is moved, so that saving never overwrites it.
pub const UNREADABLE_DRAFT_KEY: &str = "yibiao.draft.unreadable";

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Where drafts are saved: the browser's storage, or memory on a kiosk and in tests.
    pub storage: Storage,
    /// Where attached files are kept: IndexedDB, or memory on a kiosk and in tests.
    pub files: FileStore,
    /// Set when the browser's storage could not be opened.
    #[prop_or_default]
    pub storage_problem: Option<StorageError>,
    pub today: Date,
}

/// The language of the saved drafts, for the catalog page; Chinese when there are none.
pub fn saved_lang(storage: &Storage) -> yibiao_core::Lang {
    storage
        .get(DRAFT_KEY)
        .ok()
        .flatten()
        .and_then(|text| draft::decode(&text).ok())
        .map(|state| state.lang)
        .unwrap_or_default()
}

/// What start-up found in the storage.
struct Restored {
    state: State,
    /// Why the saved draft could not be opened, if it could not.
    unreadable: Option<DraftError>,
    /// Set when an unreadable draft could not be copied aside: it is still where it was, the
    /// only copy, so nothing may be saved over it and no file it names may be deleted.
    stuck: bool,
}

/// Reads the saved draft. An unreadable one is copied aside before anything can be saved over
/// it; when even the copy cannot be written (a full disk), it stays where it is, untouched.
fn restore(storage: &Storage) -> Restored {
    let Ok(Some(text)) = storage.get(DRAFT_KEY) else {
        return Restored { state: State::default(), unreadable: None, stuck: false };
    };
    match draft::decode(&text) {
        Ok(state) => Restored { state, unreadable: None, stuck: false },
        Err(error) => {
            let stuck = set_aside(storage, &text).is_err();
            Restored { state: State::default(), unreadable: Some(error), stuck }
        }
    }
}

/// The most copies set aside; past it, a further unreadable draft is treated as one that
/// cannot be copied (it stays where it is, and nothing is saved over it).
const MOST_SET_ASIDE: u32 = 100;

/// The key of the `n`th copy set aside: the first is [`UNREADABLE_DRAFT_KEY`] itself (as earlier
/// versions wrote it), the next ones have a number after it.
fn set_aside_key(n: u32) -> String {
    match n {
        1 => UNREADABLE_DRAFT_KEY.to_owned(),
        n => format!("{UNREADABLE_DRAFT_KEY}.{n}"),
    }
}

/// Copies an unreadable draft aside under the first free key, never over an earlier copy.
fn set_aside(storage: &Storage, text: &str) -> Result<(), StorageError> {
    for n in 1..=MOST_SET_ASIDE {
        let key = set_aside_key(n);
        match storage.get(&key)? {
            Some(kept) if kept == text => return Ok(()),
            Some(_) => continue,
            None => return storage.set(&key, text),
        }
    }
    Err(StorageError::QuotaExceeded)
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let active = {
        let storage = props.storage.clone();
        use_memo((), move |_| crate::catalog::active(&storage))
    };
    let env = {
        let (today, active) = (props.today, active.clone());
        use_memo((), move |_| AppEnv { catalog: active.0.clone(), origin: active.1, today })
    };
    let restored = {
        let storage = props.storage.clone();
        use_memo((), move |_| restore(&storage))
    };
    let store = {
        let (env, state) = (env.clone(), restored.state.clone());
        use_reducer(move || Store { state, env: Rc::clone(&env) })
    };
    let notice = {
        let initial = match (&props.storage_problem, &restored.unreadable) {
            (Some(_), _) => Some(Notice::StorageUnavailable),
            (None, Some(error)) if restored.stuck => Some(Notice::DraftUnreadableNotSaving(error.clone())),
            (None, Some(error)) => Some(Notice::DraftUnreadable(error.clone())),
            (None, None) if active.2 => Some(Notice::LoadedCatalogUnusable),
            (None, None) => None,
        };
        use_state(move || initial)
    };

    // Every change is saved at once. A full disk keeps the last saved draft and says so. An
    // unreadable draft that could not be copied aside is never saved over.
    {
        let storage = props.storage.clone();
        let notice = notice.clone();
        let stuck = restored.stuck;
        use_effect_with(store.state.clone(), move |state| {
            if stuck {
                return;
            }
            match storage.set(DRAFT_KEY, &draft::encode(state)) {
                Ok(()) if *notice == Some(Notice::StorageFull) => notice.set(None),
                Ok(()) => {}
                Err(StorageError::QuotaExceeded) => notice.set(Some(Notice::StorageFull)),
                Err(_) => notice.set(Some(Notice::StorageUnavailable)),
            }
        });
    }

    // Files no draft uses any more (a draft deleted, a file removed) are deleted from the
    // device. Drafts saved by another tab count as in use too. Nothing is deleted while the
    // drafts cannot all be read: a draft set aside as unreadable (or one that could not even be
    // set aside), or a browser that keeps no drafts, may name files this version cannot see.
    {
        let (storage, files) = (props.storage.clone(), props.files.clone());
        let drafts_unknown = props.storage_problem.is_some() || restored.stuck;
        use_effect_with(store.state.file_ids(), move |in_use| {
            if drafts_unknown || !matches!(storage.get(UNREADABLE_DRAFT_KEY), Ok(None)) {
                return;
            }
            let mut keep = in_use.clone();
            if let Some(saved) = storage.get(DRAFT_KEY).ok().flatten().and_then(|text| draft::decode(&text).ok()) {
                keep.extend(saved.file_ids());
            }
            wasm_bindgen_futures::spawn_local(async move {
                let _ = files.keep_only(&keep).await;
            });
        });
    }

    // Another tab saved its drafts: this one takes them, so that tabs never undo each other's
    // work (and never delete each other's files).
    {
        let dispatcher = store.dispatcher();
        use_effect_with((), move |_| {
            let listener = crate::platform::storage::on_change_elsewhere(DRAFT_KEY, move |text| {
                if let Some(saved) = text.and_then(|text| draft::decode(&text).ok()) {
                    dispatcher.dispatch(Action::Adopt(Box::new(saved)));
                }
            });
            move || drop(listener)
        });
    }

    use_effect_with(store.state.lang, |lang| dom::set_document_lang(lang.tag()));

    // The address follows the page; back and forward move between pages.
    {
        let first = use_mut_ref(|| true);
        // A refused address changes nothing else, yet the address must be put right.
        let refused = store.state.address_refused;
        use_effect_with((store.state.open.clone(), store.state.page.clone(), refused), move |(draft, page, _)| {
            let fragment = route::fragment(draft.as_ref(), page);
            if history::current_fragment() != fragment {
                history::show_fragment(&fragment, *first.borrow());
            }
            *first.borrow_mut() = false;
        });
    }
    {
        let dispatcher = store.dispatcher();
        use_effect_with((), move |_| {
            let listener = history::on_navigation(move |fragment| {
                if let Some((draft, page)) = route::parse(&fragment) {
                    dispatcher.dispatch(Action::Visit { draft, page });
                }
            });
            move || drop(listener)
        });
    }

    let lang = store.state.lang;
    let catalog_change = store.state.application().and_then(|draft| draft.catalog_change(&env.catalog, env.today));
    let on_dismiss = {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(None))
    };
    // Keyed by address: each page, and each question, is a fresh page that takes focus.
    let key = route::fragment(store.state.open.as_ref(), &store.state.page);
    let page = match &store.state.page {
        Page::Home => html! { <HomePage {key} /> },
        Page::Question(question) => html! { <QuestionPage {key} question={question.clone()} /> },
        Page::Notice => html! { <NoticePage {key} /> },
        Page::Tasks => html! { <TasksPage {key} /> },
        Page::Section(section) => html! { <SectionPage {key} section={section.clone()} /> },
        Page::Materials => html! { <MaterialsPage {key} /> },
        Page::Review => html! { <ReviewPage {key} /> },
    };
    html! {
        <ContextProvider<crate::store::StoreHandle> context={store.clone()}>
        <ContextProvider<FileStore> context={props.files.clone()}>
            <SkipLink />
            <Masthead />
            <main id="main" class="page" tabindex="-1">
                if let Some(notice) = (*notice).clone() {
                    <NoticeBanner {notice} {on_dismiss} />
                }
                if store.state.address_refused > 0 {
                    <p class="notice" role="status">{ Ui::AddressRefused.text(lang) }</p>
                }
                if let Some(change) = catalog_change {
                    <CatalogChangePanel {change} />
                }
                { page }
            </main>
            <footer class="footer">
                <p>{ Ui::PrivacyNote.text(lang) }</p>
            </footer>
        </ContextProvider<FileStore>>
        </ContextProvider<crate::store::StoreHandle>>
    }
}
