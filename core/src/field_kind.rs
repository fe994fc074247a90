//! The kinds of value a field holds (字段类型), below the catalog: the catalog's fields, the
//! condition language's types and the validators all name them.

use serde::{Deserialize, Serialize};

/// What kind of value a field holds; decides its validator and its input control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FieldKind {
    /// A short free text (文本).
    Text,
    /// A longer free text over several lines (多行文本).
    LongText,
    /// A whole number (整数).
    Integer,
    /// A number with decimals (小数).
    Decimal,
    /// An amount in yuan with two decimals (金额).
    Money,
    /// A calendar date (日期).
    Date,
    /// Yes or no (是/否).
    YesNo,
    /// One of the field's options (单选).
    OneOf,
    /// Any number of the field's options (多选), stored comma-separated.
    ManyOf,
    /// A resident ID number (居民身份证号码), GB 11643.
    IdNumber,
    /// A unified social credit code (统一社会信用代码), GB 32100.
    CreditCode,
    /// A mobile number (手机号码).
    Mobile,
    /// A landline with area code (固定电话).
    Landline,
    /// A postcode (邮政编码).
    Postcode,
    /// An e-mail address (电子邮箱).
    Email,
    /// A bank card number (银行卡号).
    BankCard,
    /// A person's name (姓名).
    PersonName,
    /// A postal address (地址).
    Address,
}

impl FieldKind {
    /// A code whose spelling the app puts right (全角 digits, spaces, a lower-case x): an ID
    /// number, a credit code, a telephone number, a postcode, a bank card.
    pub fn is_code(self) -> bool {
        matches!(
            self,
            FieldKind::IdNumber
                | FieldKind::CreditCode
                | FieldKind::Mobile
                | FieldKind::Landline
                | FieldKind::Postcode
                | FieldKind::BankCard
        )
    }

    /// Every kind, in the order the catalog format lists them.
    pub const ALL: [FieldKind; 18] = [
        FieldKind::Text,
        FieldKind::LongText,
        FieldKind::Integer,
        FieldKind::Decimal,
        FieldKind::Money,
        FieldKind::Date,
        FieldKind::YesNo,
        FieldKind::OneOf,
        FieldKind::ManyOf,
        FieldKind::IdNumber,
        FieldKind::CreditCode,
        FieldKind::Mobile,
        FieldKind::Landline,
        FieldKind::Postcode,
        FieldKind::Email,
        FieldKind::BankCard,
        FieldKind::PersonName,
        FieldKind::Address,
    ];

    /// The word the catalog writes for this kind (`kind = "id_number"`).
    pub fn word(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::LongText => "long_text",
            FieldKind::Integer => "integer",
            FieldKind::Decimal => "decimal",
            FieldKind::Money => "money",
            FieldKind::Date => "date",
            FieldKind::YesNo => "yes_no",
            FieldKind::OneOf => "one_of",
            FieldKind::ManyOf => "many_of",
            FieldKind::IdNumber => "id_number",
            FieldKind::CreditCode => "credit_code",
            FieldKind::Mobile => "mobile",
            FieldKind::Landline => "landline",
            FieldKind::Postcode => "postcode",
            FieldKind::Email => "email",
            FieldKind::BankCard => "bank_card",
            FieldKind::PersonName => "person_name",
            FieldKind::Address => "address",
        }
    }
}
