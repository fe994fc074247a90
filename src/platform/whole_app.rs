//! The app in two modules (issue 16). `index.html` loads the first (`yibiao`), which draws the
//! home page, its search and the drafts list; a draft's pages are in the whole app
//! (`yibiao-whole`, every page), a classic script and its module beside the page. Once the home
//! page is drawn, `prefetch` loads that script and compiles its module in the background; opening
//! a draft then `hand_over`s: the whole app starts, reads the drafts and the address the first
//! saved and the catalog it handed over, removes the first app (`FirstApp::stop`) and draws in
//! its place.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yibiao_core::catalog::pieces::Published;

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

/// Starts loading the whole app's script and compiling its module, if that has not begun.
pub fn prefetch() {
    let _ = (script(), module());
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

/// What the first module hands over with its app on screen.
pub struct FirstModule {
    /// Removes the first module's app; the whole app calls it just before it draws.
    pub stop: Box<dyn FnOnce()>,
    /// The published catalog as the first module read it (its index and the pieces it loaded),
    /// so that the whole app need not fetch them again; it checks each piece again.
    pub catalog: Option<Rc<Published>>,
    /// Whether the browser keeps this site's storage for good, as the first module was told.
    pub durable: Option<bool>,
}

/// Starts the whole app in this page, handed `first` when the first module's app is on screen
/// (`None` when nothing of it is). Done once per page: a second call (a second click while it
/// loads) does nothing. A failure to load can be tried again: the next call loads anew.
pub async fn hand_over(first: Option<FirstModule>) -> Result<(), HandoverFailure> {
    if STARTED.get() {
        return Ok(());
    }
    let (script, module) = script().zip(module()).ok_or(HandoverFailure::Unreachable)?;
    let (script, module) = (JsFuture::from(script).await, JsFuture::from(module).await);
    if STARTED.get() {
        return Ok(());
    }
    // What failed is loaded anew on the next try (a script that ran stays: it cannot run twice).
    if script.is_err() {
        SCRIPT_LOADED.with(|cell| cell.borrow_mut().take());
    }
    let Ok(module) = module else {
        MODULE_COMPILED.with(|cell| cell.borrow_mut().take());
        return Err(HandoverFailure::Unreachable);
    };
    script.map_err(|_| HandoverFailure::Unreachable)?;
    let handover = Object::new();
    if let Some(FirstModule { stop, catalog, durable }) = first {
        let set = |key: &str, value: &JsValue| Reflect::set(&handover, &key.into(), value).map(drop);
        set("stop", &Closure::once_into_js(stop)).map_err(|_| HandoverFailure::Refused)?;
        if let Some(durable) = durable {
            set("durable", &durable.into()).map_err(|_| HandoverFailure::Refused)?;
        }
        if let Some(catalog) = catalog {
            let pieces = js_sys::Array::new();
            for (digest, bytes) in &catalog.pieces {
                pieces.push(&js_sys::Array::of2(&digest.into(), &js_sys::Uint8Array::from(bytes.as_slice())));
            }
            set("index", &js_sys::Uint8Array::from(catalog.index.as_slice())).map_err(|_| HandoverFailure::Refused)?;
            set("pieces", &pieces).map_err(|_| HandoverFailure::Refused)?;
        }
    }
    Reflect::set(&js_sys::global(), &HANDOVER.into(), &handover).map_err(|_| HandoverFailure::Refused)?;
    let options = Object::new();
    Reflect::set(&options, &"module_or_path".into(), &module).map_err(|_| HandoverFailure::Refused)?;
    STARTED.set(true);
    let started = match instantiate_whole(&options) {
        Ok(promise) => JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    };
    if !started {
        STARTED.set(false);
        let _ = Reflect::delete_property(js_sys::global().unchecked_ref::<Object>(), &HANDOVER.into());
        return Err(HandoverFailure::Refused);
    }
    Ok(())
}

/// In the whole app: the first module's app, when the whole app was handed over to with it on
/// screen, and the catalog it handed over.
pub struct FirstApp {
    stop: js_sys::Function,
    /// The published catalog the first module read (not yet checked here).
    pub catalog: Option<Published>,
    /// Whether the browser keeps this site's storage for good, as the first module was told.
    pub durable: Option<bool>,
}

impl FirstApp {
    /// The first module's app on screen, if any; read once (the hand-over is then forgotten).
    pub fn take() -> Option<FirstApp> {
        let global: Object = js_sys::global().unchecked_into();
        let handover = Reflect::get(&global, &HANDOVER.into()).ok().filter(|value| value.is_object())?;
        let _ = Reflect::delete_property(&global, &HANDOVER.into());
        let get = |key: &str| Reflect::get(&handover, &key.into()).ok();
        let stop = get("stop")?.dyn_into::<js_sys::Function>().ok()?;
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
        let durable = get("durable").and_then(|durable| durable.as_bool());
        Some(FirstApp { stop, catalog, durable })
    }

    /// Removes the first module's app from the page.
    pub fn stop(self) {
        let _ = self.stop.call0(&JsValue::UNDEFINED);
    }
}
