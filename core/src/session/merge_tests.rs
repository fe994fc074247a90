//! Tests of the merge: two tabs typing at once, each told of the other's saves late or not at
//! all until the end, lose nothing and end up agreeing.

use crate::sorted_map::{SortedMap, SortedSet};

use proptest::prelude::*;

use crate::attachment::{Attachment, Shape};
use crate::catalog::FileType;
use crate::catalog::{BundleId, Catalog, FieldId, MaterialId};
use crate::date::Date;
use crate::demo::{demo_catalog, ENTERPRISE_OPENING};
use crate::session::{reduce, Action, Application, DraftId, Env, Page, State};
use crate::verdict::Provision;

const FIELDS: [&str; 4] = ["applicant.name", "applicant.mobile", "enterprise.name", "enterprise.address"];
const MATERIALS: [&str; 2] = ["id_card", "premises_proof"];

fn env(catalog: &Catalog, now_ms: u64) -> Env<'_> {
    Env { catalog, today: Date::from_ymd(2026, 11, 22).expect("valid"), now_ms }
}

fn file(id: &str) -> Attachment {
    Attachment {
        id: id.to_owned(),
        name: format!("{id}.pdf"),
        file_type: FileType::Pdf,
        size: 1_000,
        shape: Shape::Pdf { pages: Some(1) },
        added_ms: 0,
        thumbnail: None,
        checksums: None,
    }
}

/// What a person does in one tab, or the browser telling a tab of the other's save.
#[derive(Debug, Clone)]
enum Op {
    /// Type `value` in a field of the open draft (0: clear it).
    Type {
        tab: usize,
        field: usize,
        value: u8,
    },
    /// Choose a way to provide a material (0: none chosen).
    Provide {
        tab: usize,
        material: usize,
        way: u8,
    },
    Attach {
        tab: usize,
        material: usize,
        file: u8,
    },
    Start {
        tab: usize,
    },
    /// Open the `which`th draft (home first, so that another one can be opened).
    Open {
        tab: usize,
        which: usize,
    },
    Delete {
        tab: usize,
        which: usize,
    },
    /// Tab `to` is told of the other's save `age` saves ago (the browser is late).
    Deliver {
        to: usize,
        age: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let tab = 0..2_usize;
    prop_oneof![
        6 => (tab.clone(), 0..FIELDS.len(), 0..4_u8).prop_map(|(tab, field, value)| Op::Type { tab, field, value }),
        2 => (tab.clone(), 0..MATERIALS.len(), 0..4_u8).prop_map(|(tab, material, way)| Op::Provide { tab, material, way }),
        2 => (tab.clone(), 0..MATERIALS.len(), 0..3_u8).prop_map(|(tab, material, file)| Op::Attach { tab, material, file }),
        1 => tab.clone().prop_map(|tab| Op::Start { tab }),
        1 => (tab.clone(), 0..3_usize).prop_map(|(tab, which)| Op::Open { tab, which }),
        1 => (tab.clone(), 0..3_usize).prop_map(|(tab, which)| Op::Delete { tab, which }),
        4 => (tab, 0..4_usize).prop_map(|(to, age)| Op::Deliver { to, age }),
    ]
}

/// A draft without this tab's place in it, to compare what two tabs hold.
fn content(state: &State) -> Vec<Application> {
    let mut drafts: Vec<Application> = state
        .drafts
        .iter()
        .map(|draft| {
            let mut draft = Application::clone(draft);
            draft.page = Page::Tasks;
            draft.show_all_errors = false;
            draft.walk = None;
            draft
        })
        .collect();
    drafts.sort_by(|a, b| a.id.cmp(&b.id));
    drafts
}

/// The part of a material that changes together.
type MaterialPart = (Option<Provision>, Option<Vec<String>>);

fn material_part(draft: &Application, material: &MaterialId) -> MaterialPart {
    (draft.provisions.get(material).cloned(), draft.set_aside.get(material).cloned())
}

/// What was done last, in the order of the device's clock: the result the tabs must reach.
#[derive(Default)]
struct Last {
    answers: SortedMap<(DraftId, FieldId), Option<String>>,
    materials: SortedMap<(DraftId, MaterialId), MaterialPart>,
    started: SortedSet<DraftId>,
    deleted: SortedSet<DraftId>,
}

fn simulate(ops: &[Op]) -> Result<(), TestCaseError> {
    let catalog = demo_catalog();
    let started = reduce(&State::default(), Action::StartDraft(BundleId::new(ENTERPRISE_OPENING)), env(&catalog, 1))
        .expect("starts");
    let mut tabs = [started.clone(), started.clone()];
    // What each tab saved, oldest first.
    let mut saves = [vec![started.clone()], vec![started.clone()]];
    let mut last = Last::default();
    last.started.extend(started.drafts.iter().map(|draft| draft.id.clone()));
    // Both tabs share the device clock, but their ids must differ: one starts its drafts at
    // odd times, the other at even ones.
    for (n, op) in ops.iter().enumerate() {
        let now = 10 + 2 * n as u64;
        let (tab, action) = match op {
            Op::Type { tab, field, value } => {
                let value = if *value == 0 { String::new() } else { format!("v{value}-{n}") };
                (*tab, Action::Answer { field: FieldId::new(FIELDS[*field]), value })
            }
            Op::Provide { tab, material, way } => {
                let provision = match way {
                    0 => None,
                    1 => Some(Provision::Original),
                    2 => Some(Provision::Waived),
                    _ => Some(Provision::Attached { files: Vec::new() }),
                };
                (*tab, Action::Provide { material: MaterialId::new(MATERIALS[*material]), provision })
            }
            Op::Attach { tab, material, file: which } => {
                let attachment = file(&format!("f{which}"));
                (*tab, Action::Attach { material: MaterialId::new(MATERIALS[*material]), attachment, replacing: None })
            }
            Op::Start { tab } => (*tab, Action::StartDraft(BundleId::new(ENTERPRISE_OPENING))),
            Op::Open { tab, which } => {
                let home = reduce(&tabs[*tab], Action::GoTo(Page::Home), env(&catalog, now));
                if let Some(home) = home {
                    tabs[*tab] = home;
                }
                let Some(draft) = tabs[*tab].drafts.get(*which) else { continue };
                (*tab, Action::OpenDraft(draft.id.clone()))
            }
            Op::Delete { tab, which } => {
                let Some(draft) = tabs[*tab].drafts.get(*which) else { continue };
                last.deleted.insert(draft.id.clone());
                (*tab, Action::DeleteDraft(draft.id.clone()))
            }
            Op::Deliver { to, age } => {
                let other = &saves[1 - to];
                let saved = other[other.len().saturating_sub(1 + age)].clone();
                (*to, Action::Adopt(Box::new(saved)))
            }
        };
        let now = now + tab as u64;
        let before = tabs[tab].clone();
        let Some(after) = reduce(&before, action.clone(), env(&catalog, now)) else { continue };
        if let Action::Adopt(saved) = &action {
            // Told the same again, nothing changes: the merge is idempotent.
            prop_assert_eq!(reduce(&after, Action::Adopt(saved.clone()), env(&catalog, now)), None);
        }
        // Note what the person changed, as their tab shows it after the change.
        if let (false, Some(draft)) = (matches!(action, Action::Adopt(_)), after.application()) {
            let earlier = before.draft(&draft.id);
            for field in FIELDS.map(FieldId::new) {
                let value = draft.answers.get(&field).cloned();
                if earlier.map(|earlier| earlier.answers.get(&field).cloned()) != Some(value.clone()) {
                    last.answers.insert((draft.id.clone(), field), value);
                }
            }
            for material in MATERIALS.map(MaterialId::new) {
                let part = material_part(draft, &material);
                if earlier.map(|earlier| material_part(earlier, &material)) != Some(part.clone()) {
                    last.materials.insert((draft.id.clone(), material), part);
                }
            }
            last.started.insert(draft.id.clone());
        }
        tabs[tab] = after.clone();
        saves[tab].push(after);
    }

    // At last each tab is told of the other's latest save, as the browser will.
    for to in [0, 1, 0] {
        let saved = tabs[1 - to].clone();
        if let Some(after) = reduce(&tabs[to], Action::Adopt(Box::new(saved)), env(&catalog, 1_000_000)) {
            tabs[to] = after;
        }
    }
    prop_assert_eq!(content(&tabs[0]), content(&tabs[1]), "the tabs agree");
    let held: SortedSet<DraftId> = tabs[0].drafts.iter().map(|draft| draft.id.clone()).collect();
    let expected: SortedSet<DraftId> = last.started.difference(&last.deleted).cloned().collect();
    prop_assert_eq!(held, expected, "every draft started is kept unless deleted");
    for ((id, field), value) in &last.answers {
        if let Some(draft) = tabs[0].draft(id) {
            prop_assert_eq!(draft.answers.get(field), value.as_ref(), "the last change of {} in {}", field, id);
        }
    }
    for ((id, material), part) in &last.materials {
        if let Some(draft) = tabs[0].draft(id) {
            prop_assert_eq!(&material_part(draft, material), part, "the last change of {} in {}", material, id);
        }
    }
    for draft in &tabs[0].drafts {
        let used = draft.provisions.values().flat_map(Provision::files).chain(draft.set_aside.values().flatten());
        for id in used {
            prop_assert!(draft.attachments.contains_key(id), "file {} of {} is known", id, draft.id);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn two_tabs_told_late_of_each_others_saves_lose_nothing_and_agree(ops in prop::collection::vec(op(), 0..40)) {
        simulate(&ops)?;
    }
}

/// The case of issue 11: typing alternately in two fields of one draft, each tab saving after
/// every key and told of the other's save only after its own next one.
#[test]
fn typing_alternately_in_two_tabs_loses_no_character() {
    let catalog = demo_catalog();
    let first = reduce(&State::default(), Action::StartDraft(BundleId::new(ENTERPRISE_OPENING)), env(&catalog, 1))
        .expect("starts");
    let mut tabs = [first.clone(), first];
    let fields = [FieldId::new("applicant.name"), FieldId::new("enterprise.name")];
    let mut typed = [String::new(), String::new()];
    for key in 0..20_u64 {
        let tab = (key % 2) as usize;
        typed[tab].push(char::from(b'a' + key as u8));
        let action = Action::Answer { field: fields[tab].clone(), value: typed[tab].clone() };
        tabs[tab] = reduce(&tabs[tab], action, env(&catalog, 100 + key)).expect("changes");
        // The other tab hears of it only now, after typing its own key.
        let saved = Box::new(tabs[tab].clone());
        if let Some(after) = reduce(&tabs[1 - tab], Action::Adopt(saved), env(&catalog, 100 + key)) {
            tabs[1 - tab] = after;
        }
    }
    for state in &tabs {
        let draft = state.application().expect("open");
        assert_eq!(draft.answer(&fields[0]), typed[0]);
        assert_eq!(draft.answer(&fields[1]), typed[1]);
    }
}

#[test]
fn a_draft_deleted_in_one_tab_is_not_brought_back_by_the_other() {
    let catalog = demo_catalog();
    let here = reduce(&State::default(), Action::StartDraft(BundleId::new(ENTERPRISE_OPENING)), env(&catalog, 1))
        .expect("starts");
    let id = here.open.clone().expect("open");
    let there = reduce(&here, Action::DeleteDraft(id.clone()), env(&catalog, 2)).expect("deletes");
    let typed = Action::Answer { field: FieldId::new("applicant.name"), value: "张三".into() };
    let here = reduce(&here, typed, env(&catalog, 3)).expect("changes");
    let merged = reduce(&here, Action::Adopt(Box::new(there.clone())), env(&catalog, 4)).expect("changes");
    assert!(merged.drafts.is_empty(), "deleted stays deleted");
    assert_eq!((merged.open.clone(), merged.page.clone()), (None, Page::Home), "the page on screen goes home");
    let back = reduce(&there, Action::Adopt(Box::new(here)), env(&catalog, 5));
    assert!(back.is_none_or(|state| state.drafts.is_empty()), "and the other way round");
}
