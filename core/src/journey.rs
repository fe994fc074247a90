//! The applicant's way through a draft (办理流程): one situation question per page, the
//! one-time notice, the task list of the form's sections, the materials and the check of
//! everything. Which page comes next, which comes before, how far each task is, and the walk
//! through what a changed answer brought in, all computed from the plan.

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, FieldId, MaterialId};
use crate::date::Date;
use crate::plan::{field_errors, Answers, Plan};
use crate::validate::FieldError;

/// The screen the applicant is on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    /// Choose a bundle, or continue a draft (首页). (The catalog page, once a page of the app,
    /// is now a page of its own: a draft saved on it opens at home.)
    #[default]
    #[serde(alias = "catalog_file")]
    Home,
    /// One situation question (情形), one per page.
    Question(FieldId),
    /// The one-time notice (一次性告知): items and materials, before any typing.
    #[serde(alias = "checklist")]
    Notice,
    /// The task list of the combined form (一表填报): its sections, the materials, the check.
    #[serde(alias = "form")]
    Tasks,
    /// One section of the combined form.
    Section(String),
    /// How each material is provided (材料).
    Materials,
    /// Check your answers, with the verdict of the pre-check (预审结果).
    Review,
}

impl Page {
    /// Pages that show a draft; without one they fall back to the home page.
    pub fn needs_application(&self) -> bool {
        !matches!(self, Page::Home)
    }
}

/// How far one task of the task list is (GOV.UK task list statuses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskStatus {
    /// Nothing answered yet.
    NotStarted,
    /// Something answered, something still missing or wrong.
    InProgress,
    /// Every answer present and valid.
    Completed,
}

/// The page after the situation questions when every one is answered: the first unanswered
/// question, else the one-time notice.
pub fn first_page(plan: &Plan) -> Page {
    plan.questions
        .iter()
        .find(|question| !question.answered)
        .map_or(Page::Notice, |question| Page::Question(question.field.id.clone()))
}

/// The question after `question` in the plan's order (questions may have appeared or gone
/// with its answer), or the notice after the last.
pub fn after_question(plan: &Plan, question: &FieldId) -> Page {
    let position = plan.questions.iter().position(|planned| &planned.field.id == question);
    let later = position.map_or(0, |index| index + 1);
    plan.questions.get(later).map_or_else(|| first_page(plan), |next| Page::Question(next.field.id.clone()))
}

/// Where the back link of a page leads.
pub fn back_from(plan: &Plan, page: &Page) -> Page {
    let last_question = || plan.questions.last().map_or(Page::Home, |q| Page::Question(q.field.id.clone()));
    match page {
        Page::Question(question) => {
            let position = plan.questions.iter().position(|planned| &planned.field.id == question);
            match position {
                Some(index) if index > 0 => Page::Question(plan.questions[index - 1].field.id.clone()),
                _ => Page::Home,
            }
        }
        Page::Notice => last_question(),
        Page::Tasks => Page::Notice,
        Page::Section(_) | Page::Materials | Page::Review => Page::Tasks,
        Page::Home => Page::Home,
    }
}

/// The errors of the fields of one section of the form.
pub fn section_errors(
    catalog: &Catalog,
    plan: &Plan,
    answers: &Answers,
    section: &str,
    today: Date,
) -> Vec<(FieldId, FieldError)> {
    errors_in_section(plan, &field_errors(catalog, plan, answers, today), section).into_iter().cloned().collect()
}

/// Of the errors of the whole form, those of the fields of one section, in form order.
pub fn errors_in_section<'e>(
    plan: &Plan,
    errors: &'e [(FieldId, FieldError)],
    section: &str,
) -> Vec<&'e (FieldId, FieldError)> {
    let Some(fields) = plan.sections.iter().find(|s| s.id == section).map(|s| &s.fields) else {
        return Vec::new();
    };
    errors.iter().filter(|(id, _)| fields.iter().any(|planned| &planned.field.id == id)).collect()
}

/// How far a section of the form is.
pub fn section_status(catalog: &Catalog, plan: &Plan, answers: &Answers, section: &str, today: Date) -> TaskStatus {
    let errors = field_errors(catalog, plan, answers, today);
    status_of(plan, answers, &errors, section)
}

/// How far each section of the form is, in form order, from the errors of the whole form.
pub fn statuses_of(plan: &Plan, answers: &Answers, errors: &[(FieldId, FieldError)]) -> Vec<(String, TaskStatus)> {
    plan.sections.iter().map(|s| (s.id.clone(), status_of(plan, answers, errors, &s.id))).collect()
}

/// A section's status from the errors of the whole form.
fn status_of(plan: &Plan, answers: &Answers, errors: &[(FieldId, FieldError)], section: &str) -> TaskStatus {
    let Some(fields) = plan.sections.iter().find(|s| s.id == section).map(|s| &s.fields) else {
        return TaskStatus::NotStarted;
    };
    let answered = fields.iter().any(|planned| answers.get(&planned.field.id).is_some_and(|v| !v.trim().is_empty()));
    if errors_in_section(plan, errors, section).is_empty() {
        TaskStatus::Completed
    } else if answered {
        TaskStatus::InProgress
    } else {
        TaskStatus::NotStarted
    }
}

/// After a section is done, from the statuses of every section (in form order): the next one
/// not complete (after it, then from the top), else the task list.
pub fn next_section(statuses: &[(String, TaskStatus)], section: &str) -> Page {
    let position = statuses.iter().position(|(id, _)| id == section).map_or(0, |index| index + 1);
    let order = statuses.iter().skip(position).chain(statuses.iter().take(position));
    order
        .filter(|(id, _)| id != section)
        .find(|(_, status)| *status != TaskStatus::Completed)
        .map_or(Page::Tasks, |(id, _)| Page::Section(id.clone()))
}

/// The section that asks a field, for a "change" link or an error that points at it.
pub fn section_of(plan: &Plan, field: &FieldId) -> Option<String> {
    plan.sections
        .iter()
        .find(|section| section.fields.iter().any(|planned| &planned.field.id == field))
        .map(|section| section.id.clone())
}

/// Whether `page` is a page of a draft with this plan: a question it asks, a section of its
/// form, or one of the pages every draft has. An address naming anything else (a field that is
/// not a question, a section the form lacks) has no page to show.
pub fn exists(plan: &Plan, page: &Page) -> bool {
    match page {
        Page::Question(field) => plan.questions.iter().any(|question| &question.field.id == field),
        Page::Section(section) => plan.sections.iter().any(|planned| &planned.id == section),
        Page::Home | Page::Notice | Page::Tasks | Page::Materials | Page::Review => true,
    }
}

/// The page where a field is answered: its question page or its section.
pub fn page_of_field(plan: &Plan, field: &FieldId) -> Option<Page> {
    if plan.questions.iter().any(|question| &question.field.id == field) {
        return Some(Page::Question(field.clone()));
    }
    section_of(plan, field).map(Page::Section)
}

/// What the plan asked before a situation answer was changed from the check page, so that
/// what the change brought in can be walked through before going back there.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Walk {
    // Lists in plan order (a set would bring a sort into the first load for each type; the
    // draft's JSON is the same array either way).
    pub questions_before: Vec<FieldId>,
    pub fields_before: Vec<FieldId>,
    pub materials_before: Vec<MaterialId>,
    /// Pages already shown during the walk.
    #[serde(default)]
    pub shown: Vec<Page>,
}

impl Walk {
    /// Remembers what `plan` asks now.
    pub fn before(plan: &Plan) -> Walk {
        Walk {
            questions_before: plan.questions.iter().map(|q| q.field.id.clone()).collect(),
            fields_before: plan.fields().map(|f| f.field.id.clone()).collect(),
            materials_before: plan.checklist.iter().map(|entry| entry.material.id.clone()).collect(),
            shown: Vec::new(),
        }
    }

    /// The next page of the walk: a question the change brought in, then each section with a
    /// new field, then the materials if any is new, and at last the check page.
    pub fn next(&self, plan: &Plan) -> Page {
        let unseen = |page: &Page| !self.shown.contains(page);
        let new_question = plan
            .questions
            .iter()
            .map(|q| Page::Question(q.field.id.clone()))
            .filter(|page| matches!(page, Page::Question(id) if !self.questions_before.contains(id)))
            .find(unseen);
        if let Some(page) = new_question {
            return page;
        }
        let new_section = plan
            .sections
            .iter()
            .filter(|section| section.fields.iter().any(|f| !self.fields_before.contains(&f.field.id)))
            .map(|section| Page::Section(section.id.clone()))
            .find(unseen);
        if let Some(page) = new_section {
            return page;
        }
        let new_material = plan.checklist.iter().any(|entry| !self.materials_before.contains(&entry.material.id));
        if new_material && unseen(&Page::Materials) {
            return Page::Materials;
        }
        Page::Review
    }
}
