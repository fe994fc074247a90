//! Answers as the plan reads them (答案): typed once valid, derived from an ID number where a
//! field takes its value from one, checked against each field's kind, constraints and cross
//! checks, and the truth of a condition over them.

use super::typed::TypedAnswers;
use super::{Answers, Plan};
use crate::catalog::{Catalog, Condition, CrossCheck, Field, FieldId};
use crate::cond::{evaluate, Truth};
use crate::date::Date;
use crate::text::Text;
use crate::validate::{CheckedAnswer, FieldError, Value};

/// The answer a condition sees for a field: the valid typed answer, or the value derived
/// from an ID number when the field is derived and unanswered.
pub fn typed_answer(catalog: &Catalog, answers: &Answers, field_id: &FieldId, today: Date) -> Option<Value> {
    TypedAnswers::new(catalog, answers, today).value(answers, field_id)
}

/// What a field shows: the applicant's answer, or, while there is none, the value derived
/// from an ID number (a birth date, a sex), which the applicant may still change where the
/// catalog allows.
pub fn shown_answer(catalog: &Catalog, answers: &Answers, field: &Field, today: Date) -> String {
    TypedAnswers::new(catalog, answers, today).shown(field)
}

/// The value a derived field takes from its source ID number, as text in the field's format.
pub fn derived_value(catalog: &Catalog, answers: &Answers, field: &Field, today: Date) -> Option<String> {
    TypedAnswers::new(catalog, answers, today).derived_text(answers, field)
}

/// Every error of the situation questions and the combined form, in the order asked: each
/// answer against its field's kind and constraints, then against the checks across answers
/// (the field's own, then those of the bundle that name it as the answer to change). A check
/// that cannot be decided yet (it reads an unanswered field) is not an error.
pub fn field_errors(catalog: &Catalog, plan: &Plan, answers: &Answers, today: Date) -> Vec<(FieldId, FieldError)> {
    typed_field_errors(plan, &TypedAnswers::new(catalog, answers, today))
}

/// [`field_errors`] over answers parsed already (those the plan was made from).
pub fn typed_field_errors(plan: &Plan, typed: &TypedAnswers<'_>) -> Vec<(FieldId, FieldError)> {
    let (answers, today) = (typed.answers(), typed.today());
    let bundle = typed.catalog().bundle(&plan.bundle);
    let lookup = |id: &FieldId| typed.value(answers, id);
    let questions = plan.questions.iter().map(|question| (&question.field, question.field.required));
    let fields = plan.fields().map(|planned| (&planned.field, planned.required));
    questions
        .chain(fields)
        .filter_map(|(field, required)| {
            let answer = answers.get(&field.id).map(String::as_str).unwrap_or_default();
            if let Err(error) = typed.checked(field, required) {
                return Some((field.id.clone(), error));
            }
            if crate::validate::is_blank_answer(answer) {
                return None;
            }
            let bundle_checks = bundle.iter().flat_map(|bundle| &bundle.checks).filter(|check| check.field == field.id);
            field
                .checks
                .iter()
                .chain(bundle_checks.map(|check| &check.check))
                .find(|check| evaluate(&check.rule.expr, &lookup, today) == Truth::False)
                .map(|check| {
                    let answers = check_answers(typed, field, check);
                    (field.id.clone(), FieldError::CrossCheckFailed { message: check.message.clone(), answers })
                })
        })
        .collect()
}

/// The answers a failed check read, this field's first, each as the applicant gave it (a
/// choice in its words; a derived value as derived).
fn check_answers(typed: &TypedAnswers<'_>, field: &Field, check: &CrossCheck) -> Vec<CheckedAnswer> {
    let read = check.rule.expr.fields();
    let others =
        read.into_iter().filter(|id| **id != field.id).filter_map(|id| typed.catalog().field(id).map(|field| &**field));
    std::iter::once(field)
        .chain(others)
        .map(|field| {
            let text = crate::validate::chars::trim_answer(&typed.shown(field)).to_owned();
            let answer = field.choice_label(&text).unwrap_or_else(|| Text::new(text.clone(), text));
            CheckedAnswer { label: field.label.clone(), answer }
        })
        .collect()
}

/// The truth of a condition. One left waiting only for fields in `never` (which this
/// situation cannot ask) is false.
pub(super) fn truth_of(
    condition: Option<&Condition>,
    typed: &TypedAnswers<'_>,
    answers: &Answers,
    never: &[FieldId],
) -> Truth {
    let Some(condition) = condition else { return Truth::True };
    let answer = |field: &FieldId| typed.value(answers, field);
    match evaluate(&condition.expr, &answer, typed.today()) {
        Truth::Unknown
            if condition.expr.fields().iter().any(|field| never.contains(field))
                && waiting_for(Some(condition), typed, answers, never).is_empty() =>
        {
            Truth::False
        }
        truth => truth,
    }
}

/// The unanswered fields a condition reads, but for those in `never`.
pub(super) fn waiting_for(
    condition: Option<&Condition>,
    typed: &TypedAnswers<'_>,
    answers: &Answers,
    never: &[FieldId],
) -> Vec<FieldId> {
    condition
        .map(|condition| {
            condition
                .expr
                .fields()
                .into_iter()
                .filter(|field| !never.contains(field) && typed.value(answers, field).is_none())
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}
