//! The app in two modules (issue 16). `index.html` loads the first (`yibiao`), which draws the
//! home page, its search and the drafts list; a draft's pages are in the whole app
//! (`yibiao-whole`, every page), a classic script and its module beside the page. Once the home
//! page is drawn, `stand_by` loads that script, compiles its module and starts it standing by:
//! it reads and checks the catalog the first module read, and waits. Opening a draft then
//! `hand_over`s: the whole app wakes (or starts, if it was not yet standing by), reads the
//! drafts and the address the first module saved, removes the first module's app
//! (`FirstApp::stop`) and draws in its place.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yibiao_core::catalog::pieces::Published;
use yibiao_core::session::DraftId;
use yibiao_core::BundleId;

/// The whole app's glue, a classic script beside the page.
const SCRIPT: &str = "./yibiao-whole.js";
/// Its WebAssembly module.
const MODULE: &str = "./yibiao-whole_bg.wasm";
/// The global through which the first module tells the whole app that its app is on screen.
const HANDOVER: &str = "yibiaoHandover";

#[wasm_bindgen]
extern "C" {
    /// What the whole app's glue defines once its script has run (wasm-bindgen's `no-modules`
    /// target): instantiates the module, whose start runs the whole app.
    #[wasm_bindgen(catch, js_name = wasm_bindgen)]
    fn instantiate_whole(options: &JsValue) -> Result<Promise, JsValue>;
}

/// Why the whole app could not be started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandoverFailure {
    /// Its script or module could not be had (offline before the service worker kept them, or
    /// a server that no longer has them).
    Unreachable,
    /// They came but would not start (a copy gone wrong).
    Refused,
}

thread_local! {
    /// The whole app's script, loading or loaded (every wait shares it); dropped if it failed.
    static SCRIPT_LOADED: RefCell<Option<Promise>> = const { RefCell::new(None) };
    /// Its module, compiling or compiled; dropped if it failed.
    static MODULE_COMPILED: RefCell<Option<Promise>> = const { RefCell::new(None) };
    /// Set once the whole app was started in this page: it is started once only.
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// The promise of the whole app's script, the script added to the page now if need be.
fn script() -> Option<Promise> {
    SCRIPT_LOADED.with(|cell| {
        if let Some(loaded) = &*cell.borrow() {
            return Some(loaded.clone());
        }
        let document = web_sys::window()?.document()?;
        let script = document.create_element("script").ok()?;
        script.set_attribute("src", SCRIPT).ok()?;
        let loaded = Promise::new(&mut |resolve, reject| {
            let _ = script.add_event_listener_with_callback("load", &resolve);
            let _ = script.add_event_listener_with_callback("error", &reject);
        });
        document.body()?.append_child(&script).ok()?;
        *cell.borrow_mut() = Some(loaded.clone());
        Some(loaded)
    })
}

/// The promise of the whole app's compiled module, fetched and compiled now if need be.
fn module() -> Option<Promise> {
    MODULE_COMPILED.with(|cell| {
        if let Some(compiled) = &*cell.borrow() {
            return Some(compiled.clone());
        }
        let window = web_sys::window()?;
        let compiled = wasm_bindgen_futures::future_to_promise(async move {
            let response: web_sys::Response = JsFuture::from(window.fetch_with_str(MODULE)).await?.dyn_into()?;
            if !response.ok() {
                return Err(JsValue::from(response.status()));
            }
            let bytes = JsFuture::from(response.array_buffer()?).await?;
            JsFuture::from(js_sys::WebAssembly::compile(&bytes)).await
        });
        *cell.borrow_mut() = Some(compiled.clone());
        Some(compiled)
    })
}

/// What the first module has read that the whole app would read again.
pub struct Known {
    /// The published catalog (its index and the pieces loaded), so that the whole app need not
    /// fetch them again; it checks each piece again. `None` for a catalog loaded on the device,
    /// which the whole app reads itself.
    pub catalog: Option<Rc<Published>>,
    /// Whether the browser keeps this site's storage for good, as the first module was told.
    pub durable: Option<bool>,
}

/// The whole app standing by: started with what the first module knew once its home page was
/// drawn, waiting for the first module to wake it.
struct Standing {
    wake: js_sys::Function,
    /// The start of its module, settled once its start has run.
    started: Promise,
    /// How many of the catalog's pieces it was given (with the index), if it was given the
    /// catalog: those are not given again.
    pieces_given: Option<usize>,
}

thread_local! {
    static STANDING: RefCell<Option<Standing>> = const { RefCell::new(None) };
}

/// Once the home page is drawn: loads and compiles the whole app and starts it standing by with
/// what the first module `known`, so that it reads and checks all it can before it is needed
/// and opening a draft only wakes it. Where it cannot be had now, opening a draft tries again.
pub fn stand_by(known: Known) {
    crate::platform::tasks::spawn(async move {
        if STARTED.get() {
            return;
        }
        let Ok(module) = loaded().await else { return };
        if STARTED.get() {
            return;
        }
        let mut wake = None;
        let go = Promise::new(&mut |resolve, _reject| wake = Some(resolve));
        let pieces_given = known.catalog.as_ref().map(|catalog| catalog.pieces.len());
        let (Some(wake), Ok(handover)) = (wake, handover_object(Some(known), None, None)) else { return };
        if Reflect::set(&handover, &"go".into(), &go).is_err() {
            return;
        }
        let Ok(started) = start(&handover, &module) else { return };
        let standing = Standing { wake, started: started.clone(), pieces_given };
        STANDING.with(|cell| *cell.borrow_mut() = Some(standing));
        if JsFuture::from(started).await.is_err() {
            STANDING.with(|cell| cell.borrow_mut().take());
            STARTED.set(false);
        }
    });
}

/// What the whole app is to do first, as the first module was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opening {
    /// Start a draft of this bundle.
    Start(BundleId),
    /// Continue this draft.
    Continue(DraftId),
}

/// Whether the whole app stands by, to be woken (a hand-over then takes no loading).
pub fn standing_by() -> bool {
    STANDING.with(|cell| cell.borrow().is_some())
}

/// Whether the whole app was started in this page (standing by or handed over to).
pub fn started() -> bool {
    STARTED.get()
}

/// Hands the page over to the whole app: wakes it if it stands by, else loads and starts it,
/// told what the first module `known` and what to do first (`opening`), and given `stop`,
/// which removes the first module's app (the whole app calls it just before it draws; `None`
/// when nothing of the first module is on screen). Done once per page: a second call (a second
/// click while it loads) does nothing. A failure to load can be tried again: the next call
/// loads anew.
pub async fn hand_over(
    known: Option<Known>,
    stop: Option<Box<dyn FnOnce()>>,
    opening: Option<Opening>,
) -> Result<(), HandoverFailure> {
    if let Some(standing) = STANDING.with(|cell| cell.borrow_mut().take()) {
        return wake(standing, known, stop, opening).await;
    }
    if STARTED.get() {
        return Ok(());
    }
    let module = loaded().await?;
    if let Some(standing) = STANDING.with(|cell| cell.borrow_mut().take()) {
        return wake(standing, known, stop, opening).await;
    }
    if STARTED.get() {
        return Ok(());
    }
    let handover = handover_object(known, stop, opening)?;
    let started = start(&handover, &module)?;
    if JsFuture::from(started).await.is_err() {
        STARTED.set(false);
        return Err(HandoverFailure::Refused);
    }
    Ok(())
}

/// Wakes the whole app standing by, with what the first module knows now (less what it was
/// given already: the index and the pieces it had then) and its `stop`.
async fn wake(
    standing: Standing,
    known: Option<Known>,
    stop: Option<Box<dyn FnOnce()>>,
    opening: Option<Opening>,
) -> Result<(), HandoverFailure> {
    let known = known.map(|Known { catalog, durable }| {
        let catalog = match (catalog, standing.pieces_given) {
            (Some(catalog), Some(given)) => Some(Rc::new(Published {
                index: Vec::new(),
                pieces: catalog.pieces.get(given..).unwrap_or_default().to_vec(),
            })),
            (catalog, _) => catalog,
        };
        Known { catalog, durable }
    });
    let handover = handover_object(known, stop, opening)?;
    standing.wake.call1(&JsValue::UNDEFINED, &handover).map_err(|_| HandoverFailure::Refused)?;
    JsFuture::from(standing.started).await.map(drop).map_err(|_| {
        STARTED.set(false);
        HandoverFailure::Refused
    })
}

/// The whole app's script loaded and its module compiled; what failed is loaded anew on the
/// next try (a script that ran stays: it cannot run twice).
async fn loaded() -> Result<JsValue, HandoverFailure> {
    let (script, module) = script().zip(module()).ok_or(HandoverFailure::Unreachable)?;
    let (script, module) = (JsFuture::from(script).await, JsFuture::from(module).await);
    if script.is_err() {
        SCRIPT_LOADED.with(|cell| cell.borrow_mut().take());
    }
    let Ok(module) = module else {
        MODULE_COMPILED.with(|cell| cell.borrow_mut().take());
        return Err(HandoverFailure::Unreachable);
    };
    script.map(|_| module).map_err(|_| HandoverFailure::Unreachable)
}

/// Instantiates the compiled whole app, whose start reads `handover` (from the global
/// `yibiaoHandover`); the promise settles once that start has run.
fn start(handover: &Object, module: &JsValue) -> Result<Promise, HandoverFailure> {
    Reflect::set(&js_sys::global(), &HANDOVER.into(), handover).map_err(|_| HandoverFailure::Refused)?;
    let options = Object::new();
    Reflect::set(&options, &"module_or_path".into(), module).map_err(|_| HandoverFailure::Refused)?;
    STARTED.set(true);
    instantiate_whole(&options).map_err(|_| {
        STARTED.set(false);
        HandoverFailure::Refused
    })
}

/// The hand-over as the whole app reads it: `stop` (a function), `durable` (a boolean),
/// `index` (bytes), `pieces` (pairs of a digest and bytes), `start` (a bundle) or `continue` (a
/// draft); and, standing by, `go` (a promise of the same, once the first module hands over).
fn handover_object(
    known: Option<Known>,
    stop: Option<Box<dyn FnOnce()>>,
    opening: Option<Opening>,
) -> Result<Object, HandoverFailure> {
    let handover = Object::new();
    let set = |key: &str, value: &JsValue| Reflect::set(&handover, &key.into(), value).map(drop);
    let mut done = Ok(());
    match opening {
        Some(Opening::Start(bundle)) => done = done.and(set("start", &bundle.as_str().into())),
        Some(Opening::Continue(draft)) => done = done.and(set("continue", &draft.as_str().into())),
        None => {}
    }
    if let Some(stop) = stop {
        done = done.and(set("stop", &Closure::once_into_js(stop)));
    }
    if let Some(Known { catalog, durable }) = known {
        if let Some(durable) = durable {
            done = done.and(set("durable", &durable.into()));
        }
        if let Some(catalog) = catalog {
            let pieces = js_sys::Array::new();
            for (digest, bytes) in &catalog.pieces {
                pieces.push(&js_sys::Array::of2(&digest.into(), &js_sys::Uint8Array::from(bytes.as_slice())));
            }
            done = done.and(set("index", &js_sys::Uint8Array::from(catalog.index.as_slice())));
            done = done.and(set("pieces", &pieces));
        }
    }
    done.map(|()| handover).map_err(|_| HandoverFailure::Refused)
}

/// In the whole app: what the first module handed over, when it started this app.
pub struct Handover {
    /// The published catalog the first module read (not yet checked here).
    pub catalog: Option<Published>,
    /// Whether the browser keeps this site's storage for good, as the first module was told.
    pub durable: Option<bool>,
    stop: Option<js_sys::Function>,
    /// Standing by: the promise of the hand-over itself.
    go: Option<Promise>,
    /// What to do first.
    pub opening: Option<Opening>,
}

impl Handover {
    /// The hand-over, if the first module started this app; read once (then forgotten).
    pub fn take() -> Option<Handover> {
        let global: Object = js_sys::global().unchecked_into();
        let handover = Reflect::get(&global, &HANDOVER.into()).ok().filter(JsValue::is_object)?;
        let _ = Reflect::delete_property(&global, &HANDOVER.into());
        Some(Handover::read(&handover))
    }

    fn read(handover: &JsValue) -> Handover {
        let get = |key: &str| Reflect::get(handover, &key.into()).ok();
        let index = get("index").and_then(|index| index.dyn_into::<js_sys::Uint8Array>().ok());
        let pieces = get("pieces").and_then(|pieces| pieces.dyn_into::<js_sys::Array>().ok());
        let catalog = index.zip(pieces).map(|(index, pieces)| Published {
            index: index.to_vec(),
            pieces: pieces
                .iter()
                .filter_map(|pair| {
                    let pair = pair.dyn_into::<js_sys::Array>().ok()?;
                    let bytes = pair.get(1).dyn_into::<js_sys::Uint8Array>().ok()?;
                    Some((pair.get(0).as_string()?, bytes.to_vec()))
                })
                .collect(),
        });
        Handover {
            catalog,
            durable: get("durable").and_then(|durable| durable.as_bool()),
            stop: get("stop").and_then(|stop| stop.dyn_into().ok()),
            go: get("go").and_then(|go| go.dyn_into().ok()),
            opening: match (get("start").and_then(|id| id.as_string()), get("continue").and_then(|id| id.as_string())) {
                (Some(bundle), _) => Some(Opening::Start(BundleId::new(bundle))),
                (None, Some(draft)) => Some(Opening::Continue(DraftId::new(draft))),
                (None, None) => None,
            },
        }
    }

    /// Whether the first module's app is on screen, or will be when it hands over (standing
    /// by): the first module is never started on a hall's terminal.
    pub fn from_first_app(&self) -> bool {
        self.stop.is_some() || self.go.is_some()
    }

    /// Standing by, waits until the first module hands over, and returns what it handed over
    /// then; otherwise returns at once.
    pub async fn when_handed(self) -> Handover {
        match self.go {
            Some(go) => match JsFuture::from(go).await {
                Ok(handover) => Handover::read(&handover),
                Err(_) => Handover { go: None, ..self },
            },
            None => self,
        }
    }

    /// The first module's app, to be removed when this one draws.
    pub fn first_app(&self) -> Option<FirstApp> {
        self.stop.clone().map(FirstApp)
    }
}

/// In the whole app, the first module's app on screen.
pub struct FirstApp(js_sys::Function);

impl FirstApp {
    /// Removes the first module's app from the page.
    pub fn stop(self) {
        let _ = self.0.call0(&JsValue::UNDEFINED);
    }
}
