//! Answers as the plan reads them (答案): typed once valid, derived from an ID number where a
//! field takes its value from one, checked against each field's kind, constraints and cross
//! checks, and the truth of a condition over them.

use super::{Answers, Plan};
use crate::catalog::{Catalog, Condition, Derivation, Field, FieldId};
use crate::cond::{evaluate, Truth};
use crate::date::Date;
use crate::decimal::Decimal;
use crate::validate::{check_value, parse_value, FieldError, Sex, Value};

/// The answer a condition sees for a field: the valid typed answer, or the value derived
/// from an ID number when the field is derived and unanswered.
pub fn typed_answer(catalog: &Catalog, answers: &Answers, field_id: &FieldId, today: Date) -> Option<Value> {
    let field = catalog.field(field_id)?;
    if let Some(text) = answers.get(field_id).filter(|text| !crate::validate::is_blank_answer(text)) {
        return parse_value(field, text, today).ok().flatten();
    }
    derived_value(catalog, answers, field, today).and_then(|text| parse_value(field, &text, today).ok().flatten())
}

/// What a field shows: the applicant's answer, or, while there is none, the value derived
/// from an ID number (a birth date, a sex), which the applicant may still change where the
/// catalog allows.
pub fn shown_answer(catalog: &Catalog, answers: &Answers, field: &Field, today: Date) -> String {
    match answers.get(&field.id).filter(|text| !crate::validate::is_blank_answer(text)) {
        Some(answer) => answer.clone(),
        None => derived_value(catalog, answers, field, today).unwrap_or_default(),
    }
}

/// The value a derived field takes from its source ID number, as text in the field's format.
pub fn derived_value(catalog: &Catalog, answers: &Answers, field: &Field, today: Date) -> Option<String> {
    let derived = field.derived.as_ref()?;
    let Some(Value::IdNumber(id)) = typed_answer(catalog, answers, &derived.from, today) else {
        return None;
    };
    Some(match derived.derivation {
        Derivation::BirthDate => id.birth_date().to_string(),
        Derivation::Sex => if id.sex() == Sex::Male { "male" } else { "female" }.to_owned(),
        Derivation::Age => Decimal::from_integer(i64::from(id.age_on(today))).to_string(),
    })
}

/// Every error of the situation questions and the combined form, in the order asked: each
/// answer against its field's kind and constraints, then against the field's cross-field checks. A check that cannot be decided
/// yet (it reads an unanswered field) is not an error.
pub fn field_errors(catalog: &Catalog, plan: &Plan, answers: &Answers, today: Date) -> Vec<(FieldId, FieldError)> {
    let lookup = |id: &FieldId| typed_answer(catalog, answers, id, today);
    let questions = plan.questions.iter().map(|question| (&question.field, question.field.required));
    let fields = plan.fields().map(|planned| (&planned.field, planned.required));
    questions
        .chain(fields)
        .filter_map(|(field, required)| {
            let answer = answers.get(&field.id).map(String::as_str).unwrap_or_default();
            let checked = if required == field.required {
                check_value(field, answer, today)
            } else {
                check_value(&Field { required, ..field.clone() }, answer, today)
            };
            if let Err(error) = checked {
                return Some((field.id.clone(), error));
            }
            if crate::validate::is_blank_answer(answer) {
                return None;
            }
            field
                .checks
                .iter()
                .find(|check| evaluate(&check.rule.expr, &lookup, today) == Truth::False)
                .map(|check| (field.id.clone(), FieldError::CrossCheckFailed { message: check.message.clone() }))
        })
        .collect()
}

/// The truth of a condition. One left waiting only for fields in `never` (which this
/// situation cannot ask) is false.
pub(super) fn truth_of(
    condition: Option<&Condition>,
    catalog: &Catalog,
    answers: &Answers,
    never: &[FieldId],
    today: Date,
) -> Truth {
    let Some(condition) = condition else { return Truth::True };
    let answer = |field: &FieldId| typed_answer(catalog, answers, field, today);
    match evaluate(&condition.expr, &answer, today) {
        Truth::Unknown
            if condition.expr.fields().iter().any(|field| never.contains(field))
                && waiting_for(Some(condition), catalog, answers, never, today).is_empty() =>
        {
            Truth::False
        }
        truth => truth,
    }
}

/// The unanswered fields a condition reads, but for those in `never`.
pub(super) fn waiting_for(
    condition: Option<&Condition>,
    catalog: &Catalog,
    answers: &Answers,
    never: &[FieldId],
    today: Date,
) -> Vec<FieldId> {
    condition
        .map(|condition| {
            condition
                .expr
                .fields()
                .into_iter()
                .filter(|field| !never.contains(field) && typed_answer(catalog, answers, field, today).is_none())
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}
