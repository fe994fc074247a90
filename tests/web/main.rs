//! In-browser tests (wasm-bindgen-test in headless Chromium): they test the wiring between the
//! DOM, the components and the core, awaiting Yew's scheduler instead of sleeping.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yibiao::platform::storage::{KeyValueStore, MemoryStore, Storage};
use yibiao::DRAFT_KEY;
use yibiao_core::catalog_change::Snapshot;
use yibiao_core::session::{Application, DraftId, Page, State};
use yibiao_core::{draft, BundleId, Date, Lang};

#[path = "../support/dom.rs"]
mod support;

use support::find;

mod storage;

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
    draft.seen = Some(Snapshot::of(&catalog, &plan).into());
    State {
        lang,
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

/// Mounts the app in a fresh element over `storage`.
async fn mount(storage: &Storage) -> Element {
    mount_with_files(storage, yibiao::platform::file_store::FileStore::memory()).await
}

/// Mounts the app in a fresh element over `storage` and `files`.
async fn mount_with_files(storage: &Storage, files: yibiao::platform::file_store::FileStore) -> Element {
    let document = gloo_document();
    let root = document.create_element("div").expect("div");
    document.body().expect("body").append_child(&root).expect("attached");
    support::render_app(&root, storage, files, today()).await;
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
    assert!(id_link.text_content().unwrap_or_default().contains("请填写法定代表人或经营者身份证号码"));
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
    assert_eq!(label.text_content().as_deref(), Some("Legal representative's or operator's ID number"));
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
    if let Some(seen) = draft.seen.as_mut().map(std::rc::Rc::make_mut) {
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
/// way, and is removed there once it is safely moved; the app then starts from it when it is in
/// published pieces, and says it must be loaded again when it is an earlier layout.
#[wasm_bindgen_test]
async fn a_catalog_kept_in_local_storage_by_an_earlier_version_moves_to_indexeddb() {
    use yibiao::platform::catalog_store::{self, StoredCatalog};
    let mut catalog = yibiao::catalog::shipped();
    catalog.version = "moved-1".to_owned();
    let compact = yibiao_core::catalog::pieces::publish(&catalog).encode_text();
    let store = MemoryStore::new();
    store.set("yibiao.catalog.compact", &compact).expect("memory store accepts");
    store.set("yibiao.catalog", "the files").expect("memory store accepts");
    let storage = Storage::new(store);

    let moved = catalog_store::read(&storage).await.expect("readable").expect("found");
    assert_eq!(moved, StoredCatalog { published: compact.clone(), sources: "the files".to_owned() });
    assert_eq!(storage.get("yibiao.catalog.compact").expect("readable"), None, "gone from localStorage");
    assert_eq!(storage.get("yibiao.catalog").expect("readable"), None);
    let again = catalog_store::read(&storage).await.expect("readable");
    assert_eq!(again.as_ref(), Some(&moved), "kept in IndexedDB");
    assert_eq!(catalog_store::read(&Storage::new(MemoryStore::new())).await, Ok(None), "looked for only where marked");
    let in_use = again.as_ref().and_then(yibiao::catalog::InUse::stored).expect("read");
    assert_eq!((in_use.catalog.version.as_str(), in_use.origin), ("moved-1", yibiao::catalog::CatalogOrigin::Loaded));
    assert_eq!(in_use.catalog.bundles.len(), catalog.bundles.len(), "every piece of it is on the device");
    let earlier =
        StoredCatalog { published: yibiao_core::catalog::compact::encode_text(&catalog), sources: String::new() };
    assert_eq!(yibiao::catalog::InUse::stored(&earlier), None, "an earlier layout is loaded again");

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

/// At start, an address naming a page of a saved draft opens that page, not the page the
/// draft was left on (issue 14: a bookmark or a reload of `#/d/…/section/…` opened the saved
/// page); an address naming no such page leaves the saved page as it was.
#[wasm_bindgen_test]
async fn an_address_naming_a_page_of_a_draft_wins_at_start() {
    for (address, heading, hash) in [
        ("#/d/d1/tasks", "填写申请表", "#/d/d1/tasks"),
        ("#/d/d1/section/no_such_section", "申请人", "#/d/d1/section/applicant"),
        ("#/d/no-such-draft/tasks", "申请人", "#/d/d1/section/applicant"),
    ] {
        let store = MemoryStore::new();
        store.set(DRAFT_KEY, &draft::encode(&form_state(Lang::Zh))).expect("memory store accepts");
        let root = gloo_document().create_element("div").expect("div");
        gloo_document().body().expect("body").append_child(&root).expect("attached");
        let files = yibiao::platform::file_store::FileStore::memory();
        support::render_app_at(&root, &Storage::new(store), files, today(), address).await;
        yibiao::platform::timers::after(20).await;
        let h1 = root.query_selector("h1").ok().flatten().and_then(|h| h.text_content()).unwrap_or_default();
        assert_eq!(h1, heading, "{address}");
        let window = web_sys::window().expect("window");
        assert_eq!(window.location().hash().expect("hash"), hash, "{address}");
        root.remove();
    }
}
