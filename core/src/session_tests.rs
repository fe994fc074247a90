//! Tests of the reducer: drafts side by side, pages, answers, continuing with errors.

use super::*;

#[path = "session_attachment_tests.rs"]
mod attachments;
use crate::demo::{demo_catalog, ENTERPRISE_OPENING};
use crate::validate::IdNumberError;
use crate::verdict::Provision;

fn today() -> Date {
    Date::from_ymd(2026, 11, 22).expect("valid")
}

/// Runs the actions one millisecond apart from a fixed start.
fn run(catalog: &Catalog, actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().enumerate().fold(State::default(), |state, (n, action)| {
        let env = Env { catalog, today: today(), now_ms: 1_000 + n as u64 };
        reduce(&state, action, env).unwrap_or(state)
    })
}

fn env(catalog: &Catalog) -> Env<'_> {
    Env { catalog, today: today(), now_ms: 5_000 }
}

fn answer(field: &str, value: &str) -> Action {
    Action::Answer { field: FieldId::new(field), value: value.into() }
}

fn start() -> Action {
    Action::StartDraft(BundleId::new(ENTERPRISE_OPENING))
}

fn section_page(id: &str) -> Page {
    Page::Section(id.to_owned())
}

fn section(id: &str) -> Action {
    Action::GoTo(section_page(id))
}

fn complete_answers() -> Vec<Action> {
    vec![
        answer("applicant.name", "张三"),
        answer("applicant.id_number", "11010519491231002X"),
        answer("applicant.mobile", "13800138000"),
        answer("enterprise.name", "某某餐饮有限公司"),
        answer("enterprise.address", "某某路 1 号"),
        answer("finance.contact_name", "李四"),
    ]
}

#[test]
fn starting_a_bundle_opens_a_new_draft_at_its_first_page() {
    let catalog = demo_catalog();
    let state = run(&catalog, [start()]);
    assert_eq!(state.page, Page::Notice, "a bundle without situation questions starts at the notice");
    let draft = state.application().expect("open");
    assert_eq!(draft.bundle, BundleId::new(ENTERPRISE_OPENING));
    assert_eq!(draft.catalog_version, catalog.version);
    assert_eq!((draft.created_ms, draft.updated_ms), (1_000, 1_000));
    let unknown = run(&catalog, [Action::StartDraft(BundleId::new("nope"))]);
    assert_eq!(unknown, State::default());
}

#[test]
fn drafts_live_side_by_side_and_each_reopens_where_it_was_left() {
    let catalog = demo_catalog();
    let state = run(
        &catalog,
        [
            start(),
            answer("applicant.name", "张三"),
            Action::GoTo(Page::Home),
            start(),
            answer("applicant.name", "李四"),
        ],
    );
    assert_eq!(state.drafts.len(), 2, "a second draft of the same bundle starts beside the first");
    assert_ne!(state.drafts[0].id, state.drafts[1].id);
    let names: Vec<&str> = state.recent_drafts().iter().filter_map(|d| d.display_name(&catalog)).collect();
    assert_eq!(names, ["李四", "张三"], "the most recently changed first");

    let first = state.drafts[0].id.clone();
    let reopened = reduce(&state, Action::OpenDraft(first.clone()), env(&catalog)).expect("changes");
    assert_eq!(reopened.application().map(|d| d.answer(&FieldId::new("applicant.name"))), Some("张三"));
    assert_eq!(reopened.page, Page::Notice);
}

#[test]
fn a_draft_remembers_its_page_and_deleting_one_keeps_the_others() {
    let catalog = demo_catalog();
    let state = run(&catalog, [start(), Action::Continue, Action::GoTo(Page::Home), start()]);
    let first = state.drafts[0].id.clone();
    assert_eq!(state.drafts[0].page, Page::Tasks);
    let reopened = reduce(&state, Action::OpenDraft(first.clone()), env(&catalog)).expect("changes");
    assert_eq!(reopened.page, Page::Tasks, "back on the page it was left on");

    let deleted = reduce(&reopened, Action::DeleteDraft(first.clone()), env(&catalog)).expect("changes");
    assert_eq!(deleted.drafts.len(), 1);
    assert_eq!((deleted.page.clone(), deleted.open.clone()), (Page::Home, None), "the open draft is gone, so home");
    assert_eq!(reduce(&deleted, Action::OpenDraft(first), env(&catalog)), None, "a deleted draft stays deleted");
}

#[test]
fn only_editing_an_answer_counts_as_a_change_of_the_draft() {
    let catalog = demo_catalog();
    let state = run(&catalog, [start(), answer("applicant.name", "张三"), Action::GoTo(Page::Home)]);
    assert_eq!(state.drafts[0].updated_ms, 1_001);
    let draft = state.drafts[0].id.clone();
    let opened = reduce(&state, Action::OpenDraft(draft), env(&catalog)).expect("changes");
    assert_eq!(opened.drafts[0].updated_ms, 1_001, "opening is not editing");
}

#[test]
fn pages_that_need_a_draft_fall_back_home() {
    let state = run(&demo_catalog(), [Action::GoTo(Page::Review)]);
    assert_eq!(state.page, Page::Home);
    let state = run(&demo_catalog(), [start(), Action::GoTo(Page::Home)]);
    assert_eq!(
        (state.page.clone(), state.open.clone()),
        (Page::Home, None),
        "home closes the draft, which stays saved"
    );
    assert_eq!(state.drafts.len(), 1);
}

#[test]
fn an_unchanged_answer_reports_no_change() {
    let catalog = demo_catalog();
    let state = run(&catalog, [start(), answer("applicant.name", "张三")]);
    assert_eq!(reduce(&state, answer("applicant.name", "张三"), env(&catalog)), None);
    assert_eq!(reduce(&state, Action::SetLang(Lang::Zh), env(&catalog)), None);
}

#[test]
fn continue_with_errors_stays_and_shows_them_all() {
    let catalog = demo_catalog();
    let state = run(
        &catalog,
        [start(), section("applicant"), answer("applicant.id_number", "110105194912310021"), Action::Continue],
    );
    assert_eq!(state.page, section_page("applicant"));
    assert_eq!(state.failed_continues, 1);
    let application = state.application().expect("present");
    assert!(application.show_all_errors);
    let plan = application.plan(&catalog, today()).expect("plans");
    let errors = application.errors(&catalog, &plan, today());
    assert_eq!(errors.len(), 6);
    let left = run(&catalog, [start(), section("applicant"), Action::Continue, Action::GoTo(Page::Tasks)]);
    assert!(!left.application().expect("present").show_all_errors, "errors wait for the next continue elsewhere");
    assert_eq!(errors[1], (FieldId::new("applicant.id_number"), FieldError::IdNumber(IdNumberError::DoesNotAddUp)));
}

#[test]
fn a_complete_section_leads_to_the_next_unfinished_one_then_the_materials() {
    let catalog = demo_catalog();
    let mut actions = vec![start(), Action::Continue, section("applicant")];
    actions.extend(complete_answers().into_iter().take(3));
    actions.push(Action::Continue);
    let state = run(&catalog, actions.clone());
    assert_eq!(state.page, section_page("enterprise"));
    // The finance section is answered too, so it is skipped.
    actions.extend(complete_answers().into_iter().skip(3));
    actions.push(Action::Continue);
    let state = run(&catalog, actions.clone());
    assert_eq!(state.page, Page::Materials, "every section complete: on to the materials (issue 14)");
    assert_eq!(state.failed_continues, 0);
    actions.push(Action::Continue);
    assert_eq!(run(&catalog, actions.clone()).page, Page::Review, "then the check");
    // With the materials done, the last section leads to the check itself.
    let plan = run(&catalog, actions.clone()).application().expect("open").plan(&catalog, today()).expect("plans");
    for entry in &plan.checklist {
        let way = crate::verdict::allowed_provisions(&entry.material, &entry.rules)
            .into_iter()
            .find(|way| !matches!(way, Provision::Attached { .. }))
            .expect("a way without a file");
        actions.push(Action::Provide { material: entry.material.id.clone(), provision: Some(way) });
    }
    actions.extend([Action::GoTo(section_page("enterprise")), Action::Continue]);
    assert_eq!(run(&catalog, actions).page, Page::Review);
}

#[test]
fn errors_wait_until_they_cannot_be_mistaken_for_unfinished_typing() {
    let catalog = demo_catalog();
    let id = FieldId::new("applicant.id_number");
    let short = FieldError::IdNumber(IdNumberError::TooShort { length: 5 });
    let wrong = FieldError::IdNumber(IdNumberError::DoesNotAddUp);

    let state = run(&catalog, [start(), answer("applicant.id_number", "11010")]);
    let typing = state.application().expect("present");
    assert!(!typing.visible_error(&short, &id));
    assert!(typing.visible_error(&wrong, &id));
    assert!(!typing.visible_error(&FieldError::Required, &id));

    let state = run(&catalog, [start(), answer("applicant.id_number", "11010"), Action::LeaveField(id.clone())]);
    let left = state.application().expect("present");
    assert!(left.visible_error(&short, &id));
    assert!(!left.visible_error(&FieldError::Required, &id));

    let state = run(&catalog, [start(), section("applicant"), Action::Continue]);
    assert!(state.application().expect("present").visible_error(&FieldError::Required, &id));
}

#[test]
fn clearing_a_field_removes_the_answer() {
    let catalog = demo_catalog();
    let state = run(&catalog, [start(), answer("applicant.name", "张三"), answer("applicant.name", "")]);
    assert!(state.application().expect("present").answers.is_empty());
}

#[test]
fn drafts_started_in_the_same_millisecond_get_different_ids() {
    let catalog = demo_catalog();
    let once = reduce(&State::default(), start(), env(&catalog)).expect("starts");
    let twice = reduce(&once, start(), env(&catalog)).expect("starts");
    assert_eq!(twice.drafts.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["d1388", "d1388-2"]);
}

#[test]
fn providing_a_material_is_an_edit_and_can_be_undone() {
    let catalog = demo_catalog();
    let id = MaterialId::new("id_card");
    let provide = |provision| Action::Provide { material: id.clone(), provision };
    let state = run(&catalog, [start(), provide(Some(Provision::ECertificate))]);
    let draft = state.application().expect("open");
    assert_eq!(draft.provisions.get(&id), Some(&Provision::ECertificate));
    assert_eq!(draft.updated_ms, 1_001);
    assert_eq!(reduce(&state, provide(Some(Provision::ECertificate)), env(&catalog)), None);
    let undone = reduce(&state, provide(None), env(&catalog)).expect("changes");
    assert!(undone.application().expect("open").provisions.is_empty());
}

#[test]
fn a_draft_of_a_bundle_the_catalog_no_longer_has_stays_saved_but_does_not_open() {
    let catalog = demo_catalog();
    let state = run(&catalog, [start(), answer("applicant.name", "张三"), Action::GoTo(Page::Home)]);
    let id = state.drafts[0].id.clone();
    let mut other = catalog.clone();
    other.bundles.clear();
    assert_eq!(reduce(&state, Action::OpenDraft(id.clone()), env(&other)), None);
    let deleted = reduce(&state, Action::DeleteDraft(id), env(&other)).expect("it can still be deleted");
    assert!(deleted.drafts.is_empty());
}

#[test]
fn drafts_saved_by_another_tab_are_taken_and_this_tabs_view_kept() {
    let catalog = demo_catalog();
    let here = run(&catalog, [start(), answer("applicant.name", "张三")]);
    let mut elsewhere = here.clone();
    elsewhere.lang = Lang::En;
    elsewhere.page = Page::Home;
    elsewhere.open = None;
    let theirs = Rc::make_mut(&mut elsewhere.drafts[0]);
    theirs.answers.insert(FieldId::new("applicant.mobile"), "13800138000".into());
    theirs.page = Page::Review;
    let adopted = reduce(&here, Action::Adopt(Box::new(elsewhere.clone())), env(&catalog)).expect("changes");
    let draft = adopted.application().expect("still open");
    assert_eq!(draft.answer(&FieldId::new("applicant.mobile")), "13800138000", "the other tab's answer");
    assert_eq!(draft.page, here.drafts[0].page, "this tab's place in the draft on screen");
    assert_eq!((adopted.lang, &adopted.page, &adopted.open), (here.lang, &here.page, &here.open), "this tab's view");
    assert_eq!(reduce(&adopted, Action::Adopt(Box::new(adopted.clone())), env(&catalog)), None, "nothing new");

    // The draft on screen was deleted in the other tab: home.
    let id = elsewhere.drafts[0].id.clone();
    let elsewhere = reduce(&elsewhere, Action::DeleteDraft(id), env(&catalog)).expect("deletes");
    let emptied = reduce(&adopted, Action::Adopt(Box::new(elsewhere)), env(&catalog)).expect("changes");
    assert_eq!((emptied.page.clone(), emptied.open.clone()), (Page::Home, None));
}

/// An address names any page it likes (issue 11: `#/d/<id>/question/no.such_field` showed an
/// empty page and was saved as the draft's page): a page the draft lacks lands on its task
/// list, a draft that is not here on the home page, never the draft that happens to be open.
#[test]
fn an_address_lands_only_on_a_page_that_exists() {
    let catalog = demo_catalog();
    let state = run(&catalog, [start()]);
    let id = state.open.clone().expect("open");
    let plan = state.application().and_then(|d| d.plan(&catalog, today()).ok()).expect("plans");
    let section = section_page(&plan.sections[0].id);
    let land = |draft: Option<&DraftId>, page: &Page| landing(&state, draft, page, env(&catalog));
    assert_eq!(land(Some(&id), &section), (Some(id.clone()), section.clone()));
    assert_eq!(land(Some(&id), &Page::Review), (Some(id.clone()), Page::Review));
    for page in [
        Page::Question(FieldId::new("no.such_field")),
        section_page("no_such_section"),
        Page::Question(FieldId::new("applicant.name")),
        Page::Home,
    ] {
        assert_eq!(land(Some(&id), &page), (Some(id.clone()), Page::Tasks), "{page:?}");
    }
    assert_eq!(land(Some(&DraftId::new("no-such-draft")), &Page::Review), (None, Page::Home));
    assert_eq!(land(None, &Page::Home), (None, Page::Home));
    let mut other_catalog = catalog.clone();
    other_catalog.bundles.clear();
    let env = Env { catalog: &other_catalog, today: today(), now_ms: 0 };
    assert_eq!(landing(&state, Some(&id), &Page::Review, env), (None, Page::Home), "a bundle the catalog lacks");
}

#[test]
fn visiting_an_address_shows_only_a_page_that_exists_and_says_when_it_moved() {
    let catalog = demo_catalog();
    let state = run(&catalog, [start()]);
    let id = state.open.clone().expect("open");
    let visit = |state: &State, draft: Option<&DraftId>, page: Page| {
        reduce(state, Action::Visit { draft: draft.cloned(), page }, env(&catalog))
    };
    let reviewed = visit(&state, Some(&id), Page::Review).expect("moves");
    assert_eq!((reviewed.page.clone(), reviewed.address_refused), (Page::Review, 0));
    assert_eq!(reviewed.application().map(|d| d.page.clone()), Some(Page::Review), "the draft remembers it");

    let refused = visit(&reviewed, Some(&id), Page::Question(FieldId::new("no.such_field"))).expect("moves");
    assert_eq!(
        (refused.open.clone(), refused.page.clone(), refused.address_refused),
        (Some(id.clone()), Page::Tasks, 1)
    );
    let saved = crate::draft::decode(&crate::draft::encode(&refused)).expect("reads back");
    assert_eq!(saved.application().map(|d| d.page.clone()), Some(Page::Tasks), "the bad page is never saved");
    assert_eq!(saved.address_refused, 0, "the notice is not saved");
    let again = visit(&refused, Some(&id), section_page("no_such_section")).expect("a second refusal is a change too");
    assert_eq!((again.page.clone(), again.address_refused), (Page::Tasks, 2));

    let gone = visit(&reviewed, Some(&DraftId::new("no-such-draft")), Page::Review).expect("moves");
    assert_eq!((gone.open.clone(), gone.page.clone(), gone.address_refused), (None, Page::Home, 1));
    // Any next action clears the notice.
    let next = reduce(&gone, Action::SetLang(Lang::En), env(&catalog)).expect("changes");
    assert_eq!(next.address_refused, 0);
}

/// A draft from a packet comes in beside the others under an id of its own, answers kept, at
/// its task list; the same packet twice gives two drafts; a bundle the catalog lacks, none.
#[test]
fn a_draft_from_a_packet_comes_in_beside_the_others() {
    let catalog = demo_catalog();
    let mut state = run(&catalog, std::iter::once(start()).chain(complete_answers()));
    let mut incoming = state.application().expect("open").clone();
    incoming.id = state.open.clone().expect("open");
    for n in 0..2 {
        state = reduce(&state, Action::Import(Box::new(incoming.clone())), Env { now_ms: 9_000 + n, ..env(&catalog) })
            .expect("imported");
    }
    assert_eq!(state.drafts.len(), 3);
    let ids: crate::sorted_map::SortedSet<&DraftId> = state.drafts.iter().map(|draft| &draft.id).collect();
    assert_eq!(ids.len(), 3, "each its own id");
    let opened = state.application().expect("the last one is open");
    assert_eq!((opened.page.clone(), state.page.clone()), (Page::Tasks, Page::Tasks));
    assert_eq!(opened.answers, incoming.answers);
    assert_eq!(opened.updated_ms, 9_001);
    let mut unknown = incoming;
    unknown.bundle = BundleId::new("nope");
    assert!(reduce(&state, Action::Import(Box::new(unknown)), env(&catalog)).is_none());
}

#[test]
fn a_helper_who_is_the_agent_brings_the_agent_variant_in_and_a_helper_only_their_name() {
    use crate::helper::{Helper, HelperRole, AGENT_NAME, BY_AGENT};
    use crate::validate::YES;
    let catalog = crate::fixture::restaurant_catalog();
    let start = || Application::new(DraftId::new("d"), BundleId::new(crate::fixture::RESTAURANT), &catalog.version, 0);
    let agent = Helper {
        name: " 李四 ".to_owned(),
        role: HelperRole::Community,
        agent: true,
        id_number: "110101198005010130".to_owned(),
        mobile: String::new(),
    };
    let mut draft = start();
    draft.helped_by(&agent, &catalog);
    assert_eq!(draft.helper.as_ref(), Some(&agent));
    assert!(catalog.field(&FieldId::new(BY_AGENT)).is_some(), "the fixture asks it");
    assert_eq!((draft.answer(&FieldId::new(BY_AGENT)), draft.answer(&FieldId::new(AGENT_NAME))), (YES, "李四"));
    assert_eq!(draft.answer(&FieldId::new(crate::helper::AGENT_ID_NUMBER)), "110101198005010130");
    assert!(!draft.answers.contains_key(&FieldId::new(crate::helper::AGENT_MOBILE)), "nothing typed, nothing filled");
    let relative = Helper {
        name: "王五".to_owned(),
        role: HelperRole::Relative,
        agent: false,
        id_number: "110101198005010130".to_owned(),
        mobile: String::new(),
    };
    let mut draft = start();
    draft.helped_by(&relative, &catalog);
    assert!(draft.answers.is_empty(), "a helper who is not the agent answers nothing");
    assert_eq!(relative.line(Lang::Zh), "协助人：王五（亲属）");
    assert_eq!(agent.line(Lang::En), "Helped by: 李四 (community worker, the agent)");
    for role in HelperRole::ALL {
        assert_eq!(HelperRole::from_word(role.word()), Some(role));
    }
    // Started while helping, through the reducer: the agent's question is not asked again.
    let state = State { helper: Some(agent), ..State::default() };
    let env = Env { catalog: &catalog, today: crate::date::Date::from_ymd(2026, 12, 2).expect("a day"), now_ms: 1 };
    let next = reduce(&state, Action::StartDraft(BundleId::new(crate::fixture::RESTAURANT)), env);
    let next = next.expect("started");
    let draft = next.application().expect("open");
    assert_eq!(draft.helper.as_ref().map(|h| h.name.trim()), Some("李四"));
    assert_ne!(draft.page, Page::Question(FieldId::new(BY_AGENT)));
}
