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
use crate::plan::{field_errors, Answers, Plan, PlanError};
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
#[derive(Debug, Clone, PartialEq, Eq)]
struct FormView {
    plan: Plan,
    /// Every error of the questions and the form, in the order asked, shown yet or not.
    errors: Vec<(FieldId, FieldError)>,
    /// How far each section of the form is, in form order.
    sections: Vec<(String, TaskStatus)>,
}

impl FormView {
    fn new(catalog: &Catalog, bundle: &BundleId, answers: &Answers, today: Date) -> Result<FormView, PlanError> {
        let plan = Plan::new(catalog, bundle, answers, today)?;
        let errors = field_errors(catalog, &plan, answers, today);
        let sections = journey::statuses_of(&plan, answers, &errors);
        Ok(FormView { plan, errors, sections })
    }
}

impl DraftView {
    /// Derives everything from scratch.
    pub fn new(
        catalog: &Catalog,
        bundle: &BundleId,
        answers: &Answers,
        provisions: &Provisions,
        today: Date,
    ) -> Result<Self, PlanError> {
        let form = Rc::new(FormView::new(catalog, bundle, answers, today)?);
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

    /// Where continuing from a complete section leads.
    pub fn after_section(&self, section: &str) -> Page {
        journey::next_section(&self.form.sections, section)
    }

    /// Whether two views share their form (the answers did not change between them).
    pub fn same_form(&self, other: &DraftView) -> bool {
        Rc::ptr_eq(&self.form, &other.form)
    }
}

#[cfg(test)]
#[path = "view_tests.rs"]
mod tests;
