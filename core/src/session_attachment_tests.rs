//! Files attached to a draft: attached, replaced, reused, set aside and forgotten.

use super::*;

fn file(id: &str) -> crate::attachment::Attachment {
    crate::attachment::Attachment {
        id: id.into(),
        name: format!("{id}.pdf"),
        file_type: crate::catalog::FileType::Pdf,
        size: 1_000,
        shape: crate::attachment::Shape::Pdf { pages: Some(1) },
        added_ms: 0,
        thumbnail: None,
        checksums: None,
    }
}

fn attach(material: &str, id: &str, replacing: Option<&str>) -> Action {
    Action::Attach { material: MaterialId::new(material), attachment: file(id), replacing: replacing.map(Into::into) }
}

fn files(state: &State, material: &str) -> Vec<String> {
    let draft = state.application().expect("open");
    draft.files_of(&MaterialId::new(material)).into_iter().map(|file| file.id.clone()).collect()
}

#[test]
fn files_are_attached_replaced_reused_and_forgotten_when_nothing_uses_them() {
    let catalog = demo_catalog();
    let state = run(&catalog, [start(), attach("id_card", "a", None), attach("id_card", "b", None)]);
    assert_eq!(files(&state, "id_card"), ["a", "b"]);
    let draft = state.application().expect("open");
    assert_eq!(draft.attachments.keys().collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(draft.updated_ms, 1_002, "attaching is an edit");

    // The same file twice is one file.
    let again = reduce(&state, attach("id_card", "a", None), env(&catalog)).unwrap_or(state.clone());
    assert_eq!(files(&again, "id_card"), ["a", "b"]);

    // Replacing keeps the place; the replaced file is forgotten.
    let replaced = reduce(&state, attach("id_card", "c", Some("a")), env(&catalog)).expect("changes");
    assert_eq!(files(&replaced, "id_card"), ["c", "b"]);
    assert_eq!(replaced.application().expect("open").attachments.keys().collect::<Vec<_>>(), ["b", "c"]);
    // Replaced by a file already in the list, the old one just goes: each file appears once.
    let merged = reduce(&replaced, attach("id_card", "b", Some("c")), env(&catalog)).expect("changes");
    assert_eq!(files(&merged, "id_card"), ["b"]);

    // Reused for another material, a file outlives its removal from the first.
    let reused = reduce(&replaced, attach("lease", "b", None), env(&catalog)).expect("changes");
    let detached =
        reduce(&reused, Action::Detach { material: MaterialId::new("id_card"), file: "b".into() }, env(&catalog))
            .expect("changes");
    assert_eq!(files(&detached, "id_card"), ["c"]);
    assert_eq!(files(&detached, "lease"), ["b"]);
    assert_eq!(detached.file_ids(), ["b", "c"]);
    let gone =
        reduce(&detached, Action::Detach { material: MaterialId::new("lease"), file: "b".into() }, env(&catalog))
            .expect("changes");
    assert_eq!(gone.file_ids(), ["c"], "no material uses b any more");
    assert_eq!(
        gone.application().expect("open").provisions.get(&MaterialId::new("lease")),
        Some(&Provision::Attached { files: vec![] }),
        "still to be attached: the verdict says no file is attached"
    );
}

#[test]
fn choosing_another_way_sets_files_aside_and_choosing_attach_brings_them_back() {
    let catalog = demo_catalog();
    let id = MaterialId::new("id_card");
    let provide = |provision| Action::Provide { material: id.clone(), provision: Some(provision) };
    let state = run(&catalog, [start(), attach("id_card", "a", None), provide(Provision::Original)]);
    let draft = state.application().expect("open");
    assert_eq!(draft.provisions.get(&id), Some(&Provision::Original));
    assert!(draft.attachments.contains_key("a"), "kept, not deleted, by a change of mind");
    let back = reduce(&state, provide(Provision::Attached { files: vec![] }), env(&catalog)).expect("changes");
    assert_eq!(files(&back, "id_card"), ["a"]);
    assert!(back.application().expect("open").set_aside.is_empty());
    let deleted = reduce(&back, Action::DeleteDraft(back.drafts[0].id.clone()), env(&catalog)).expect("changes");
    assert!(deleted.file_ids().is_empty(), "a deleted draft's files may go");
}

#[test]
fn attachments_survive_a_save_and_a_reload() {
    let catalog = demo_catalog();
    let state = run(&catalog, [start(), attach("id_card", "a", None)]);
    let restored = crate::draft::decode(&crate::draft::encode(&state)).expect("reads back");
    assert_eq!(restored, state);
}
