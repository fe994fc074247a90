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
