//! Drafts and files in the browser's storage: attachments in IndexedDB, unreadable drafts set
//! aside and never overwritten, files kept while a draft names them, and what another tab saved.

use super::*;

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
