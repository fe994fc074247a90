//! What the pages of the open draft show (页面视图), derived from the state once after each
//! change: the plan, every field error, how far each section and the materials are, and the
//! verdict. The shell keeps it beside the state; pages read it and never plan or check for
//! themselves. [`crate::session::step`] builds it, and reuses what an action did not touch: the
//! form (plan, errors, statuses) while the answers stay the same, all of it while the materials
//! do too.

use std::rc::Rc;

use crate::catalog::{BundleId, Catalog, FieldId};
use crate::date::Date;
use crate::journey::{self, Page, TaskStatus};
use crate::plan::{typed_field_errors, Answers, Earlier, Parsed, Plan, PlanError, TypedAnswers};
use crate::provision::Provisions;
use crate::validate::FieldError;
use crate::verdict::{verdict_of, Verdict};

/// The view of the open draft, or why its plan could not be made (the catalog refers to
/// something it lacks), as the shell keeps it.
pub type Derived = Result<Rc<DraftView>, PlanError>;

/// The derived view of one draft that could be planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftView {
    /// What depends on the answers alone.
    form: Rc<FormView>,
    /// How far the materials are, for the task list.
    pub materials: TaskStatus,
    /// The pre-check's verdict.
    pub verdict: Verdict,
}

/// What depends on the draft's bundle and answers: shared by every view until they change.
#[derive(Debug, Clone)]
struct FormView {
    plan: Plan,
    /// Every error of the questions and the form, in the order asked, shown yet or not.
    errors: Vec<(FieldId, FieldError)>,
    /// How far each section of the form is, in form order.
    sections: Vec<(String, TaskStatus)>,
    /// The answers as parsed for this form, and on which day: the next change parses again
    /// only those whose text it changes.
    parsed: Parsed,
    today: Date,
}

/// Two forms are the same when they show the same; how they were worked out does not count.
impl PartialEq for FormView {
    fn eq(&self, other: &FormView) -> bool {
        (&self.plan, &self.errors, &self.sections) == (&other.plan, &other.errors, &other.sections)
    }
}

impl Eq for FormView {}

impl FormView {
    /// Each answer parsed once, for the plan's conditions and the form's checks alike.
    fn new(catalog: &Catalog, bundle: &BundleId, typed: TypedAnswers<'_>) -> Result<FormView, PlanError> {
        let plan = Plan::from_typed(catalog, bundle, &typed)?;
        let errors = typed_field_errors(&plan, &typed);
        let sections = journey::statuses_of(&plan, typed.answers(), &errors);
        let today = typed.today();
        Ok(FormView { plan, errors, sections, parsed: typed.into_parsed(), today })
    }
}

impl DraftView {
    /// Derives everything, from scratch or following `earlier` (the view of the same bundle's
    /// answers before this change, and those answers): the answers they share are not parsed
    /// again.
    pub fn new(
        catalog: &Catalog,
        bundle: &BundleId,
        answers: &Answers,
        provisions: &Provisions,
        today: Date,
        earlier: Option<(&DraftView, &Answers)>,
    ) -> Result<Self, PlanError> {
        let typed = match earlier {
            Some((view, earlier)) => {
                let earlier = Earlier { answers: earlier, parsed: &view.form.parsed, today: view.form.today };
                TypedAnswers::after(catalog, answers, today, earlier)
            }
            None => TypedAnswers::new(catalog, answers, today),
        };
        let form = Rc::new(FormView::new(catalog, bundle, typed)?);
        Ok(DraftView::with_form(form, catalog, provisions, today))
    }

    /// Derives the materials' part again on the form of `self` (its answers unchanged).
    pub fn with_provisions(&self, catalog: &Catalog, provisions: &Provisions, today: Date) -> Self {
        DraftView::with_form(Rc::clone(&self.form), catalog, provisions, today)
    }

    fn with_form(form: Rc<FormView>, catalog: &Catalog, provisions: &Provisions, today: Date) -> Self {
        let plan = &form.plan;
        let provided = plan
            .checklist
            .iter()
            .filter(|entry| provisions.get(&entry.material.id).is_some_and(|how| how.is_complete()))
            .count();
        let materials = match provided {
            0 if !plan.checklist.is_empty() => TaskStatus::NotStarted,
            n if n < plan.checklist.len() => TaskStatus::InProgress,
            _ => TaskStatus::Completed,
        };
        let verdict = verdict_of(catalog, plan, &form.errors, provisions, today);
        DraftView { form, materials, verdict }
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.form.plan
    }

    /// Every error of the questions and the form, in the order asked, shown yet or not.
    pub fn errors(&self) -> &[(FieldId, FieldError)] {
        &self.form.errors
    }

    /// The error of one field, if it has one.
    pub fn error(&self, field: &FieldId) -> Option<&FieldError> {
        self.form.errors.iter().find(|(id, _)| id == field).map(|(_, error)| error)
    }

    /// The errors of the fields of one section, in form order.
    pub fn section_errors(&self, section: &str) -> Vec<&(FieldId, FieldError)> {
        journey::errors_in_section(&self.form.plan, &self.form.errors, section)
    }

    /// How far each section of the form is, in form order.
    pub fn sections(&self) -> &[(String, TaskStatus)] {
        &self.form.sections
    }

    /// Where continuing from a complete section leads: the next section not complete, and once
    /// the whole form is, on to the materials (or the check, when they are done too), never
    /// back to the task list (issue 14).
    pub fn after_section(&self, section: &str) -> Page {
        match journey::next_section(&self.form.sections, section) {
            Page::Tasks if self.materials == TaskStatus::Completed => Page::Review,
            Page::Tasks => Page::Materials,
            next => next,
        }
    }

    /// Whether two views share their form (the answers did not change between them).
    pub fn same_form(&self, other: &DraftView) -> bool {
        Rc::ptr_eq(&self.form, &other.form)
    }
}

#[cfg(test)]
#[path = "view_tests.rs"]
mod tests;
