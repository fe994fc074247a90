//! A field of the combined form as the catalog defines it (表单字段): its kind, labels and
//! help, its options and limits, the condition that brings it in, what it is derived from and
//! the checks across fields that it carries.

use serde::{Deserialize, Serialize};

use crate::cond::{Expr, ParseError};
use crate::date::Date;
use crate::decimal::Decimal;
use crate::field_kind::FieldKind;
use crate::ids::FieldId;
use crate::text::Text;

/// One choice of a one-of or many-of field (选项).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldOption {
    /// The stored value, used in conditions (`premises.tenure == "rented"`).
    pub value: String,
    pub label: Text,
}

/// A limit on a number or a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Bound {
    Number(Decimal),
    Date(Date),
    /// The day the form is filled in (今天).
    Today,
}

/// The limits a bureau sets on an answer (约束).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Constraints {
    /// Fewest characters of a text.
    pub min_length: Option<u32>,
    /// Most characters of a text.
    pub max_length: Option<u32>,
    /// Smallest number or earliest date.
    pub min: Option<Bound>,
    /// Largest number or latest date.
    pub max: Option<Bound>,
    /// A format the whole answer must match.
    pub pattern: Option<Pattern>,
}

/// A parsed condition with its source text, as the catalog wrote it (条件). Two conditions are
/// the same when their sources are: the tree is the source's parse.
#[derive(Debug, Clone, Serialize)]
pub struct Condition {
    pub source: String,
    pub expr: Expr,
}

impl PartialEq for Condition {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl Eq for Condition {}

/// A condition is stored with its parsed tree, so that the applicants' app, which reads it from
/// a published piece, carries no parser (issue 16); a tree nested deeper than a parse can be
/// is refused (the evaluator recurses on it).
impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Stored {
            source: String,
            expr: Expr,
        }
        let Stored { source, expr } = Stored::deserialize(deserializer)?;
        match crate::cond::too_deep(&expr) {
            Some(_) => Err(serde::de::Error::custom("a condition nested too deep")),
            None => Ok(Condition { source, expr }),
        }
    }
}

impl Condition {
    /// Parses a condition; type-checking against the catalog's fields is the loader's job.
    pub fn parse(source: &str) -> Result<Condition, ParseError> {
        Ok(Condition { source: source.to_owned(), expr: crate::cond::parse(source)? })
    }
}

/// What a field's value is derived from (派生值): filled in for the applicant, who may still
/// change it where the catalog allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Derivation {
    /// The birth date in a resident ID number.
    BirthDate,
    /// The sex in a resident ID number, as the option values `male` / `female`.
    Sex,
    /// The age in whole years today.
    Age,
}

/// A derived value: from which ID number field, what, and whether the applicant may edit it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Derived {
    pub from: FieldId,
    pub derivation: Derivation,
    pub editable: bool,
}

/// A rule across fields (交叉校验), such as "the birth date matches the ID number" or "the end
/// date is after the start date", with the message shown beside the field when it fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrossCheck {
    pub rule: Condition,
    pub message: Text,
}

/// A pattern a whole answer must match (格式, see [`crate::pattern`]), with the message shown
/// when it does not (a pattern means nothing to an applicant). It is stored compiled, so that
/// the applicants' app, which reads it from a published piece, carries no compiler (issue 16).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pattern {
    pub source: String,
    pub compiled: crate::pattern::Compiled,
    pub message: Text,
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source && self.message == other.message
    }
}

impl Eq for Pattern {}

/// One question of a departmental form (表单字段).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub id: FieldId,
    pub kind: FieldKind,
    pub label: Text,
    /// One line of help shown under the label.
    pub help: Option<Text>,
    /// A plain-language explanation for elderly users (通俗说明).
    pub plain: Option<Text>,
    pub required: bool,
    /// When the field is asked at all; `None` for always.
    pub condition: Option<Condition>,
    pub derived: Option<Derived>,
    /// Cross-field checks (交叉校验) that must hold once the field is answered.
    pub checks: Vec<CrossCheck>,
    /// The choices of a one-of or many-of field.
    pub options: Vec<FieldOption>,
    pub constraints: Constraints,
}

impl Field {
    /// The words of a stored choice answer: the option's label, or yes/no; `None` for an
    /// answer the field does not offer or a field that is not a choice.
    pub fn choice_label(&self, value: &str) -> Option<Text> {
        match (self.kind, value) {
            (FieldKind::YesNo, "yes") => Some(Text::new("是", "Yes")),
            (FieldKind::YesNo, "no") => Some(Text::new("否", "No")),
            _ => self.options.iter().find(|option| option.value == value).map(|option| option.label.clone()),
        }
    }

    /// A field of `kind`, optional, with no help, options, constraints or condition.
    pub fn new(id: FieldId, kind: FieldKind, label: Text) -> Field {
        Field {
            id,
            kind,
            label,
            help: None,
            plain: None,
            required: false,
            condition: None,
            derived: None,
            checks: Vec::new(),
            options: Vec::new(),
            constraints: Constraints::default(),
        }
    }

    /// The section of the combined form this field belongs to: the id's first part.
    pub fn section(&self) -> &str {
        self.id.section()
    }
}
