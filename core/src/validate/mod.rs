//! Field validation (字段校验): one file per identifier kind, and [`check_value`] that applies
//! a field's rules to what the applicant typed.

pub mod credit_code;
pub mod id_number;

use std::fmt;

pub use credit_code::{CreditCode, CreditCodeError};
pub use id_number::{IdNumber, IdNumberError, Sex};

use crate::catalog::{Field, FieldKind};
use crate::date::Date;
use crate::text::Lang;

/// First two digits of a GB/T 2260 division code: the provinces, and 81/82/83 used on the
/// residence permits of people from Hong Kong, Macao and Taiwan.
pub(crate) const PROVINCE_CODES: [u8; 35] = [
    11, 12, 13, 14, 15, // 北京 天津 河北 山西 内蒙古
    21, 22, 23, // 辽宁 吉林 黑龙江
    31, 32, 33, 34, 35, 36, 37, // 上海 江苏 浙江 安徽 福建 江西 山东
    41, 42, 43, 44, 45, 46, // 河南 湖北 湖南 广东 广西 海南
    50, 51, 52, 53, 54, // 重庆 四川 贵州 云南 西藏
    61, 62, 63, 64, 65, // 陕西 甘肃 青海 宁夏 新疆
    71, 81, 82, 83, // 台湾 香港 澳门 台湾居民居住证
];

pub(crate) fn is_province_code(code: u8) -> bool {
    PROVINCE_CODES.contains(&code)
}

/// Prepares a typed code for checking: drops white space, turns full-width characters (which
/// Chinese input methods produce) into ASCII, and letters into capitals.
pub(crate) fn normalize_code(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            other => other,
        })
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

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
