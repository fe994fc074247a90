//! Tests of the derived view: one plan per change, the view of every change equal to one made
//! from scratch, and what an action does not touch reused.

use std::rc::Rc;

use crate::catalog::{BundleId, Catalog, FieldId, MaterialId};
use crate::date::Date;
use crate::demo::{demo_catalog, ENTERPRISE_OPENING};
use crate::journey::TaskStatus;
use crate::plan::BUILDS;
use crate::session::{step, Action, Env, Page, State};
use crate::verdict::Provision;
use crate::view::{Derived, DraftView};

fn today() -> Date {
    Date::from_ymd(2026, 11, 22).expect("valid")
}

fn env(catalog: &Catalog) -> Env<'_> {
    Env { catalog, today: today(), now_ms: 5_000 }
}

/// The plans made while `run` runs.
fn plans_made(run: impl FnOnce()) -> usize {
    let before = BUILDS.with(|builds| builds.get());
    run();
    BUILDS.with(|builds| builds.get()) - before
}

/// A state with a draft open on its first section, and its view.
fn opened(catalog: &Catalog) -> (State, Derived) {
    let started = step(&State::default(), None, Action::StartDraft(BundleId::new(ENTERPRISE_OPENING)), env(catalog))
        .expect("starts");
    let section = Page::Section("applicant".to_owned());
    let on = step(&started.state, started.view.as_ref(), Action::GoTo(section), env(catalog)).expect("moves");
    (on.state, on.view.expect("a draft is open"))
}

fn answer(field: &str, value: &str) -> Action {
    Action::Answer { field: FieldId::new(field), value: value.into() }
}

#[test]
fn an_answer_makes_one_plan_for_the_view_and_the_snapshot_alike() {
    let catalog = demo_catalog();
    let (state, view) = opened(&catalog);
    let mut stepped = None;
    let made = plans_made(|| stepped = step(&state, Some(&view), answer("applicant.name", "张三"), env(&catalog)));
    assert_eq!(made, 1, "one plan per answer");
    let stepped = stepped.expect("an answer changes the state");
    let application = stepped.state.application().expect("open");
    assert!(application.seen.is_some(), "the snapshot is kept up to date");
    let view = stepped.view.expect("a view").expect("plans");
    assert_eq!(*view, application.view(&catalog, today()).expect("plans"), "the view equals one made from scratch");
}

#[test]
fn an_action_that_changes_no_answer_makes_no_plan_and_reuses_the_view() {
    let catalog = demo_catalog();
    let (state, view) = opened(&catalog);
    for action in [Action::LeaveField(FieldId::new("applicant.name")), Action::GoTo(Page::Tasks), Action::Continue] {
        let mut stepped = None;
        let made = plans_made(|| stepped = step(&state, Some(&view), action.clone(), env(&catalog)));
        assert_eq!(made, 0, "{action:?} plans nothing");
        let stepped = stepped.expect("the action changes something");
        let (kept, view) = (stepped.view.expect("a view").expect("plans"), view.clone().expect("plans"));
        assert!(Rc::ptr_eq(&kept, &view), "{action:?} keeps the view");
    }
}

#[test]
fn choosing_how_a_material_is_provided_keeps_the_form_and_renews_the_verdict() {
    let catalog = demo_catalog();
    let (state, view) = opened(&catalog);
    let view = view.expect("plans");
    let material = view.plan().checklist[0].material.id.clone();
    let provide = Action::Provide { material: material.clone(), provision: Some(Provision::Original) };
    let mut stepped = None;
    let made = plans_made(|| stepped = step(&state, Some(&Ok(Rc::clone(&view))), provide, env(&catalog)));
    assert_eq!(made, 0, "the answers did not change");
    let stepped = stepped.expect("changes");
    let next = stepped.view.expect("a view").expect("plans");
    assert!(next.same_form(&view), "the form is shared");
    assert_ne!(next.materials, TaskStatus::NotStarted);
    assert_eq!(*next, stepped.state.application().expect("open").view(&catalog, today()).expect("plans"));
    assert_eq!(view.materials, TaskStatus::NotStarted);
    let _: MaterialId = material;
}

#[test]
fn every_view_along_a_journey_equals_one_made_from_scratch() {
    let catalog = demo_catalog();
    let (mut state, first) = opened(&catalog);
    let mut view = Some(first);
    let actions = [
        Action::Continue,
        answer("applicant.name", "张三"),
        answer("applicant.id_number", "110105194912310021"),
        Action::LeaveField(FieldId::new("applicant.id_number")),
        answer("applicant.id_number", "11010519491231002X"),
        answer("applicant.mobile", "13800138000"),
        Action::Continue,
        Action::GoTo(Page::Materials),
        Action::GoTo(Page::Home),
        Action::OpenDraft(state.drafts[0].id.clone()),
        answer("applicant.mobile", ""),
        Action::GoTo(Page::Review),
    ];
    for action in actions {
        let Some(stepped) = step(&state, view.as_ref(), action.clone(), env(&catalog)) else { continue };
        state = stepped.state;
        view = stepped.view;
        let expected: Option<Result<DraftView, _>> =
            state.application().map(|application| application.view(&catalog, today()));
        let got = view.clone().map(|view| view.map(|view| DraftView::clone(&view)));
        assert_eq!(got, expected, "after {action:?}");
    }
}

/// The fields whose answers were parsed while `run` ran, in order.
fn parsed_while(run: impl FnOnce()) -> Vec<FieldId> {
    crate::validate::PARSED.with(|parsed| parsed.borrow_mut().clear());
    run();
    crate::validate::PARSED.with(|parsed| parsed.take())
}

#[test]
fn an_answer_parses_each_answer_once_for_the_plan_and_the_checks_alike() {
    // A bundle whose conditions read the same answers many times over (the agent's fields, the
    // large premises' item and materials, the tenure's materials), with a derived birth date.
    let catalog = crate::fixture::restaurant_catalog();
    let started =
        step(&State::default(), None, Action::StartDraft(BundleId::new(crate::fixture::RESTAURANT)), env(&catalog))
            .expect("starts");
    let (mut state, mut view) = (started.state, started.view);
    let answers = [
        ("premises.tenure", "rented"),
        ("application.by_agent", "yes"),
        ("premises.large", "yes"),
        ("applicant.name", "张三"),
        ("applicant.id_number", "11010519491231002X"),
        ("agent.name", "李四"),
    ];
    for (field, value) in answers {
        let stepped = step(&state, view.as_ref(), answer(field, value), env(&catalog)).expect("changes");
        (state, view) = (stepped.state, stepped.view);
    }
    // From scratch: every answer parsed once, for the conditions and the checks alike.
    let application = state.application().expect("open").clone();
    let parsed = parsed_while(|| drop(application.view(&catalog, today())));
    let mut once = parsed.clone();
    once.sort();
    once.dedup();
    assert_eq!(parsed.len(), once.len(), "no answer is parsed twice: {parsed:?}");
    for (field, _) in answers {
        assert!(once.contains(&FieldId::new(field)), "every answer is checked: {field} in {parsed:?}");
    }
    // After a keystroke: only the answer it changed.
    let mut stepped = None;
    let parsed =
        parsed_while(|| stepped = step(&state, view.as_ref(), answer("applicant.name", "王五"), env(&catalog)));
    assert_eq!(parsed, [FieldId::new("applicant.name")], "one keystroke parses one answer");
    let stepped = stepped.expect("the answer changes the state");
    let fresh = stepped.state.application().expect("open").view(&catalog, today()).expect("plans");
    assert_eq!(*stepped.view.expect("a view").expect("plans"), fresh, "and the view is the one made from scratch");
}

#[test]
fn the_snapshot_is_kept_while_the_plan_asks_the_same_and_renewed_when_it_does_not() {
    let catalog = crate::fixture::restaurant_catalog();
    let start = Action::StartDraft(BundleId::new(crate::fixture::RESTAURANT));
    let started = step(&State::default(), None, start, env(&catalog)).expect("starts");
    let seen = |state: &State| state.application().and_then(|draft| draft.seen.clone()).expect("a snapshot");
    let named =
        step(&started.state, started.view.as_ref(), answer("applicant.name", "张三"), env(&catalog)).expect("changes");
    assert!(Rc::ptr_eq(&seen(&started.state), &seen(&named.state)), "a name asks nothing new: the snapshot is kept");
    let large =
        step(&named.state, named.view.as_ref(), answer("premises.large", "yes"), env(&catalog)).expect("changes");
    let view = large.view.expect("a view").expect("plans");
    assert!(!seen(&named.state).is_of(&catalog, view.plan()), "the large premises bring in an item");
    assert_eq!(*seen(&large.state), crate::catalog_change::Snapshot::of(&catalog, view.plan()), "so it is renewed");
}
