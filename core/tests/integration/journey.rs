//! The applicant's way through drafts of the shipped catalog: questions one per page (with a
//! question that appears), the notice, sections, and the walk through what a changed answer
//! brings in.

use std::path::Path;

use yibiao_core::catalog::{load, read_folder};
use yibiao_core::journey::{back_from, section_status, TaskStatus};
use yibiao_core::session::{reduce, Action, Env, Page, State};
use yibiao_core::{BundleId, Catalog, Date, FieldId};

fn catalog() -> Catalog {
    load(&read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog")).expect("assets/catalog")).0
}

fn today() -> Date {
    Date::from_ymd(2026, 11, 23).expect("valid")
}

/// Applies actions in turn; an action that changes nothing leaves the state as it was.
fn run(catalog: &Catalog, state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().fold(state, |state, action| {
        reduce(&state, action, Env { catalog, today: today(), now_ms: 1 }).unwrap_or(state)
    })
}

fn answer(field: &str, value: &str) -> Action {
    Action::Answer { field: FieldId::new(field), value: value.to_owned() }
}

fn question(field: &str) -> Page {
    Page::Question(FieldId::new(field))
}

#[test]
fn one_question_per_page_with_one_that_appears_with_an_answer() {
    let catalog = catalog();
    let state = run(&catalog, State::default(), [Action::StartDraft(BundleId::new("enterprise_change"))]);
    assert_eq!(state.page, question("change.kind"));

    let stuck = run(&catalog, state.clone(), [Action::Continue]);
    assert_eq!((stuck.page.clone(), stuck.failed_continues), (question("change.kind"), 1), "an answer is needed");
    assert!(stuck.application().expect("open").show_all_errors);

    let state = run(&catalog, state, [answer("change.kind", "address"), Action::Continue]);
    assert_eq!(state.page, question("change.new_premises_tenure"), "the address change brings its question");
    let plan = state.application().expect("open").plan(&catalog, today()).expect("plans");
    assert_eq!(back_from(&plan, &state.page), question("change.kind"));

    let state = run(&catalog, state, [answer("change.new_premises_tenure", "rented"), Action::Continue]);
    assert_eq!(state.page, question("change.has_housing_fund_account"));
    let state = run(
        &catalog,
        state,
        [answer("change.has_housing_fund_account", "no"), Action::Continue, answer("application.by_agent", "no")],
    );
    let state = run(&catalog, state, [Action::Continue]);
    assert_eq!(state.page, Page::Notice, "after the last question, the one-time notice");
    let state = run(&catalog, state, [Action::Continue]);
    assert_eq!(state.page, Page::Tasks);

    // A name change instead: the tenure question is gone, and its back link skips it.
    let renamed = run(&catalog, state, [Action::GoTo(question("change.kind")), answer("change.kind", "name")]);
    let plan = renamed.application().expect("open").plan(&catalog, today()).expect("plans");
    assert_eq!(back_from(&plan, &question("change.has_housing_fund_account")), question("change.kind"));
}

#[test]
fn a_changed_situation_walks_through_what_it_brought_in_then_back_to_the_check() {
    let catalog = catalog();
    let mut actions = vec![
        Action::StartDraft(BundleId::new("restaurant_opening")),
        answer("premises.tenure", "rented"),
        answer("premises.over_threshold", "no"),
        answer("application.by_agent", "no"),
        Action::GoTo(Page::Review),
    ];
    let state = run(&catalog, State::default(), actions.drain(..));
    assert_eq!(state.page, Page::Review);
    let area = "premises";
    let plan = state.application().expect("open").plan(&catalog, today()).expect("plans");
    assert!(plan.sections.iter().all(|section| section.id != area), "small premises: no area asked");

    let state = run(&catalog, state, [Action::ChangeSituation(FieldId::new("premises.over_threshold"))]);
    assert_eq!(state.page, question("premises.over_threshold"));
    let state = run(&catalog, state, [answer("premises.over_threshold", "yes"), Action::Continue]);
    assert_eq!(state.page, Page::Section(area.to_owned()), "the floor area the change brought in");
    let draft = state.application().expect("open");
    let plan = draft.plan(&catalog, today()).expect("plans");
    assert_eq!(section_status(&catalog, &plan, &draft.answers, area, today()), TaskStatus::NotStarted);

    let stuck = run(&catalog, state.clone(), [Action::Continue]);
    assert_eq!(stuck.page, Page::Section(area.to_owned()), "the area must be given first");
    let state = run(&catalog, state, [answer("premises.area", "320"), Action::Continue]);
    assert_eq!(state.page, Page::Materials, "the fire-safety plan is a new material");
    let state = run(&catalog, state, [Action::Continue]);
    assert_eq!(state.page, Page::Review, "and back to the check");
    assert_eq!(state.application().expect("open").walk, None, "the walk is over");
}
