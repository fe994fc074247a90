//! Loading a bundle's piece of the catalog when it is needed (按需载入): on starting or opening
//! it, and for every saved draft (another tab's or an opened packet's included), so that the
//! drafts list can say whether each is finished. A piece arrives through the service worker
//! (its cache when offline), is checked against its card's digest, and joins the catalog in use;
//! what waited for it (starting, opening) then happens. One that cannot be had is said by name,
//! on the draft or the card that needed it, and nothing else changes.

use std::cell::RefCell;
use std::rc::Rc;
use yibiao_core::sorted_map::SortedMap;

use yew::prelude::*;
use yibiao_core::session::Action;
use yibiao_core::BundleId;

use crate::catalog::{fetch_piece, piece_file, PieceFailure};
use crate::store::{AppEnv, Dispatch, StoreHandle};

/// How long a piece may take before the page says it is loading (ms): long enough for one kept
/// on the device, short enough that a wait on the network is said at once.
const SAY_LOADING_AFTER_MS: i32 = 150;

/// Where a bundle's piece is, when it is not in the catalog in use yet.
#[derive(Debug, Clone, PartialEq)]
pub enum PieceStatus {
    Loading,
    Failed(PieceFailure),
}

impl PieceStatus {
    /// What is said of the piece of the bundle `name` while it loads, or why it could not be.
    pub fn message(&self, lang: yibiao_core::Lang, name: &str) -> String {
        match self {
            PieceStatus::Loading => crate::i18n::Ui::PieceLoading.text(lang).to_owned(),
            PieceStatus::Failed(failure) => crate::i18n::piece_failure(lang, Some(name), failure),
        }
    }
}

/// What happens once a piece is in the catalog in use.
pub enum Then {
    Nothing,
    Act(Action),
    /// Told whether the piece came (the store has it by then) or why not.
    Call(Callback<Result<(), PieceFailure>>),
}

impl Then {
    fn done(self, dispatch: &Dispatch, outcome: Result<(), PieceFailure>) {
        // Only what was asked for is done; a piece loaded in the background does nothing more.
        match (self, outcome) {
            (Then::Act(action), Ok(())) => dispatch.send(action),
            (Then::Call(callback), outcome) => callback.emit(outcome),
            _ => {}
        }
    }
}

/// The pieces being loaded or refused, and the way to ask for one; provided by `App`.
#[derive(Clone)]
pub struct Pieces {
    status: Rc<RefCell<SortedMap<BundleId, PieceStatus>>>,
    /// Changes whenever `status` does, so that the context's readers redraw.
    generation: u32,
    load: Callback<(BundleId, Then)>,
    /// The newest environment (with every piece that came, drawn or not).
    latest: Rc<RefCell<Rc<crate::store::AppEnv>>>,
    /// Opens `bundle` with an action elsewhere, when this module can (`app::Parts::open`: the
    /// first module hands it to the whole app standing by); says whether it did.
    open: Option<fn(&Pieces, BundleId, Action) -> bool>,
}

impl PartialEq for Pieces {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation && Rc::ptr_eq(&self.status, &other.status) && self.load == other.load
    }
}

impl Pieces {
    /// Where `bundle`'s piece is, unless it is in the catalog in use.
    pub fn status(&self, bundle: &BundleId) -> Option<PieceStatus> {
        self.status.borrow().get(bundle).cloned()
    }

    /// Loads `bundle`'s piece if it is not in use yet (again, if it failed), then dispatches
    /// `then`, at once when it is there already.
    pub fn then(&self, bundle: BundleId, then: Action) {
        if let Some(open) = self.open {
            if open(self, bundle.clone(), then.clone()) {
                return;
            }
        }
        self.load.emit((bundle, Then::Act(then)));
    }

    /// The newest environment: with every piece that came, even before the store draws it.
    pub fn latest_env(&self) -> Rc<crate::store::AppEnv> {
        Rc::clone(&self.latest.borrow())
    }

    /// Loads `bundle`'s piece if it is not in use yet, then tells `done` whether it came.
    pub fn call(&self, bundle: BundleId, done: Callback<Result<(), PieceFailure>>) {
        self.load.emit((bundle, Then::Call(done)));
    }
}

/// The pieces context, loading every saved draft's bundle that is not in use yet.
#[hook]
pub fn use_pieces(store: &StoreHandle, open: Option<fn(&Pieces, BundleId, Action) -> bool>) -> Pieces {
    let status = use_mut_ref(SortedMap::<BundleId, PieceStatus>::new);
    // What waits for each piece on its way: done in the order asked when it comes.
    let waiting = use_mut_ref(SortedMap::<BundleId, Vec<Then>>::new);
    let generation = use_mut_ref(|| 0_u32);
    let redraw = use_force_update();
    // The newest environment: a piece that arrives builds on the ones that came before it, even
    // before the store has drawn them.
    let latest = use_mut_ref(|| Rc::clone(&store.env));
    if !Rc::ptr_eq(&latest.borrow(), &store.env)
        && latest.borrow().in_use.catalog.bundles.len() <= store.env.in_use.catalog.bundles.len()
    {
        *latest.borrow_mut() = Rc::clone(&store.env);
    }
    let load = {
        let (status, generation, latest, waiting) =
            (Rc::clone(&status), Rc::clone(&generation), Rc::clone(&latest), Rc::clone(&waiting));
        let dispatch = Dispatch::new(store.dispatcher());
        use_callback((), move |(bundle, then): (BundleId, Then), _| {
            let changed = {
                let (generation, redraw) = (Rc::clone(&generation), redraw.clone());
                move || {
                    *generation.borrow_mut() += 1;
                    redraw.force_update();
                }
            };
            let env = Rc::clone(&latest.borrow());
            if env.in_use.has(&bundle) {
                then.done(&dispatch, Ok(()));
                return;
            }
            let Some(card) = env.in_use.index.card(&bundle).cloned() else {
                then.done(
                    &dispatch,
                    Err(PieceFailure::Refused(yibiao_core::catalog::pieces::PieceError::IndexUnreadable)),
                );
                return;
            };
            let on_its_way = waiting.borrow().get(&bundle).is_some();
            waiting.borrow_mut().entry(bundle.clone()).or_default().push(then);
            if on_its_way {
                return;
            }
            if status.borrow().get(&bundle).is_some() {
                // Tried again: the failure goes at once, and the page says the piece is coming.
                status.borrow_mut().insert(bundle.clone(), PieceStatus::Loading);
                changed();
            } else {
                // A piece kept on the device comes in a few milliseconds: saying so would only
                // draw the page twice more (a flash of a message). One that takes longer is said.
                let (status, waiting, bundle, changed) =
                    (Rc::clone(&status), Rc::clone(&waiting), bundle.clone(), changed.clone());
                crate::platform::tasks::spawn(async move {
                    crate::platform::timers::after(SAY_LOADING_AFTER_MS).await;
                    if waiting.borrow().get(&bundle).is_some() && status.borrow().get(&bundle).is_none() {
                        status.borrow_mut().insert(bundle, PieceStatus::Loading);
                        changed();
                    }
                });
            }
            let (status, latest, dispatch, waiting) =
                (Rc::clone(&status), Rc::clone(&latest), dispatch.clone(), Rc::clone(&waiting));
            crate::platform::tasks::spawn(async move {
                let fetched = fetch_piece(&card).await;
                let env = Rc::clone(&latest.borrow());
                let joined =
                    fetched.and_then(|bytes| env.in_use.with_piece(&bundle, bytes).map_err(PieceFailure::Refused));
                // Whether the page said something of this piece that must change now.
                let mut said = true;
                let outcome = match joined {
                    Ok(in_use) => {
                        let next = Rc::new(AppEnv {
                            in_use,
                            durable: env.durable,
                            today: env.today,
                            kiosk: env.kiosk.clone(),
                        });
                        *latest.borrow_mut() = Rc::clone(&next);
                        said = status.borrow_mut().remove(&bundle).is_some();
                        // The first action that waited goes with the catalog, in one redraw.
                        let first = waiting.borrow_mut().get_mut(&bundle).and_then(|waited| {
                            let at = waited.iter().position(|then| matches!(then, Then::Act(_)))?;
                            match waited.remove(at) {
                                Then::Act(action) => Some(action),
                                _ => None,
                            }
                        });
                        dispatch.catalog(next, first);
                        Ok(())
                    }
                    Err(failure) => {
                        if matches!(failure, PieceFailure::Refused(_)) {
                            crate::platform::service_worker::forget_piece(&piece_file(&card));
                        }
                        status.borrow_mut().insert(bundle.clone(), PieceStatus::Failed(failure.clone()));
                        Err(failure)
                    }
                };
                let waited = waiting.borrow_mut().remove(&bundle).unwrap_or_default();
                for then in waited {
                    then.done(&dispatch, outcome.clone());
                }
                if said {
                    changed();
                }
            });
        })
    };
    // Every saved draft's bundle, once: loaded in the background as drafts come and go. (A few
    // drafts: a scan rather than a set, whose sorted build costs the module a sort.)
    let mut wanted: Vec<BundleId> = Vec::new();
    for bundle in store.state.drafts.iter().map(|draft| &draft.bundle) {
        let needed = !store.env.in_use.has(bundle) && store.env.in_use.index.card(bundle).is_some();
        if needed && !wanted.contains(bundle) {
            wanted.push(bundle.clone());
        }
    }
    {
        let load = load.clone();
        let status = Rc::clone(&status);
        super::use_effect_on(wanted, move |wanted| {
            for bundle in wanted {
                if status.borrow().get(bundle).is_none() {
                    load.emit((bundle.clone(), Then::Nothing));
                }
            }
            None
        });
    }
    let generation = *generation.borrow();
    Pieces { status, generation, load, latest, open }
}
