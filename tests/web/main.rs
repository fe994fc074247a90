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
        drafts: vec![draft.into()],
        open: Some(DraftId::new("d1")),
        failed_continues: 0,
        address_refused: 0,
        deleted: Default::default(),
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
    let props = AppProps { storage: storage.clone(), files, storage_problem: None, today: today(), catalog: None };
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
    // Room for the draft as mounted, and for a few more characters (and the time each field
    // was changed), but not many.
    let state = form_state(Lang::Zh);
    let quota = DRAFT_KEY.len() + draft::encode(&state).len() + 120;
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
    let draft = std::rc::Rc::make_mut(&mut state.drafts[0]);
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
        assert_eq!(store.keep_only(|_| false).await, Ok(0));
    }
    // A second handle is a later start of the app: what no draft uses is deleted.
    let later = FileStore::browser();
    assert_eq!(later.keep_only(|id| id == "b").await, Ok(1));
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

/// Waits until the file `id` is gone from IndexedDB; false if it is still there after a second.
async fn deleted_in_time(id: &str) -> bool {
    for _ in 0..50 {
        if yibiao::platform::file_store::FileStore::browser().get(id).await.expect("read").is_none() {
            return true;
        }
        yibiao::platform::timers::after(20).await;
    }
    false
}

/// Clicks the button of `root` whose text is `text`.
async fn click_button(root: &Element, text: &str) {
    let buttons = root.query_selector_all("button").expect("buttons");
    let button = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(node).ok())
        .find(|button| button.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("a button {text:?}"));
    button.click();
    yew::scheduler::flush().await;
}

/// While a copy set aside names a file, the file stays; files it does not name are cleaned up
/// as usual; and once the applicant deletes the copy on the home page, its files go too.
#[wasm_bindgen_test]
async fn files_stay_while_a_draft_set_aside_names_them_and_go_once_it_is_deleted() {
    use yibiao::platform::file_store::FileStore;
    let (named, unnamed) = ("named-by-an-unreadable-draft", "named-by-nothing");
    FileStore::browser().put(named, &blob("scan")).await.expect("stored");
    FileStore::browser().put(unnamed, &blob("scan")).await.expect("stored");

    let store = MemoryStore::new();
    let damaged = format!(r#"{{"format":"yibiao-draft","version":2,"state":{{"drafts":[{{"attachments":{{"{named}":"#);
    store.set(DRAFT_KEY, &damaged).expect("memory store accepts");
    let storage = Storage::new(store);
    let root = mount_with_files(&storage, FileStore::browser()).await;
    assert!(deleted_in_time(unnamed).await, "a file nothing names is deleted");
    assert!(FileStore::browser().get(named).await.expect("read").is_some(), "kept while a copy names it");

    // The home page lists the copy; deleting it asks first, then clean-up resumes.
    let panel = root.query_selector("[aria-labelledby='set-aside-heading']").ok().flatten().expect("the copies");
    let said = panel.text_content().unwrap_or_default();
    assert!(said.contains("另存的草稿 1") && said.contains("已损坏") && said.contains("另存时间："), "{said}");
    click_button(&root, "删除这份另存的草稿").await;
    assert!(FileStore::browser().get(named).await.expect("read").is_some(), "nothing happens before confirming");
    click_button(&root, "确定删除").await;
    assert_eq!(storage.get("yibiao.draft.unreadable").expect("readable"), None, "the copy is gone");
    assert!(root.query_selector("[aria-labelledby='set-aside-heading']").ok().flatten().is_none(), "and its panel");
    assert!(deleted_in_time(named).await, "and then its files");
    root.remove();
}

/// A draft of a newer format may name files in a way this version cannot know: while a copy
/// of one is kept, no file is deleted.
#[wasm_bindgen_test]
async fn a_newer_draft_set_aside_keeps_every_file() {
    use yibiao::platform::file_store::FileStore;
    let id = "unknown-to-this-version";
    FileStore::browser().put(id, &blob("scan")).await.expect("stored");
    let store = MemoryStore::new();
    store.set(DRAFT_KEY, r#"{"format":"yibiao-draft","version":9}"#).expect("memory store accepts");
    let root = mount_with_files(&Storage::new(store), FileStore::browser()).await;
    assert!(!deleted_in_time(id).await, "kept while a newer draft is set aside");
    root.remove();
}

/// One damaged draft among several: it alone is set aside, the others open and are saved.
#[wasm_bindgen_test]
async fn one_damaged_draft_is_set_aside_alone_and_the_others_open() {
    let mut state = form_state(Lang::Zh);
    let mut second = Application::clone(&state.drafts[0]);
    second.id = DraftId::new("d2");
    second.answers.insert(yibiao_core::FieldId::new("applicant.name"), "李四".to_owned());
    state.drafts.push(second.into());
    let text = draft::encode(&state);
    // The open draft's catalog version becomes a number: only it is damaged.
    let damaged = text.replacen(r#""catalog_version":""#, r#""catalog_version":7,"was":""#, 1);
    assert_ne!(damaged, text);
    let store = MemoryStore::new();
    store.set(DRAFT_KEY, &damaged).expect("memory store accepts");
    let storage = Storage::new(store);
    let root = mount(&storage).await;

    let notice = root.query_selector(".notice").ok().flatten().and_then(|n| n.text_content()).unwrap_or_default();
    assert!(notice.contains("有 1 份保存的草稿已损坏") && notice.contains("其余草稿照常打开"), "{notice}");
    assert_eq!(root.query_selector_all(".draft-panel").expect("panels").length(), 2, "one draft and one copy");
    let saved = draft::decode(&storage.get(DRAFT_KEY).expect("readable").expect("saved")).expect("valid");
    assert_eq!(saved.drafts.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["d2"], "the other draft is kept");
    let copy = storage.get("yibiao.draft.unreadable").expect("readable").expect("set aside");
    assert!(copy.contains(r#""id":"d1""#) && copy.contains(r#""catalog_version":7"#), "as it was: {copy}");
    assert!(!copy.contains(r#""id":"d2""#), "alone");
    root.remove();
}

/// Another tab saved, and this one has not heard yet: its save merges that in, never over it,
/// and its screen shows it.
#[wasm_bindgen_test]
async fn what_another_tab_saved_meanwhile_is_merged_in_not_overwritten() {
    let (root, storage) = mount_form(Lang::Zh).await;
    let mobile = yibiao_core::FieldId::new("applicant.mobile");
    let mut elsewhere = draft::decode(&storage.get(DRAFT_KEY).expect("readable").expect("saved")).expect("valid");
    let theirs = std::rc::Rc::make_mut(&mut elsewhere.drafts[0]);
    theirs.answers.insert(mobile.clone(), "13800138000".to_owned());
    theirs.changed.answers.insert(mobile.clone(), 1_763_000_000_500);
    storage.set(DRAFT_KEY, &draft::encode(&elsewhere)).expect("memory store accepts");

    let name: HtmlInputElement = find(&root, "#field-applicant-name");
    type_into(&name, "张三").await;
    yew::scheduler::flush().await;
    let saved = draft::decode(&storage.get(DRAFT_KEY).expect("readable").expect("saved")).expect("valid");
    let draft = saved.application().expect("open");
    assert_eq!(draft.answer(&yibiao_core::FieldId::new("applicant.name")), "张三", "this tab's typing");
    assert_eq!(draft.answer(&mobile), "13800138000", "and the other tab's");
    let shown: HtmlInputElement = find(&root, "#field-applicant-mobile");
    assert_eq!(shown.value(), "13800138000", "the screen shows what is saved");
    root.remove();
}

/// A document this version cannot read, found in the storage when saving or told of by the
/// browser: the tab copies it aside, says so, and never saves again.
#[wasm_bindgen_test]
async fn a_tab_stops_saving_once_another_saved_what_it_cannot_read() {
    let newer = r#"{"format":"yibiao-draft","version":9,"state":{}}"#;
    let damaged = r#"{"format":"yibiao-draft","version":2,"state":{"drafts":[{"id":"#;
    for (text, heard) in [(newer, false), (damaged, false), (newer, true), (damaged, true)] {
        let (root, storage) = mount_form(Lang::Zh).await;
        let before = storage.get(DRAFT_KEY).expect("readable").expect("saved");
        if heard {
            // The browser tells of another tab's save; the store here is memory, so it stays.
            let init = web_sys::StorageEventInit::new();
            init.set_key(Some(DRAFT_KEY));
            init.set_new_value(Some(text));
            let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).expect("event");
            web_sys::window().expect("window").dispatch_event(&event).expect("dispatched");
            yew::scheduler::flush().await;
        } else {
            storage.set(DRAFT_KEY, text).expect("memory store accepts");
        }
        let name: HtmlInputElement = find(&root, "#field-applicant-name");
        type_into(&name, "张三").await;
        let notice = root.query_selector(".notice").ok().flatten().and_then(|n| n.text_content()).unwrap_or_default();
        assert!(notice.contains("另一个窗口保存了本版本无法读取的草稿") && notice.contains("重新载入"), "{notice}");
        let expected = if heard { before.as_str() } else { text };
        assert_eq!(storage.get(DRAFT_KEY).expect("readable").as_deref(), Some(expected), "not saved over");
        assert_eq!(storage.get("yibiao.draft.unreadable").expect("readable").as_deref(), Some(text), "set aside");
        type_into(&name, "张三丰").await;
        assert_eq!(storage.get(DRAFT_KEY).expect("readable").as_deref(), Some(expected), "nor later");
        root.remove();
    }
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

/// A catalog an earlier version kept in `localStorage` moves to IndexedDB, out of the drafts'
/// way, and is removed there once it is safely moved; the app then starts from it.
#[wasm_bindgen_test]
async fn a_catalog_kept_in_local_storage_by_an_earlier_version_moves_to_indexeddb() {
    use yibiao::platform::catalog_store::{self, StoredCatalog};
    let mut catalog = yibiao::catalog::shipped();
    catalog.version = "moved-1".to_owned();
    let compact = yibiao_core::catalog::compact::encode_text(&catalog);
    let store = MemoryStore::new();
    store.set("yibiao.catalog.compact", &compact).expect("memory store accepts");
    store.set("yibiao.catalog", "the files").expect("memory store accepts");
    let storage = Storage::new(store);

    let moved = catalog_store::read(&storage).await.expect("readable").expect("found");
    assert_eq!(moved, StoredCatalog { compact: compact.clone(), sources: "the files".to_owned() });
    assert_eq!(storage.get("yibiao.catalog.compact").expect("readable"), None, "gone from localStorage");
    assert_eq!(storage.get("yibiao.catalog").expect("readable"), None);
    let again = catalog_store::read(&storage).await.expect("readable");
    assert_eq!(again.as_ref(), Some(&moved), "kept in IndexedDB");
    assert_eq!(catalog_store::read(&Storage::new(MemoryStore::new())).await, Ok(None), "looked for only where marked");
    let (in_use, origin, unusable) = yibiao::catalog::active(again.as_ref());
    assert_eq!((in_use.version.as_str(), origin, unusable), ("moved-1", yibiao::catalog::CatalogOrigin::Loaded, false));

    catalog_store::write(&storage, None).await.expect("removed");
    assert_eq!(catalog_store::read(&storage).await.expect("readable"), None);
}

/// After deleting a draft, focus is on the list's heading, or on the page's when the list went
/// with it: never lost to the page's body (keyboard and screen-reader users carry on from there).
#[wasm_bindgen_test]
async fn focus_after_deleting_a_draft_goes_to_the_list_then_to_the_page_heading() {
    let mut state = form_state(Lang::Zh);
    let mut second = Application::clone(&state.drafts[0]);
    second.id = DraftId::new("d2");
    state.drafts.push(second.into());
    state.open = None;
    state.page = Page::Home;
    let store = MemoryStore::new();
    store.set(DRAFT_KEY, &draft::encode(&state)).expect("memory store accepts");
    let root = mount(&Storage::new(store)).await;
    let focused = || {
        let active = gloo_document().active_element();
        active.map(|element| (element.tag_name(), element.id())).unwrap_or_default()
    };
    for expected in [("H2".to_owned(), "drafts-heading".to_owned()), ("H1".to_owned(), String::new())] {
        click_button(&root, "删除这份草稿").await;
        click_button(&root, "确定删除").await;
        yibiao::platform::timers::after(20).await;
        assert_eq!(focused(), expected);
    }
    root.remove();
}
