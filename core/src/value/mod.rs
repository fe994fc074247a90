//! Typed values (取值) and the identifier kinds they are read from, below the catalog: what
//! the condition language evaluates and the validators return. The exact numbers and money,
//! dates as typed, the resident ID number (GB 11643) with its birth date and sex, and what
//! normalising a typed code drops. Nothing here knows a field; `crate::validate` checks an
//! answer against its field with these.
//!
//! Every answer is untrusted and a panic in the browser kills the page: no index or arithmetic
//! here may panic, whatever was typed (held by the lints of `untrusted_input!` in `lib.rs` and by the property tests).
pub mod chars;
pub mod date_input;
pub mod id_number;
pub mod number;

use crate::date::Date;
use crate::decimal::Decimal;
use id_number::IdNumber;

pub(crate) use chars::normalize_code;

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

/// A checked answer, typed: what conditions and exports work with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Number(Decimal),
    Date(Date),
    Bool(bool),
    /// One or more option values, in the field's option order.
    Options(Vec<String>),
    IdNumber(IdNumber),
}
