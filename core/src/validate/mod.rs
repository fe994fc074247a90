//! Field validation (字段校验): one file per identifier kind, and [`check_value`] that applies
//! a field's rules to what the applicant typed.

pub mod id_number;

use std::fmt;

pub use id_number::{IdNumber, IdNumberError, Sex};

use crate::catalog::{Field, FieldKind};
use crate::date::Date;
use crate::text::Lang;

/// Why an answer is not acceptable yet.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldError {
    /// Occurs when a required field is empty.
    Required,
    /// Occurs when a resident ID number field holds an invalid number.
    IdNumber(IdNumberError),
}

impl FieldError {
    /// True when the applicant may simply not have finished typing; such errors are shown only
    /// after they leave the field or continue.
    pub fn is_incomplete(&self) -> bool {
        match self {
            FieldError::Required => true,
            FieldError::IdNumber(error) => error.is_incomplete(),
        }
    }

    /// The message shown beside the field, naming it where that helps.
    pub fn message(&self, field: &Field, lang: Lang) -> String {
        match self {
            FieldError::Required => match lang {
                Lang::Zh => format!("请填写{}", field.label.zh),
                Lang::En => format!("Enter the {}", field.label.en.to_lowercase()),
            },
            FieldError::IdNumber(error) => error.message(lang),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::Required => f.write_str("this field is required"),
            FieldError::IdNumber(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for FieldError {}

/// Checks one answer against its field's kind and constraints.
pub fn check_value(field: &Field, value: &str, today: Date) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        return if field.required {
            Err(FieldError::Required)
        } else {
            Ok(())
        };
    }
    match field.kind {
        FieldKind::Text | FieldKind::PersonName | FieldKind::Mobile | FieldKind::Address => Ok(()),
        FieldKind::IdNumber => IdNumber::parse(value, today)
            .map(|_| ())
            .map_err(FieldError::IdNumber),
    }
}

/// The form in which an answer is exported: trimmed, and identifiers in canonical spelling.
pub fn canonical_value(field: &Field, value: &str, today: Date) -> String {
    match field.kind {
        FieldKind::IdNumber => match IdNumber::parse(value, today) {
            Ok(id) => id.as_str().to_owned(),
            Err(_) => value.trim().to_owned(),
        },
        _ => value.trim().to_owned(),
    }
}
