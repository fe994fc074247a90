//! A real panic in the browser (wasm-bindgen-test, headless Chromium), in a binary of its own:
//! after a panic the WebAssembly instance stays "panicking" for good, as it does in the app
//! under `panic = "abort"`, so no other test may share the instance. The panic is raised from a
//! timer callback, as one in an event handler would be; this test-only path ships in no build.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yibiao::platform::crash;
use yibiao::platform::storage::{KeyValueStore, MemoryStore, Storage};
use yibiao::DRAFT_KEY;
use yibiao_core::session::{Application, DraftId, Page, State};
use yibiao_core::{draft, BundleId, Date, FieldId, Lang};

#[path = "../support/dom.rs"]
mod support;

use support::find;

wasm_bindgen_test_configure!(run_in_browser);

fn today() -> Date {
    Date::from_ymd(2026, 12, 2).expect("valid")
}

/// A saved draft of 企业开办 open on its applicant section, with the applicant's name typed.
fn saved_state() -> State {
    let catalog = yibiao::catalog::shipped();
    let mut draft =
        Application::new(DraftId::new("d1"), BundleId::new("enterprise_opening"), &catalog.version, 1_763_000_000_000);
    draft.page = Page::Section("applicant".to_owned());
    draft.answers.insert(FieldId::new("applicant.name"), "张三丰".to_owned());
    State {
        lang: Lang::Zh,
        page: draft.page.clone(),
        drafts: vec![draft.into()],
        open: Some(DraftId::new("d1")),
        failed_continues: 0,
        address_refused: 0,
        elder: 0,
        deleted: Default::default(),
        helper: None,
    }
}

/// Starts the app over `storage` in a fresh element with the page's id, `app`.
async fn start(storage: &Storage) -> Element {
    let document = web_sys::window().and_then(|window| window.document()).expect("a document");
    let root = document.create_element("div").expect("div");
    root.set_id("app");
    document.body().expect("body").append_child(&root).expect("attached");
    support::render_app(&root, storage, yibiao::platform::file_store::FileStore::memory(), today()).await;
    root
}

/// A panic replaces the page with the recovery message in both languages, focuses its reload
/// button and changes no stored data; the app started again over the same storage (a reload)
/// opens the draft as it was (issue 10).
#[wasm_bindgen_test]
async fn a_panic_shows_the_recovery_page_and_loses_nothing() {
    let store = MemoryStore::new();
    store.set(DRAFT_KEY, &draft::encode(&saved_state())).expect("memory store accepts");
    let storage = Storage::new(store);
    // Installed before the app starts, as `yibiao::start` does: Yew's renderer replaces any
    // hook not set through it.
    crash::install_hook();
    let root = start(&storage).await;
    let input: HtmlInputElement = find(&root, "#field-applicant-name");
    assert_eq!(input.value(), "张三丰");
    let saved = storage.get(DRAFT_KEY).expect("readable").expect("saved");

    let panicking = wasm_bindgen::closure::Closure::once_into_js(|| -> () { panic!("a test-only panic") });
    web_sys::window()
        .expect("a window")
        .set_timeout_with_callback_and_timeout_and_arguments_0(panicking.unchecked_ref(), 0)
        .expect("a timer");
    yibiao::platform::timers::after(50).await;

    let page = root.text_content().unwrap_or_default();
    assert!(page.contains(crash::MESSAGE_ZH) && page.contains(crash::MESSAGE_EN), "{page}");
    assert!(root.query_selector("#field-applicant-name").ok().flatten().is_none(), "the form is gone");
    let button: HtmlElement = find(&root, "button[data-reload]");
    assert_eq!(button.text_content().as_deref(), Some(crash::RELOAD));
    let focused = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    assert_eq!(focused.map(|element| element.tag_name()).as_deref(), Some("BUTTON"));
    assert_eq!(storage.get(DRAFT_KEY).expect("readable").as_deref(), Some(saved.as_str()), "nothing stored changed");
    root.remove();

    let again = start(&storage).await;
    let input: HtmlInputElement = find(&again, "#field-applicant-name");
    assert_eq!(input.value(), "张三丰", "the draft opens as it was");
}
