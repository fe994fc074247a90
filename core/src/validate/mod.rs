//! Field validation (字段校验): one file per identifier kind, and [`check_value`] that applies
//! a field's rules to what the applicant typed.
//!
//! Every answer is untrusted and checked on each keystroke, and a panic in the browser kills the
//! page: no index or arithmetic here may panic, whatever was typed (held by the lints below and
//! by the property tests in `core/tests/integration/never_panics.rs`).
pub mod bank_card;
// The identifier kinds and values conditions read live below the catalog (`crate::value`);
// they are named here too, where the validators always had them.
pub(crate) use crate::value::is_province_code;
#[cfg(test)]
pub(crate) use crate::value::PROVINCE_CODES;
pub use crate::value::{chars, date_input, id_number, number, Value};
pub mod credit_code;
pub mod email;
pub mod landline;
pub mod mobile;
/// Numbers and money in exact fixed point live below the validators, for the catalog and conditions too.
pub mod person_name;
pub mod postcode;

use std::fmt;

pub use bank_card::{parse_bank_card, BankCardError};
pub use credit_code::{CreditCode, CreditCodeError};
pub use date_input::{parse_date, DateError};
pub use email::{parse_email, EmailError};
pub use id_number::{IdNumber, IdNumberError, Sex};
pub use landline::{Landline, LandlineError};
pub use mobile::{Mobile, MobileError};
pub use number::{parse_number, Decimal, NumberError, NumberKind};
pub use person_name::{parse_person_name, PersonNameError};
pub use postcode::{parse_postcode, PostcodeError};

use crate::catalog::{Bound, Field, FieldKind};
use crate::date::Date;
use crate::text::Text;
use crate::text::{zh_en, Lang};

/// True when an answer holds nothing but white space and invisible characters: not answered.
pub fn is_blank_answer(value: &str) -> bool {
    chars::trim_answer(value).is_empty()
}

/// The longest answer any field takes, whatever the catalog says: a pasted document is
/// refused at once rather than checked character by character on every keystroke.
pub const MAX_ANSWER_CHARACTERS: usize = 10_000;

/// Why an answer is not acceptable yet.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldError {
    /// Occurs when a required field is empty.
    Required,
    /// Occurs when a resident ID number field holds an invalid number.
    IdNumber(IdNumberError),
    /// Occurs when a credit code field holds an invalid code.
    CreditCode(CreditCodeError),
    Mobile(MobileError),
    Landline(LandlineError),
    Postcode(PostcodeError),
    Email(EmailError),
    BankCard(BankCardError),
    PersonName(PersonNameError),
    Number(NumberError),
    Date(DateError),
    /// Occurs when a yes/no, one-of or many-of answer is not one of the options.
    NotAnOption {
        value: String,
    },
    /// Occurs when a text has fewer characters than the catalog allows.
    TooFewCharacters {
        min: u32,
        length: usize,
    },
    /// Occurs when a text has more characters than the catalog allows.
    TooManyCharacters {
        max: u32,
        length: usize,
    },
    /// Occurs when a number or date is below its minimum (shown in the field's own format).
    BelowMinimum {
        min: String,
    },
    /// Occurs when a number or date is above its maximum.
    AboveMaximum {
        max: String,
    },
    /// Occurs when a text does not match the catalog's pattern; the catalog words the message.
    PatternMismatch {
        message: Text,
    },
    /// Occurs when a check across answers fails; the catalog words the message, and `answers`
    /// are those the check read (this field's first), each as the applicant gave it.
    CrossCheckFailed {
        message: Text,
        answers: Vec<CheckedAnswer>,
    },
}

/// An answer a failed check across answers read (所涉回答): its question, and what was
/// answered (a choice in its words), so that the message names both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedAnswer {
    pub label: Text,
    pub answer: Text,
}

impl FieldError {
    /// True when the applicant may simply not have finished typing; such errors are shown only
    /// after they leave the field or continue.
    pub fn is_incomplete(&self) -> bool {
        match self {
            // A check across answers may hold again once the number being typed is whole.
            FieldError::Required | FieldError::TooFewCharacters { .. } | FieldError::CrossCheckFailed { .. } => true,
            FieldError::IdNumber(error) => error.is_incomplete(),
            FieldError::CreditCode(error) => error.is_incomplete(),
            FieldError::Mobile(error) => error.is_incomplete(),
            FieldError::Landline(error) => error.is_incomplete(),
            FieldError::Postcode(error) => error.is_incomplete(),
            FieldError::BankCard(error) => error.is_incomplete(),
            // An address without "@" or a date without its day may still be being typed.
            FieldError::Email(_) | FieldError::Date(DateError::Unrecognised) => true,
            _ => false,
        }
    }

    /// The message shown beside the field, naming it where that helps.
    pub fn message(&self, field: &Field, lang: Lang) -> String {
        match self {
            FieldError::Required => zh_en!(
                lang,
                match field.kind {
                    FieldKind::YesNo | FieldKind::OneOf | FieldKind::ManyOf => {
                        format!("请选择{}", field.label.zh)
                    }
                    _ => format!("请填写{}", field.label.zh),
                },
                match field.kind {
                    FieldKind::YesNo | FieldKind::OneOf | FieldKind::ManyOf => {
                        format!("Select the {}", field.label.en.to_ascii_lowercase())
                    }
                    _ => format!("Enter the {}", field.label.en.to_ascii_lowercase()),
                }
            ),
            FieldError::IdNumber(error) => error.message(lang),
            FieldError::CreditCode(error) => error.message(lang),
            FieldError::Mobile(error) => error.message(lang),
            FieldError::Landline(error) => error.message(lang),
            FieldError::Postcode(error) => error.message(lang),
            FieldError::Email(error) => error.message(lang),
            FieldError::BankCard(error) => error.message(lang),
            FieldError::PersonName(error) => error.message(lang),
            FieldError::Number(error) => error.message(lang),
            FieldError::Date(error) => error.message(lang),
            FieldError::NotAnOption { value } => zh_en!(
                lang,
                format!("“{value}”不是可选的一项，请重新选择"),
                format!("“{value}” is not one of the choices; please choose again")
            ),
            FieldError::TooFewCharacters { min, length } => zh_en!(
                lang,
                format!("{}至少 {min} 个字，您填了 {length} 个", field.label.zh),
                format!(
                    "The {} needs at least {min} characters; you entered {length}",
                    field.label.en.to_ascii_lowercase()
                )
            ),
            FieldError::TooManyCharacters { max, length } => zh_en!(
                lang,
                format!("{}最多 {max} 个字，您填了 {length} 个", field.label.zh),
                format!(
                    "The {} has at most {max} characters; you entered {length}",
                    field.label.en.to_ascii_lowercase()
                )
            ),
            FieldError::PatternMismatch { message } => message.get(lang).to_owned(),
            FieldError::CrossCheckFailed { message, answers } => {
                let message = message.get(lang).trim_end_matches(['。', '.']);
                let named = answers.iter().map(|a| format!("“{}”{}“{}”", a.label.get(lang), lang.pick("为", " is "), a.answer.get(lang)));
                let named: Vec<String> = named.collect();
                zh_en!(
                    lang,
                    format!("{message}（您的回答：{}）", named.join("，")),
                    format!("{message} (your answers: {})", named.join("; "))
                )
            }
            FieldError::BelowMinimum { min } => zh_en!(
                lang,
                match field.kind {
                    FieldKind::Date => format!("{}不能早于 {min}", field.label.zh),
                    _ => format!("{}不能小于 {min}", field.label.zh),
                },
                match field.kind {
                    FieldKind::Date => format!("The {} cannot be before {min}", field.label.en.to_ascii_lowercase()),
                    _ => format!("The {} cannot be less than {min}", field.label.en.to_ascii_lowercase()),
                }
            ),
            FieldError::AboveMaximum { max } => zh_en!(
                lang,
                match field.kind {
                    FieldKind::Date => format!("{}不能晚于 {max}", field.label.zh),
                    _ => format!("{}不能大于 {max}", field.label.zh),
                },
                match field.kind {
                    FieldKind::Date => format!("The {} cannot be after {max}", field.label.en.to_ascii_lowercase()),
                    _ => format!("The {} cannot be more than {max}", field.label.en.to_ascii_lowercase()),
                }
            ),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::Required => f.write_str("this field is required"),
            FieldError::IdNumber(error) => error.fmt(f),
            FieldError::CreditCode(error) => error.fmt(f),
            FieldError::Mobile(error) => error.fmt(f),
            FieldError::Landline(error) => error.fmt(f),
            FieldError::Postcode(error) => error.fmt(f),
            FieldError::Email(error) => error.fmt(f),
            FieldError::BankCard(error) => error.fmt(f),
            FieldError::PersonName(error) => error.fmt(f),
            FieldError::Number(error) => error.fmt(f),
            FieldError::Date(error) => error.fmt(f),
            FieldError::NotAnOption { value } => write!(f, "“{value}” is not one of the choices"),
            FieldError::TooFewCharacters { min, length } => write!(f, "at least {min} characters, not {length}"),
            FieldError::TooManyCharacters { max, length } => write!(f, "at most {max} characters, not {length}"),
            FieldError::BelowMinimum { min } => write!(f, "below the minimum {min}"),
            FieldError::AboveMaximum { max } => write!(f, "above the maximum {max}"),
            FieldError::PatternMismatch { message } | FieldError::CrossCheckFailed { message, .. } => {
                f.write_str(&message.en)
            }
        }
    }
}

impl std::error::Error for FieldError {}

/// The stored values of a yes/no field.
pub const YES: &str = "yes";
pub const NO: &str = "no";

#[cfg(test)]
thread_local! {
    /// The fields whose answers were parsed, in order, for the tests that count them.
    pub(crate) static PARSED: std::cell::RefCell<Vec<crate::ids::FieldId>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Checks one answer against its field's kind and constraints, and returns it typed; an empty
/// optional answer is `Ok(None)`.
pub fn parse_value(field: &Field, value: &str, today: Date) -> Result<Option<Value>, FieldError> {
    #[cfg(test)]
    PARSED.with(|parsed| parsed.borrow_mut().push(field.id.clone()));
    let trimmed = chars::trim_answer(value);
    if trimmed.is_empty() {
        return if field.required { Err(FieldError::Required) } else { Ok(None) };
    }
    // Checked first, so that no check below walks a huge paste.
    let length = trimmed.chars().count();
    if length > MAX_ANSWER_CHARACTERS {
        let max = u32::try_from(MAX_ANSWER_CHARACTERS).unwrap_or(u32::MAX);
        return Err(FieldError::TooManyCharacters { max, length });
    }
    let value = match field.kind {
        FieldKind::Text | FieldKind::LongText | FieldKind::Address => Value::Text(trimmed.to_owned()),
        FieldKind::PersonName => Value::Text(parse_person_name(trimmed).map_err(FieldError::PersonName)?),
        FieldKind::IdNumber => Value::IdNumber(IdNumber::parse(trimmed, today).map_err(FieldError::IdNumber)?),
        FieldKind::CreditCode => {
            Value::Text(CreditCode::parse(trimmed).map_err(FieldError::CreditCode)?.as_str().to_owned())
        }
        FieldKind::Mobile => Value::Text(Mobile::parse(trimmed).map_err(FieldError::Mobile)?.as_str().to_owned()),
        FieldKind::Landline => {
            let landline = Landline::parse(trimmed).map_err(FieldError::Landline)?;
            let extension = landline.extension.map(|ext| format!("-{ext}")).unwrap_or_default();
            Value::Text(format!("{}-{}{extension}", landline.area_code, landline.number))
        }
        FieldKind::Postcode => Value::Text(parse_postcode(trimmed).map_err(FieldError::Postcode)?),
        FieldKind::Email => Value::Text(parse_email(trimmed).map_err(FieldError::Email)?),
        FieldKind::BankCard => Value::Text(parse_bank_card(trimmed).map_err(FieldError::BankCard)?),
        FieldKind::Integer => Value::Number(parse_number(trimmed, NumberKind::Integer).map_err(FieldError::Number)?),
        FieldKind::Decimal => Value::Number(parse_number(trimmed, NumberKind::Decimal).map_err(FieldError::Number)?),
        FieldKind::Money => Value::Number(parse_number(trimmed, NumberKind::Money).map_err(FieldError::Number)?),
        FieldKind::Date => Value::Date(parse_date(trimmed).map_err(FieldError::Date)?),
        FieldKind::YesNo => match trimmed {
            YES => Value::Bool(true),
            NO => Value::Bool(false),
            other => return Err(FieldError::NotAnOption { value: other.to_owned() }),
        },
        FieldKind::OneOf | FieldKind::ManyOf => {
            let chosen: Vec<&str> = trimmed.split(',').map(str::trim).filter(|part| !part.is_empty()).collect();
            if let Some(unknown) =
                chosen.iter().find(|value| !field.options.iter().any(|option| option.value == **value))
            {
                return Err(FieldError::NotAnOption { value: (*unknown).to_owned() });
            }
            if field.kind == FieldKind::OneOf && chosen.len() > 1 {
                return Err(FieldError::NotAnOption { value: trimmed.to_owned() });
            }
            let ordered = field
                .options
                .iter()
                .filter(|option| chosen.contains(&option.value.as_str()))
                .map(|option| option.value.clone())
                .collect();
            Value::Options(ordered)
        }
    };
    check_constraints(field, trimmed, &value, today)?;
    Ok(Some(value))
}

/// The answer of a many-of field after ticking or unticking `value`: the chosen values in the
/// order of the field's options, comma-separated, as `parse_value` reads them. Values the field
/// does not offer are dropped.
pub fn toggle_choice(field: &Field, answer: &str, value: &str) -> String {
    let mut chosen: Vec<&str> = answer.split(',').map(str::trim).filter(|part| !part.is_empty()).collect();
    match chosen.iter().position(|part| *part == value) {
        Some(index) => {
            chosen.remove(index);
        }
        None => chosen.push(value),
    }
    field
        .options
        .iter()
        .filter(|option| chosen.contains(&option.value.as_str()))
        .map(|option| option.value.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn check_constraints(field: &Field, text: &str, value: &Value, today: Date) -> Result<(), FieldError> {
    let constraints = &field.constraints;
    let length = chars::visible_length(text);
    if let Some(min) = constraints.min_length.filter(|min| length < *min as usize) {
        return Err(FieldError::TooFewCharacters { min, length });
    }
    if let Some(max) = constraints.max_length.filter(|max| length > *max as usize) {
        return Err(FieldError::TooManyCharacters { max, length });
    }
    if let Some(pattern) = constraints.pattern.as_ref().filter(|pattern| !pattern.compiled.is_match(text)) {
        return Err(FieldError::PatternMismatch { message: pattern.message.clone() });
    }
    let shown = |bound: Bound| match bound {
        Bound::Number(number) if field.kind == FieldKind::Money => number::format_money(number),
        Bound::Number(number) => number.to_string(),
        Bound::Date(date) => date.to_string(),
        Bound::Today => today.to_string(),
    };
    let ordering = |bound: Bound| match (value, bound) {
        (Value::Number(number), Bound::Number(limit)) => Some(number.cmp(&limit)),
        (Value::Date(date), Bound::Date(limit)) => Some(date.cmp(&limit)),
        (Value::Date(date), Bound::Today) => Some(date.cmp(&today)),
        _ => None,
    };
    if let Some(min) = constraints.min {
        if ordering(min) == Some(std::cmp::Ordering::Less) {
            return Err(FieldError::BelowMinimum { min: shown(min) });
        }
    }
    if let Some(max) = constraints.max {
        if ordering(max) == Some(std::cmp::Ordering::Greater) {
            return Err(FieldError::AboveMaximum { max: shown(max) });
        }
    }
    Ok(())
}

/// Checks one answer against its field's kind and constraints.
pub fn check_value(field: &Field, value: &str, today: Date) -> Result<(), FieldError> {
    parse_value(field, value, today).map(|_| ())
}

/// The form in which an answer is exported: trimmed, identifiers in canonical spelling, money
/// with two decimals, dates in ISO form. An invalid answer is exported as typed (trimmed).
pub fn canonical_value(field: &Field, value: &str, today: Date) -> String {
    canonical(field, value, today).unwrap_or_else(|| chars::trim_answer(value).to_owned())
}

/// The canonical spelling of a valid, non-empty answer ([`canonical_value`]'s); `None` for an
/// empty or invalid one.
pub fn canonical(field: &Field, value: &str, today: Date) -> Option<String> {
    Some(match parse_value(field, value, today).ok()?? {
        Value::Text(text) => text,
        Value::IdNumber(id) => id.as_str().to_owned(),
        Value::Number(number) if field.kind == FieldKind::Money => number::format_money(number),
        Value::Number(number) => number.to_string(),
        Value::Date(date) => date.to_string(),
        Value::Bool(flag) => if flag { YES } else { NO }.to_owned(),
        Value::Options(values) => values.join(","),
    })
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
