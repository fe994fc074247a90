//! The hand-written draft format held to the serde derives, its reference: for drafts of every
//! shape, the same bytes written; for what serde writes, with members left out or replaced, the
//! same drafts read, or both refusing.

use crate::sorted_map::SortedSet;
use std::rc::Rc;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde::Serialize;

use super::*;
use crate::attachment::{Attachment, Checksums, Shape};
use crate::catalog_change::Snapshot;
use crate::draft::{encode, read, FORMAT, VERSION};
use crate::helper::{Helper, HelperRole};
use crate::journey::Walk;
use crate::json;
use crate::provision::Provision;
use crate::session::{Application, Changed, State};

/// The envelope as serde writes it: the reference for `draft::encode`.
#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    state: &'a State,
}

fn id() -> impl Strategy<Value = String> {
    "[a-z_]{1,6}(\\.[a-z_]{1,6})?"
}

/// Any text at all, or one with the characters JSON must escape.
fn words() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[\"\\\\/\u{0}-\u{1f}\u{7f}名 a]{0,12}"]
}

fn field_id() -> impl Strategy<Value = FieldId> {
    id().prop_map(FieldId::new)
}

fn material_id() -> impl Strategy<Value = MaterialId> {
    id().prop_map(MaterialId::new)
}

fn page() -> impl Strategy<Value = Page> {
    prop_oneof![
        Just(Page::Home),
        Just(Page::Notice),
        Just(Page::Tasks),
        Just(Page::Materials),
        Just(Page::Review),
        field_id().prop_map(Page::Question),
        words().prop_map(Page::Section),
    ]
}

fn provision() -> impl Strategy<Value = Provision> {
    prop_oneof![
        proptest::collection::vec(id(), 0..3).prop_map(|files| Provision::Attached { files }),
        Just(Provision::Original),
        Just(Provision::ECertificate),
        Just(Provision::CommitmentLetter),
        Just(Provision::Waived),
    ]
}

fn attachment() -> impl Strategy<Value = Attachment> {
    let shape = prop_oneof![
        proptest::option::of(any::<u32>()).prop_map(|pages| Shape::Pdf { pages }),
        (any::<u32>(), any::<u32>()).prop_map(|(width, height)| Shape::Image { width, height }),
    ];
    let file_type = proptest::sample::select(vec![FileType::Pdf, FileType::Jpeg, FileType::Png]);
    let checksums =
        proptest::option::of((any::<u32>(), "[0-9a-f]{64}").prop_map(|(crc32, sm3)| Checksums { sm3, crc32 }));
    (id(), words(), file_type, any::<u64>(), shape, any::<u64>(), proptest::option::of(words()), checksums).prop_map(
        |(id, name, file_type, size, shape, added_ms, thumbnail, checksums)| Attachment {
            id,
            name,
            file_type,
            size,
            shape,
            added_ms,
            thumbnail: thumbnail.map(Rc::from),
            checksums,
        },
    )
}

fn walk() -> impl Strategy<Value = Walk> {
    let ids = || proptest::collection::vec(field_id(), 0..3);
    (ids(), ids(), proptest::collection::vec(material_id(), 0..3), proptest::collection::vec(page(), 0..3)).prop_map(
        |(questions_before, fields_before, materials_before, shown)| Walk {
            questions_before,
            fields_before,
            materials_before,
            shown,
        },
    )
}

fn snapshot() -> impl Strategy<Value = Snapshot> {
    let text = || (words(), words()).prop_map(|(zh, en)| Text { zh, en });
    (
        words(),
        proptest::collection::vec((id().prop_map(ItemId::new), text()), 0..3),
        proptest::collection::vec((field_id(), text()), 0..3),
        proptest::collection::vec((material_id(), text()), 0..3),
        any::<bool>(),
    )
        .prop_map(|(catalog_version, items, fields, materials, answered_only)| Snapshot {
            catalog_version,
            items,
            fields,
            materials,
            answered_only,
        })
}

fn changed() -> impl Strategy<Value = Changed> {
    let times = || proptest::collection::btree_map(id(), any::<u64>(), 0..3);
    let catalog = prop_oneof![Just(0u64), any::<u64>()];
    (times(), times(), catalog).prop_map(|(answers, materials, catalog)| Changed {
        answers: answers.into_iter().map(|(k, v)| (FieldId::new(k), v)).collect(),
        materials: materials.into_iter().map(|(k, v)| (MaterialId::new(k), v)).collect(),
        catalog,
    })
}

fn helper() -> impl Strategy<Value = Helper> {
    let role = proptest::sample::select(HelperRole::ALL.to_vec());
    let maybe = || prop_oneof![Just(String::new()), words()];
    (words(), role, any::<bool>(), maybe(), maybe()).prop_map(|(name, role, agent, id_number, mobile)| Helper {
        name,
        role,
        agent,
        id_number,
        mobile,
    })
}

prop_compose! {
    fn application()(
        id in id(), bundle in id(), catalog_version in words(), definition in prop_oneof![Just(String::new()), "[0-9a-f]{64}"],
        times in (any::<u64>(), any::<u64>()), page in page(),
        answers in proptest::collection::btree_map(field_id(), words(), 0..4).prop_map(|each| each.into_iter().collect()),
        visited in proptest::collection::btree_set(field_id(), 0..3).prop_map(|each| each.into_iter().collect()), show_all_errors in any::<bool>(),
        provisions in proptest::collection::btree_map(material_id(), provision(), 0..3).prop_map(|each| each.into_iter().collect()),
        attachments in proptest::collection::btree_map(id(), attachment(), 0..2).prop_map(|each| each.into_iter().collect()),
        set_aside in proptest::collection::btree_map(material_id(), proptest::collection::vec(id(), 0..2), 0..2).prop_map(|each| each.into_iter().collect()),
        walk in proptest::option::of(walk()), seen in proptest::option::of(snapshot()), changed in changed(),
        helper in proptest::option::of(helper()),
    ) -> Application {
        Application {
            id: DraftId::new(id), bundle: BundleId::new(bundle), catalog_version, definition,
            created_ms: times.0, updated_ms: times.1, page, answers, visited, show_all_errors, provisions,
            attachments, set_aside, walk, seen: seen.map(Rc::new), changed, helper,
        }
    }
}

prop_compose! {
    fn state()(
        lang in prop_oneof![Just(Lang::Zh), Just(Lang::En)], elder in 0u8..=3, page in page(),
        drafts in proptest::collection::vec(application(), 0..3), open in proptest::option::of(id()),
        failed_continues in any::<u32>(), deleted in proptest::collection::btree_set(id().prop_map(DraftId::new), 0..2).prop_map(|each| each.into_iter().collect()),
        helper in proptest::option::of(helper()),
    ) -> State {
        State {
            lang, elder, page, drafts: drafts.into_iter().map(Rc::new).collect(), open: open.map(DraftId::new),
            failed_continues, address_refused: 0, deleted, helper,
        }
    }
}

/// A member of a draft replaced by a value of another shape, or left out. Never by an array:
/// serde reads a record from an array of its members in order, a form no writer of drafts
/// ever used, which this reader does not accept.
#[derive(Debug, Clone)]
enum Edit {
    Drop(usize),
    Replace(usize, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0usize..32).prop_map(Edit::Drop),
        (
            0usize..32,
            proptest::sample::select(vec!["null", "7", "\"x\"", "{}", "true", "-1", "1.5", "{\"how\":\"waived\"}"])
        )
            .prop_map(|(n, with)| Edit::Replace(n, with)),
    ]
}

/// Applies `edits` to the members of a draft object, and to those of its members that are
/// objects, as serde_json holds them.
fn apply(value: &mut serde_json::Value, edits: &[Edit]) {
    for edit in edits {
        let serde_json::Value::Object(members) = value else { return };
        let names: Vec<String> = members.keys().cloned().collect();
        if names.is_empty() {
            return;
        }
        match edit {
            Edit::Drop(n) => {
                members.remove(&names[n % names.len()]);
            }
            Edit::Replace(n, with) => {
                let target = &names[n % names.len()];
                let nested = members.get_mut(target).filter(|v| v.is_object() && n % 3 == 0);
                match nested {
                    Some(inner) => apply(inner, &[Edit::Replace(n / 3, with)]),
                    None => {
                        members.insert(target.clone(), serde_json::from_str(with).expect("json"));
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn writes_exactly_what_serde_writes_and_reads_it_back(state in state()) {
        let ours = encode(&state);
        let theirs = serde_json::to_string(&Envelope { format: FORMAT, version: VERSION, state: &state }).expect("json");
        prop_assert_eq!(&ours, &theirs);
        let read = read(&ours).expect("reads");
        for (draft, original) in read.state.drafts.iter().zip(state.drafts.iter()) {
            prop_assert_eq!(draft, original);
        }
        prop_assert_eq!((read.state.lang, read.state.elder, &read.state.deleted), (state.lang, state.elder, &state.deleted));
        prop_assert_eq!(read.state.failed_continues, state.failed_continues);
    }

    #[test]
    fn reads_a_draft_as_serde_reads_it_with_members_missing_or_misshapen(
        draft in application(), edits in proptest::collection::vec(edit(), 1..4),
    ) {
        let mut value = serde_json::to_value(&draft).expect("json");
        apply(&mut value, &edits);
        let text = serde_json::to_string(&value).expect("json");
        let theirs = serde_json::from_str::<Application>(&text).ok();
        let ours = Application::from_json(&json::parse(&text).expect("json")).ok();
        prop_assert_eq!(ours, theirs, "{}", text);
    }
}

#[test]
fn the_generators_reach_every_shape() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut seen = SortedSet::new();
    for _ in 0..300 {
        let state = state().new_tree(&mut runner).expect("a state").current();
        let text = encode(&state);
        for telling in [
            "\"how\":\"attached\"",
            "\"image\":",
            "\"pdf\":",
            "\"checksums\"",
            "\"thumbnail\"",
            "\"walk\":{",
            "\"seen\":{",
            "\"changed\"",
            "\"deleted\"",
            "\"elder\"",
            "\\u00",
            "{\"question\"",
            "\"role\":\"relative\"",
        ] {
            if text.contains(telling) {
                seen.insert(telling);
            }
        }
    }
    assert_eq!(seen.len(), 13, "{seen:?}");
}
