//! In-browser tests (wasm-bindgen-test in headless Chromium): they test the wiring between the
//! DOM, the components and the core, awaiting Yew's scheduler instead of sleeping.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yibiao::platform::storage::{KeyValueStore, MemoryStore, Storage};
use yibiao::{App, AppProps, DRAFT_KEY};
use yibiao_core::catalog_change::Snapshot;
use yibiao_core::session::{Application, DraftId, Page, State};
use yibiao_core::{draft, BundleId, Date, Lang};

#[path = "../support/dom.rs"]
mod support;

use support::find;

wasm_bindgen_test_configure!(run_in_browser);

const ID_INPUT: &str = "#field-applicant-id_number";
/// The bundle of the shipped catalog these tests walk through.
const ENTERPRISE_OPENING: &str = "enterprise_opening";

/// The section of the form these tests fill in.
const SECTION: &str = "applicant";

/// The state of an application just opened on the applicant section of the shipped bundle's form.
fn form_state(lang: Lang) -> State {
    // A start time as long as the device clock's, so that saving an edit keeps the size.
    let catalog = yibiao::catalog::shipped();
    let mut draft =
        Application::new(DraftId::new("d1"), BundleId::new(ENTERPRISE_OPENING), &catalog.version, 1_763_000_000_000);
    draft.page = Page::Section(SECTION.to_owned());
    // What the plan asks, as the app notes after every change (so the saved size stays put).
    let plan = draft.plan(&catalog, today()).expect("the shipped bundle plans");
    draft.seen = Some(Snapshot::of(&catalog, &plan));
    State {
        lang,
        page: draft.page.clone(),
        drafts: vec![draft],
        open: Some(DraftId::new("d1")),
        failed_continues: 0,
        address_refused: 0,
    }
}

/// Mounts the app in a fresh element over `storage`.
async fn mount(storage: &Storage) -> Element {
    mount_with_files(storage, yibiao::platform::file_store::FileStore::memory()).await
}

/// Mounts the app in a fresh element over `storage` and `files`.
async fn mount_with_files(storage: &Storage, files: yibiao::platform::file_store::FileStore) -> Element {
    let document = gloo_document();
    let root = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&root).expect("attached");
    let props = AppProps { storage: storage.clone(), files, storage_problem: None, today: today() };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

/// Mounts the app with a saved draft open on the shipped bundle's form in `lang`.
async fn mount_form(lang: Lang) -> (Element, Storage) {
    let store = MemoryStore::new();
    store.set(DRAFT_KEY, &draft::encode(&form_state(lang))).expect("memory store accepts");
    let storage = Storage::new(store);
    (mount(&storage).await, storage)
}

fn today() -> Date {
    Date::from_ymd(2026, 11, 22).expect("valid")
}

fn gloo_document() -> web_sys::Document {
    web_sys::window().and_then(|window| window.document()).expect("a document")
}

/// Types `value` into the input as a person would: the value changes and `input` fires.
async fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).expect("event");
    input.dispatch_event(&event).expect("dispatched");
    yew::scheduler::flush().await;
}

async fn leave(input: &HtmlInputElement) {
    let init = web_sys::FocusEventInit::new();
    let event = web_sys::FocusEvent::new_with_focus_event_init_dict("blur", &init).expect("event");
    input.dispatch_event(&event).expect("dispatched");
    yew::scheduler::flush().await;
}

fn error_text(root: &Element) -> Option<String> {
    root.query_selector("#field-applicant-id_number-error").ok().flatten().and_then(|element| element.text_content())
}

#[wasm_bindgen_test]
async fn typing_a_number_that_does_not_add_up_asks_to_compare_it_with_the_card() {
    let (root, _) = mount_form(Lang::Zh).await;
    let input: HtmlInputElement = find(&root, ID_INPUT);
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("false"));

    type_into(&input, "110105194912310021").await;

    let message = error_text(&root).expect("an error message is shown");
    assert!(message.contains("错误："), "{message}");
    assert!(message.contains("可能有一位输错了，或有两位顺序颠倒了"), "{message}");
    assert!(!message.contains("应为“X”"), "no replacement is suggested: {message}");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described_by = input.get_attribute("aria-describedby").unwrap_or_default();
    assert!(described_by.split(' ').any(|id| id == "field-applicant-id_number-error"), "{described_by}");

    type_into(&input, "11010519491231002X").await;
    assert_eq!(error_text(&root), None, "a valid number clears the message");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn an_unfinished_number_waits_until_the_field_is_left() {
    let (root, _) = mount_form(Lang::En).await;
    let input: HtmlInputElement = find(&root, ID_INPUT);
    type_into(&input, "110105").await;
    assert_eq!(error_text(&root), None, "no message while the number may still be typed");
    leave(&input).await;
    let message = error_text(&root).expect("shown after leaving");
    assert!(message.contains("An ID number has 18 characters; you entered 6"), "{message}");
}

#[wasm_bindgen_test]
async fn every_keystroke_is_saved_to_storage() {
    let (root, storage) = mount_form(Lang::Zh).await;
    let input: HtmlInputElement = find(&root, ID_INPUT);
    type_into(&input, "1101").await;
    let saved = storage.get(DRAFT_KEY).expect("readable").expect("saved");
    let state = draft::decode(&saved).expect("a valid draft");
    let application = state.application().expect("application kept");
    assert_eq!(application.answer(&yibiao_core::FieldId::new("applicant.id_number")), "1101");
}

#[wasm_bindgen_test]
async fn continuing_with_errors_focuses_a_summary_whose_links_focus_the_fields() {
    let (root, _) = mount_form(Lang::Zh).await;
    let continue_button: HtmlElement = find(&root, "form button[type=submit]");
    continue_button.click();
    yew::scheduler::flush().await;

    let summary: HtmlElement = find(&root, ".error-summary");
    let active = gloo_document().active_element().expect("something has focus");
    assert!(summary.is_same_node(Some(&active)), "the summary takes focus");
    let links = summary.query_selector_all("a").expect("links");
    // One link per error the core finds in the section of an empty application.
    let catalog = yibiao::catalog::shipped();
    let empty = yibiao_core::plan::Answers::new();
    let plan = yibiao_core::plan::Plan::new(&catalog, &BundleId::new(ENTERPRISE_OPENING), &empty, today())
        .expect("the shipped bundle plans");
    let expected = yibiao_core::journey::section_errors(&catalog, &plan, &empty, SECTION, today()).len();
    assert_eq!(expected, 3, "the applicant's name, ID number and mobile");
    assert_eq!(links.length() as usize, expected, "one link per empty required question or field");

    let id_link: HtmlElement = find(&root, ".error-summary a[href='#field-applicant-id_number']");
    assert!(id_link.text_content().unwrap_or_default().contains("请填写法定代表人身份证号码"));
    id_link.click();
    yew::scheduler::flush().await;
    let active = gloo_document().active_element().expect("something has focus");
    assert_eq!(active.id(), "field-applicant-id_number");
}

#[wasm_bindgen_test]
async fn switching_language_changes_every_label_and_keeps_answers() {
    let (root, _) = mount_form(Lang::Zh).await;
    let input: HtmlInputElement = find(&root, ID_INPUT);
    type_into(&input, "1101").await;
    let switch: HtmlElement = find(&root, ".lang-switch");
    switch.click();
    yew::scheduler::flush().await;
    let heading: HtmlElement = find(&root, "h1");
    assert_eq!(heading.text_content().as_deref(), Some("Applicant"));
    let label: HtmlElement = find(&root, "label[for='field-applicant-id_number']");
    assert_eq!(label.text_content().as_deref(), Some("Legal representative's ID number"));
    let input: HtmlInputElement = find(&root, ID_INPUT);
    assert_eq!(input.value(), "1101");
    assert_eq!(gloo_document().document_element().and_then(|html| html.get_attribute("lang")).as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn a_full_disk_is_reported_and_the_last_saved_draft_survives() {
    // Room for the draft as mounted, and for a few more characters, but not many.
    let state = form_state(Lang::Zh);
    let quota = DRAFT_KEY.len() + draft::encode(&state).len() + 40;
    let store = MemoryStore::with_quota(quota);
    store.set(DRAFT_KEY, &draft::encode(&state)).expect("fits");
    let storage = Storage::new(store);
    let root = mount(&storage).await;
    assert!(root.query_selector(".notice").ok().flatten().is_none(), "no notice while saving works");

    let input: HtmlInputElement = find(&root, "#field-applicant-name");
    type_into(&input, "张三").await;
    let saved_small = storage.get(DRAFT_KEY).expect("readable").expect("saved");
    type_into(&input, &"很长的名字".repeat(20)).await;

    let notice: HtmlElement = find(&root, ".notice");
    assert!(notice.text_content().unwrap_or_default().contains("存储空间已满"), "the notice says the disk is full");
    assert_eq!(storage.get(DRAFT_KEY).expect("readable"), Some(saved_small), "the last saved draft is kept");
    assert_eq!(input.value(), "很长的名字".repeat(20), "what is on screen is not thrown away");

    // Making room again saves at once and the notice goes.
    type_into(&input, "张三丰").await;
    assert!(root.query_selector(".notice").ok().flatten().is_none(), "the notice goes once saving works again");
    let saved = draft::decode(&storage.get(DRAFT_KEY).expect("readable").expect("saved")).expect("valid");
    assert_eq!(saved.application().expect("kept").answer(&yibiao_core::FieldId::new("applicant.name")), "张三丰");
}

#[wasm_bindgen_test]
async fn a_draft_from_an_older_catalog_opens_with_a_report_of_what_changed() {
    let mut state = form_state(Lang::Zh);
    let draft = &mut state.drafts[0];
    draft.catalog_version = "2026.10-1".to_owned();
    if let Some(seen) = draft.seen.as_mut() {
        seen.catalog_version = "2026.10-1".to_owned();
        seen.items.push((yibiao_core::ItemId::new("old_item"), yibiao_core::Text::new("旧的事项", "An old item")));
    }
    draft.answers.insert(yibiao_core::FieldId::new("old.question"), "旧的回答".to_owned());
    let store = MemoryStore::new();
    store.set(DRAFT_KEY, &draft::encode(&state)).expect("memory store accepts");
    let storage = Storage::new(store);
    let root = mount(&storage).await;

    let panel: HtmlElement = find(&root, ".catalog-change");
    let text = panel.text_content().unwrap_or_default();
    assert!(text.contains("事项目录已更新（2026.10-1 → "), "{text}");
    assert!(text.contains("不再办理的事项") && text.contains("旧的事项"), "{text}");
    assert!(text.contains("不再用到的回答") && text.contains("旧的回答"), "the answer stays visible: {text}");

    let accept: HtmlElement = find(&panel, "button");
    accept.click();
    yew::scheduler::flush().await;
    assert!(root.query_selector(".catalog-change").ok().flatten().is_none(), "read once, the report goes");
    let saved = draft::decode(&storage.get(DRAFT_KEY).expect("readable").expect("saved")).expect("valid");
    let draft = saved.application().expect("kept");
    assert_eq!(draft.catalog_version, yibiao::catalog::shipped().version);
    assert_eq!(draft.answer(&yibiao_core::FieldId::new("old.question")), "旧的回答", "and the answer is kept");
}

/// A blob holding `text`.
fn blob(text: &str) -> web_sys::Blob {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    web_sys::Blob::new_with_str_sequence(&parts).expect("a blob")
}

async fn text_of(blob: Option<web_sys::Blob>) -> Option<String> {
    let blob = blob?;
    wasm_bindgen_futures::JsFuture::from(blob.text()).await.ok()?.as_string()
}

#[wasm_bindgen_test]
async fn attached_files_are_kept_in_indexeddb_and_unused_ones_deleted() {
    use yibiao::platform::file_store::FileStore;
    for store in [FileStore::browser(), FileStore::memory()] {
        store.put("a", &blob("first")).await.expect("stored");
        store.put("b", &blob("second")).await.expect("stored");
        assert_eq!(text_of(store.get("a").await.expect("read")).await.as_deref(), Some("first"));
        assert_eq!(store.get("missing").await.expect("read"), None);
        // Stored during this page's life: kept even when no saved draft names it yet.
        assert_eq!(store.keep_only(&[]).await, Ok(0));
    }
    // A second handle is a later start of the app: what no draft uses is deleted.
    let later = FileStore::browser();
    assert_eq!(later.keep_only(&["b".to_owned()]).await, Ok(1));
    assert_eq!(later.get("a").await.expect("read"), None);
    assert_eq!(text_of(later.get("b").await.expect("read")).await.as_deref(), Some("second"));
}

/// Each unreadable draft is copied aside on its own: a second one never replaces the first.
#[wasm_bindgen_test]
async fn every_unreadable_draft_is_kept_aside_none_over_another() {
    let storage = Storage::new(MemoryStore::new());
    let copies = ["yibiao.draft.unreadable", "yibiao.draft.unreadable.2", "yibiao.draft.unreadable.3"];
    let damaged = ["{ first damaged", r#"{"format":"yibiao-draft","version":9}"#, "{ third damaged"];
    for text in damaged {
        storage.set(DRAFT_KEY, text).expect("memory store accepts");
        let root = mount(&storage).await;
        yibiao::platform::timers::after(50).await;
        assert_ne!(storage.get(DRAFT_KEY).expect("readable").as_deref(), Some(text), "a fresh start is saved");
        root.remove();
    }
    for (key, text) in copies.iter().zip(damaged) {
        assert_eq!(storage.get(key).expect("readable").as_deref(), Some(text), "{key} holds its own copy");
    }
    // The same text found again (a reload before anything was saved) is not copied twice.
    storage.set(DRAFT_KEY, damaged[2]).expect("memory store accepts");
    mount(&storage).await.remove();
    assert_eq!(storage.get("yibiao.draft.unreadable.4").expect("readable"), None, "one copy of each");
}

/// A damaged or newer draft on a full disk: the copy aside cannot be written, so the original is
/// the only copy. It must stay exactly as it was, its files too, and the notice must say so.
#[wasm_bindgen_test]
async fn an_unreadable_draft_that_cannot_be_copied_aside_is_never_overwritten() {
    use yibiao::platform::file_store::FileStore;
    let damaged =
        r#"{"format":"yibiao-draft","version":2,"state":{"lang":"zh","page":"tasks","drafts":[{"id":"d1","bund"#;
    let newer =
        r#"{"format":"yibiao-draft","version":9,"state":{"drafts":[{"attachments":{"kept-by-a-newer-draft":{}}}]}}"#;
    for (text, cause) in [(damaged, "已损坏"), (newer, "更新版本")] {
        let id = "kept-by-a-newer-draft";
        FileStore::browser().put(id, &blob("scan")).await.expect("stored");
        // Room for the draft, not for a second copy of it.
        let store = MemoryStore::with_quota(DRAFT_KEY.len() + text.len() + 16);
        store.set(DRAFT_KEY, text).expect("fits");
        let storage = Storage::new(store);
        let root = mount_with_files(&storage, FileStore::browser()).await;
        yibiao::platform::timers::after(300).await;

        assert_eq!(storage.get(DRAFT_KEY).expect("readable").as_deref(), Some(text), "not overwritten: {cause}");
        assert!(FileStore::browser().get(id).await.expect("read").is_some(), "its files stay: {cause}");
        let notice = root.query_selector(".notice").ok().flatten().expect("a notice");
        let said = notice.text_content().unwrap_or_default();
        assert!(said.contains(cause) && said.contains("原样留在本机") && said.contains("不会保存"), "{said}");
        assert!(!said.contains("已从空白开始"), "it does not pretend to have moved on: {said}");

        // Whatever happens on the page now is not saved over it.
        let start: HtmlElement = find(&root, ".bundle-card button");
        start.click();
        yew::scheduler::flush().await;
        assert!(root.query_selector("h1").ok().flatten().is_some(), "a draft was started");
        assert_eq!(storage.get(DRAFT_KEY).expect("readable").as_deref(), Some(text), "still not overwritten: {cause}");
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn files_stay_while_a_draft_is_set_aside_as_unreadable() {
    use yibiao::platform::file_store::FileStore;
    let id = "named-by-an-unreadable-draft";
    FileStore::browser().put(id, &blob("scan")).await.expect("stored");

    // A saved draft this version cannot read is set aside; its files must stay.
    let store = MemoryStore::new();
    store.set(DRAFT_KEY, "{ not a draft").expect("memory store accepts");
    mount_with_files(&Storage::new(store), FileStore::browser()).await;
    yibiao::platform::timers::after(300).await;
    assert!(FileStore::browser().get(id).await.expect("read").is_some(), "kept while a draft is set aside");

    // With every draft readable, a file none of them uses goes (so the wait above was long enough).
    mount_with_files(&Storage::new(MemoryStore::new()), FileStore::browser()).await;
    let mut gone = false;
    for _ in 0..50 {
        if FileStore::browser().get(id).await.expect("read").is_none() {
            gone = true;
            break;
        }
        yibiao::platform::timers::after(20).await;
    }
    assert!(gone, "an unused file is deleted");
}

/// An address naming a page or draft that is not here lands on the nearest page that is, says
/// so, and is never saved; its address bar shows where it landed.
#[wasm_bindgen_test]
async fn an_address_of_no_page_lands_on_the_task_list_or_home_with_a_notice() {
    let (root, storage) = mount_form(Lang::Zh).await;
    let window = web_sys::window().expect("window");
    for (address, landed, heading) in [
        ("#/d/d1/question/no.such_field", "#/d/d1/tasks", "填写申请表"),
        ("#/d/d1/section/no_such_section", "#/d/d1/tasks", "填写申请表"),
        ("#/d/no-such-draft/review", "#/", ""),
    ] {
        window
            .history()
            .expect("history")
            .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(address))
            .expect("pushed");
        window.dispatch_event(&web_sys::Event::new("popstate").expect("event")).expect("dispatched");
        yew::scheduler::flush().await;
        yibiao::platform::timers::after(20).await;
        let h1 = root.query_selector("h1").ok().flatten().and_then(|h| h.text_content()).unwrap_or_default();
        assert!(!h1.is_empty() && h1.contains(heading), "{address}: a page with a heading, not an empty one: {h1:?}");
        let notice = root.query_selector("p.notice").ok().flatten().and_then(|n| n.text_content()).unwrap_or_default();
        assert!(notice.contains("页面不存在"), "{address}: says it moved: {notice:?}");
        assert_eq!(window.location().hash().expect("hash"), landed, "{address}");
        let saved = draft::decode(&storage.get(DRAFT_KEY).expect("readable").expect("saved")).expect("valid");
        let bad = |page: &Page| {
            matches!(page, Page::Question(q) if q.as_str() == "no.such_field")
                || matches!(page, Page::Section(s) if s == "no_such_section")
        };
        assert!(!bad(&saved.page) && !saved.drafts.iter().any(|d| bad(&d.page)), "{address}: never saved");
    }
    root.remove();
}
