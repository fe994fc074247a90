//! The application store: the core's reducer, wrapped so Yew can hold it (the orphan rule needs
//! a local type), with the view of the open draft the core derives once per change. Pages read
//! it with [`use_store`]; every other component reads the small [`Ambient`] context, which
//! changes only with the language or the draft on screen, so that typing in one field redraws
//! no component whose own props did not change.

use std::rc::Rc;

use yew::prelude::*;
use yibiao_core::session::{self, Action, DraftId, Env, State};
use yibiao_core::view::Derived;
use yibiao_core::{Date, Lang};

use crate::catalog::InUse;
use crate::hooks::Kept;
use crate::platform::speech::SpeechProblem;

/// What the reducer needs besides the state: the catalog and today's date.
#[derive(Debug)]
pub struct AppEnv {
    /// The catalog in use: its index and the bundles loaded so far.
    pub in_use: InUse,
    /// Whether the browser keeps the drafts for good, as it said at start.
    pub durable: Option<bool>,
    pub today: Date,
    /// The hall's terminal configuration, on a kiosk (自助终端).
    pub kiosk: Option<Rc<yibiao_core::kiosk::Kiosk>>,
}

/// The state, the view of its open draft, and their environment.
#[derive(Debug)]
pub struct Store {
    pub state: State,
    /// What the pages of the open draft show, derived by the core with the state.
    pub view: Option<Derived>,
    pub env: Rc<AppEnv>,
}

/// A store is replaced, never changed in place, and only when the state changed: two are the
/// same when they are one (the context then skips its consumers without comparing drafts).
impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Something the core shares, passed to a component: equal when it is the same one. The core
/// makes a new one only when it changed, so a component redraws exactly when it did, without
/// comparing drafts or plans field by field.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl Store {
    /// The store for a state read at start-up, its view derived once.
    pub fn new(state: State, env: Rc<AppEnv>) -> Store {
        let view = state.application().map(|draft| draft.view(&env.in_use.catalog, env.today).map(Rc::new));
        Store { state, view, env }
    }

    /// This store with `action` done, as the reducer does it (the first draw of a whole app
    /// handed an action to do: issue 16).
    pub fn opened(self, action: Action) -> Store {
        let now_ms = crate::platform::clock::now_ms();
        let env = Env { catalog: &self.env.in_use.catalog, today: self.env.today, now_ms };
        match session::step(&self.state, self.view.as_ref(), action, env) {
            Some(stepped) => Store { state: stepped.state, view: stepped.view, env: self.env },
            None => self,
        }
    }
}

/// An action with the time it happened, read in the shell when it is dispatched.
#[derive(Debug)]
pub struct Timed {
    pub action: Action,
    pub now_ms: u64,
}

/// What changes the store: an action, or a catalog with one more bundle loaded.
#[derive(Debug)]
pub enum Change {
    Act(Timed),
    /// The environment with a bundle's piece added (`InUse::with_piece`), then what waited
    /// for it, in one change (one redraw). The open draft's view is derived again, since its
    /// bundle may be the one loaded.
    Catalog(Rc<AppEnv>, Option<Timed>),
}

impl Reducible for Store {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let (this, Timed { action, now_ms }) = match change {
            Change::Act(timed) => (self, timed),
            Change::Catalog(env, then) => {
                let changed = Rc::new(Store::new(self.state.clone(), env));
                match then {
                    Some(timed) => (changed, timed),
                    None => return changed,
                }
            }
        };
        let env = Env { catalog: &this.env.in_use.catalog, today: this.env.today, now_ms };
        match session::step(&this.state, this.view.as_ref(), action, env) {
            Some(stepped) => Rc::new(Store { state: stepped.state, view: stepped.view, env: Rc::clone(&this.env) }),
            // Returning the same Rc tells Yew nothing changed: no re-render.
            None => this,
        }
    }
}

pub type StoreHandle = UseReducerHandle<Store>;

/// Dispatches core actions, stamped with the time read from the device clock.
#[derive(Clone, PartialEq)]
pub struct Dispatch(UseReducerDispatcher<Store>);

impl Dispatch {
    pub fn new(dispatcher: UseReducerDispatcher<Store>) -> Dispatch {
        Dispatch(dispatcher)
    }

    pub fn send(&self, action: Action) {
        self.0.dispatch(Change::Act(Timed { action, now_ms: crate::platform::clock::now_ms() }));
    }

    /// Puts a catalog with one more bundle loaded in use, then applies `then`.
    pub fn catalog(&self, env: Rc<AppEnv>, then: Option<Action>) {
        let then = then.map(|action| Timed { action, now_ms: crate::platform::clock::now_ms() });
        self.0.dispatch(Change::Catalog(env, then));
    }
}

/// What every part of a page shares and rarely changes (周边): the language, the environment
/// (catalog, today), the draft on screen (for addresses), and the way to dispatch.
#[derive(Clone)]
pub struct Ambient {
    pub lang: Lang,
    /// The text step: 0 standard, 1 to 3 the elder version's (长辈版).
    pub elder: u8,
    /// Who is helping the applicant (帮办代办), while someone is.
    pub helper: Option<yibiao_core::helper::Helper>,
    pub env: Rc<AppEnv>,
    pub open: Option<DraftId>,
    pub dispatch: Dispatch,
    /// Reading aloud: the pace, and what the device last could not read.
    pub speech: Kept<Speech>,
}

/// Reading aloud (语音播报), for the page's life: whether slowly, and the text the device last
/// could not read aloud, and why (said beside its button).
#[derive(Clone, PartialEq)]
pub struct Speech {
    pub slow: bool,
    pub problem: Option<(AttrValue, SpeechProblem)>,
}

impl Speech {
    /// As the device's speech starts: at its pace, with no problem met yet.
    pub fn new() -> Speech {
        Speech { slow: crate::platform::speech::slow(), problem: None }
    }
}

impl Ambient {
    /// The ambient context of the store's state, with the root's cell of reading aloud.
    pub fn of(store: &StoreHandle, speech: Kept<Speech>) -> Ambient {
        Ambient {
            lang: store.state.lang,
            elder: store.state.elder,
            helper: store.state.helper.clone(),
            env: Rc::clone(&store.env),
            open: store.state.open.clone(),
            dispatch: Dispatch::new(store.dispatcher()),
            speech,
        }
    }

    pub fn today(&self) -> Date {
        self.env.today
    }
}

impl PartialEq for Ambient {
    fn eq(&self, other: &Self) -> bool {
        // The environment changes only when a bundle's piece is loaded: compared by address.
        self.lang == other.lang
            && self.elder == other.elder
            && self.helper == other.helper
            && Rc::ptr_eq(&self.env, &other.env)
            && self.open == other.open
            && self.dispatch == other.dispatch
            && self.speech == other.speech
    }
}

/// What `App` shares besides the ambient context, in one context (each context type is a
/// component of Yew's, with its machinery in the first load): the store, for pages and what
/// reads the whole state; the file store, the shelf of drafts set aside, and the pieces of the
/// catalog being loaded. (The catalog page's module, without those, shares its store alone.)
#[derive(Clone, PartialEq)]
pub struct Resources {
    pub store: StoreHandle,
    pub files: crate::platform::file_store::FileStore,
    pub shelf: crate::set_aside::Shelf,
    pub pieces: crate::hooks::Pieces,
}

/// The shared resources, for the components of the applicants' app.
#[hook]
pub fn use_resources() -> Resources {
    use_context::<Resources>().expect("components are rendered inside App, which provides the resources")
}

/// The store shared by context, for the catalog page (`AdminApp`).
#[hook]
pub fn use_store() -> StoreHandle {
    use_context::<StoreHandle>().expect("components are rendered inside App, which provides the store")
}

/// The ambient context shared from `App`, for components.
#[hook]
pub fn use_ambient() -> Ambient {
    use_context::<Ambient>().expect("components are rendered inside App, which provides the ambient context")
}

/// Dispatches through the store handle, with the time.
pub fn send(store: &StoreHandle, action: Action) {
    Dispatch::new(store.dispatcher()).send(action);
}
