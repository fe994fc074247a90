//! The application state (办理进度) and its reducer. The shell dispatches [`Action`]s, stores
//! the result and renders it; nothing here touches a browser.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::catalog::{BundleId, Catalog, FieldId};
use crate::date::Date;
use crate::plan::{field_errors, Plan, PlanError};
use crate::text::Lang;
use crate::validate::FieldError;

/// The screen the applicant is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    /// Choose a bundle (首页).
    #[default]
    Home,
    /// The combined form (一表填报).
    Form,
    /// The one-time checklist (一次性告知材料清单).
    Checklist,
    /// Loading a catalog file (加载目录，管理员用).
    CatalogFile,
}

impl Page {
    /// Pages that show an application; without one they fall back to the home page.
    pub fn needs_application(self) -> bool {
        matches!(self, Page::Form | Page::Checklist)
    }
}

/// One application in progress: a bundle and what has been typed for it (草稿).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub bundle: BundleId,
    pub answers: BTreeMap<FieldId, String>,
    /// Fields the applicant has left at least once: their format errors may show.
    #[serde(default)]
    pub visited: BTreeSet<FieldId>,
    /// Set once the applicant tried to continue: every error shows, with a summary.
    #[serde(default)]
    pub show_all_errors: bool,
}

impl Application {
    pub fn new(bundle: BundleId) -> Self {
        Application { bundle, answers: BTreeMap::new(), visited: BTreeSet::new(), show_all_errors: false }
    }

    pub fn answer(&self, field: &FieldId) -> &str {
        self.answers.get(field).map(String::as_str).unwrap_or_default()
    }

    /// Every error of the form, in form order, whether shown yet or not.
    pub fn errors(&self, catalog: &Catalog, plan: &Plan, today: Date) -> Vec<(FieldId, FieldError)> {
        field_errors(catalog, plan, &self.answers, today)
    }

    /// The plan for this application's answers.
    pub fn plan(&self, catalog: &Catalog, today: Date) -> Result<Plan, PlanError> {
        Plan::new(catalog, &self.bundle, &self.answers, today)
    }

    /// The error to show beside a field now, following the rule "never while typing": an
    /// unfinished value (too short, empty) waits until the applicant leaves the field, and an
    /// empty one until they continue; an error that more typing cannot fix shows at once.
    pub fn visible_error(&self, error: &FieldError, field: &FieldId) -> bool {
        if self.show_all_errors {
            return true;
        }
        match error {
            FieldError::Required => false,
            other if other.is_incomplete() => self.visited.contains(field),
            _ => true,
        }
    }
}

/// Everything the screen shows, and what a draft saves.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct State {
    pub lang: Lang,
    pub page: Page,
    pub application: Option<Application>,
    /// Counts failed attempts to continue, so the shell can move focus to the error summary
    /// each time, even when the errors are the same.
    #[serde(default)]
    pub failed_continues: u32,
}

/// What the applicant did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Switch the language; nothing else changes.
    SetLang(Lang),
    /// Start (or go back to) the application for a bundle, on its form.
    OpenBundle(BundleId),
    /// Show another page. Pages that need an application fall back to the home page.
    GoTo(Page),
    /// The value of a field changed.
    Answer { field: FieldId, value: String },
    /// The applicant left a field.
    LeaveField(FieldId),
    /// Continue from the form: to the checklist when it is complete, else show every error.
    Continue,
    /// Throw the application away and go home.
    Discard,
}

/// What the reducer needs to know besides the state.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    pub catalog: &'a Catalog,
    pub today: Date,
}

/// Applies an action. Returns `None` when nothing changed, so the shell can skip a re-render.
pub fn reduce(state: &State, action: Action, env: Env<'_>) -> Option<State> {
    let mut next = state.clone();
    match action {
        Action::SetLang(lang) => next.lang = lang,
        Action::OpenBundle(bundle) => {
            env.catalog.bundle(&bundle)?;
            match &next.application {
                Some(application) if application.bundle == bundle => {}
                // Never silently replace an application that has answers: it must be finished
                // or deleted first (the home page says so).
                Some(application) if !application.answers.is_empty() => return None,
                _ => next.application = Some(Application::new(bundle)),
            }
            next.page = Page::Form;
        }
        Action::GoTo(page) => {
            next.page = if page.needs_application() && next.application.is_none() { Page::Home } else { page };
        }
        Action::Answer { field, value } => {
            let application = next.application.as_mut()?;
            if application.answer(&field) == value {
                return None;
            }
            if value.is_empty() {
                application.answers.remove(&field);
            } else {
                application.answers.insert(field, value);
            }
        }
        Action::LeaveField(field) => {
            let application = next.application.as_mut()?;
            application.visited.insert(field);
        }
        Action::Continue => {
            let application = next.application.as_mut()?;
            let plan = application.plan(env.catalog, env.today).ok()?;
            if application.errors(env.catalog, &plan, env.today).is_empty() {
                application.show_all_errors = false;
                next.page = Page::Checklist;
            } else {
                application.show_all_errors = true;
                next.failed_continues += 1;
            }
        }
        Action::Discard => {
            next.application = None;
            next.page = Page::Home;
        }
    }
    (next != *state).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{demo_catalog, ENTERPRISE_OPENING};
    use crate::validate::IdNumberError;

    fn today() -> Date {
        Date::from_ymd(2026, 11, 22).expect("valid")
    }

    fn run(catalog: &Catalog, actions: impl IntoIterator<Item = Action>) -> State {
        actions.into_iter().fold(State::default(), |state, action| {
            reduce(&state, action, Env { catalog, today: today() }).unwrap_or(state)
        })
    }

    fn answer(field: &str, value: &str) -> Action {
        Action::Answer { field: FieldId::new(field), value: value.into() }
    }

    fn open() -> Action {
        Action::OpenBundle(BundleId::new(ENTERPRISE_OPENING))
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
    fn opening_a_bundle_starts_an_application_on_the_form() {
        let catalog = demo_catalog();
        let state = run(&catalog, [open()]);
        assert_eq!(state.page, Page::Form);
        assert_eq!(state.application.map(|a| a.bundle), Some(BundleId::new(ENTERPRISE_OPENING)));
        let unknown = run(&catalog, [Action::OpenBundle(BundleId::new("nope"))]);
        assert_eq!(unknown, State::default());
    }

    #[test]
    fn reopening_the_same_bundle_keeps_the_answers() {
        let catalog = demo_catalog();
        let state = run(&catalog, [open(), answer("applicant.name", "张三"), Action::GoTo(Page::Home), open()]);
        assert_eq!(state.application.expect("kept").answer(&FieldId::new("applicant.name")), "张三");
    }

    #[test]
    fn another_bundle_never_replaces_an_application_with_answers() {
        let mut catalog = demo_catalog();
        let mut other = catalog.bundles[0].clone();
        other.id = BundleId::new("other");
        catalog.bundles.push(other);
        let open_other = || Action::OpenBundle(BundleId::new("other"));
        let kept = run(&catalog, [open(), answer("applicant.name", "张三"), Action::GoTo(Page::Home), open_other()]);
        assert_eq!(kept.page, Page::Home, "refused: nothing changes");
        assert_eq!(kept.application.expect("kept").answer(&FieldId::new("applicant.name")), "张三");
        let empty = run(&catalog, [open(), Action::GoTo(Page::Home), open_other()]);
        assert_eq!(empty.application.map(|a| a.bundle), Some(BundleId::new("other")), "an empty one may be replaced");
    }

    #[test]
    fn pages_that_need_an_application_fall_back_home() {
        let state = run(&demo_catalog(), [Action::GoTo(Page::Checklist)]);
        assert_eq!(state.page, Page::Home);
        let state = run(&demo_catalog(), [Action::GoTo(Page::CatalogFile)]);
        assert_eq!(state.page, Page::CatalogFile, "loading a catalog needs no application");
    }

    #[test]
    fn an_unchanged_answer_reports_no_change() {
        let catalog = demo_catalog();
        let state = run(&catalog, [open(), answer("applicant.name", "张三")]);
        assert_eq!(reduce(&state, answer("applicant.name", "张三"), Env { catalog: &catalog, today: today() }), None);
        assert_eq!(reduce(&state, Action::SetLang(Lang::Zh), Env { catalog: &catalog, today: today() }), None);
    }

    #[test]
    fn continue_with_errors_stays_and_shows_them_all() {
        let catalog = demo_catalog();
        let state = run(&catalog, [open(), answer("applicant.id_number", "110105194912310021"), Action::Continue]);
        assert_eq!(state.page, Page::Form);
        assert_eq!(state.failed_continues, 1);
        let application = state.application.expect("present");
        assert!(application.show_all_errors);
        let plan = application.plan(&catalog, today()).expect("plans");
        let errors = application.errors(&catalog, &plan, today());
        assert_eq!(errors.len(), 6);
        assert_eq!(
            errors[1],
            (
                FieldId::new("applicant.id_number"),
                FieldError::IdNumber(IdNumberError::WrongCheckCharacter { expected: 'X', found: '1' })
            )
        );
    }

    #[test]
    fn continue_with_a_complete_form_goes_to_the_checklist() {
        let catalog = demo_catalog();
        let mut actions = vec![open()];
        actions.extend(complete_answers());
        actions.push(Action::Continue);
        let state = run(&catalog, actions);
        assert_eq!(state.page, Page::Checklist);
        assert_eq!(state.failed_continues, 0);
    }

    #[test]
    fn errors_wait_until_they_cannot_be_mistaken_for_unfinished_typing() {
        let catalog = demo_catalog();
        let id = FieldId::new("applicant.id_number");
        let short = FieldError::IdNumber(IdNumberError::TooShort { length: 5 });
        let wrong = FieldError::IdNumber(IdNumberError::WrongCheckCharacter { expected: 'X', found: '1' });

        let typing = run(&catalog, [open(), answer("applicant.id_number", "11010")]).application.expect("present");
        assert!(!typing.visible_error(&short, &id));
        assert!(typing.visible_error(&wrong, &id));
        assert!(!typing.visible_error(&FieldError::Required, &id));

        let left = run(&catalog, [open(), answer("applicant.id_number", "11010"), Action::LeaveField(id.clone())])
            .application
            .expect("present");
        assert!(left.visible_error(&short, &id));
        assert!(!left.visible_error(&FieldError::Required, &id));

        let continued = run(&catalog, [open(), Action::Continue]).application.expect("present");
        assert!(continued.visible_error(&FieldError::Required, &id));
    }

    #[test]
    fn clearing_a_field_removes_the_answer_and_discard_forgets_everything() {
        let catalog = demo_catalog();
        let state = run(&catalog, [open(), answer("applicant.name", "张三"), answer("applicant.name", "")]);
        assert!(state.application.as_ref().expect("present").answers.is_empty());
        let state = run(&catalog, [open(), answer("applicant.name", "张三"), Action::Discard]);
        assert_eq!(state.application, None);
        assert_eq!(state.page, Page::Home);
    }
}
