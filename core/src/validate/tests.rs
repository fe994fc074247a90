#[test]
fn ticking_and_unticking_keeps_the_options_order() {
    let mut field = Field::new(FieldId::new("enterprise.seal_kinds"), FieldKind::ManyOf, Text::new("印章", "Seals"));
    field.options = ["company", "finance", "invoice"]
        .iter()
        .map(|value| FieldOption { value: (*value).to_owned(), label: Text::new(*value, *value) })
        .collect();
    assert_eq!(toggle_choice(&field, "", "invoice"), "invoice");
    assert_eq!(toggle_choice(&field, "invoice", "company"), "company,invoice");
    assert_eq!(toggle_choice(&field, "company, invoice", "company"), "invoice");
    assert_eq!(toggle_choice(&field, "invoice", "invoice"), "");
    assert_eq!(toggle_choice(&field, "stolen,finance", "company"), "company,finance", "unknown values go");
    let today = Date::from_ymd(2026, 11, 23).expect("valid");
    assert!(parse_value(&field, &toggle_choice(&field, "finance", "company"), today).is_ok());
}

use super::*;
use crate::catalog::{Constraints, FieldId, FieldOption};
use crate::text::Text;

fn today() -> Date {
    Date::from_ymd(2026, 11, 22).expect("valid")
}

fn field(kind: FieldKind) -> Field {
    Field {
        required: true,
        options: ["rented", "owned"]
            .iter()
            .map(|value| FieldOption { value: (*value).into(), label: Text::new(*value, *value) })
            .collect(),
        ..Field::new(FieldId::new("test.field"), kind, Text::new("开业日期", "Opening date"))
    }
}

/// Checks `input` in a field of `kind` and compares the canonical answer or the error.
fn check(kind: FieldKind, input: &str, expected: Result<&str, FieldError>) {
    let field = field(kind);
    let result = check_value(&field, input, today()).map(|()| canonical_value(&field, input, today()));
    assert_eq!(result, expected.map(str::to_owned), "{kind:?} {input:?}");
}

#[test]
fn each_kind_uses_its_validator_and_canonical_form() {
    check(FieldKind::Text, "  某某  ", Ok("某某"));
    check(FieldKind::IdNumber, "11010519491231002x", Ok("11010519491231002X"));
    check(FieldKind::CreditCode, "91350100m000100y43", Ok("91350100M000100Y43"));
    check(FieldKind::Mobile, "+86 138 0013 8000", Ok("13800138000"));
    check(FieldKind::Landline, "(010)12345678", Ok("010-12345678"));
    check(FieldKind::Postcode, "100 000", Ok("100000"));
    check(FieldKind::Email, "A@Example.com", Ok("A@example.com"));
    check(FieldKind::BankCard, "4111 1111 1111 1111", Ok("4111111111111111"));
    check(FieldKind::PersonName, "买买提•艾力", Ok("买买提·艾力"));
    check(FieldKind::Integer, "1,200", Ok("1200"));
    check(FieldKind::Decimal, "3.50", Ok("3.5"));
    check(FieldKind::Money, "￥1200", Ok("1200.00"));
    check(FieldKind::Date, "2026年3月1日", Ok("2026-03-01"));
    check(FieldKind::YesNo, "yes", Ok("yes"));
    check(FieldKind::OneOf, "owned", Ok("owned"));
    check(FieldKind::ManyOf, "owned,rented", Ok("rented,owned"));
}

#[test]
fn each_kind_reports_its_own_error() {
    check(FieldKind::Text, " ", Err(FieldError::Required));
    check(FieldKind::Mobile, "12345678901", Err(FieldError::Mobile(MobileError::WrongStart)));
    check(FieldKind::Money, "-1", Err(FieldError::Number(NumberError::Negative)));
    check(FieldKind::Date, "2025-02-29", Err(FieldError::Date(DateError::NoSuchDay { year: 2025, month: 2, day: 29 })));
    check(FieldKind::YesNo, "maybe", Err(FieldError::NotAnOption { value: "maybe".into() }));
    check(FieldKind::OneOf, "rented,owned", Err(FieldError::NotAnOption { value: "rented,owned".into() }));
    check(FieldKind::ManyOf, "rented,leased", Err(FieldError::NotAnOption { value: "leased".into() }));
}

#[test]
fn optional_fields_may_stay_empty() {
    let mut optional = field(FieldKind::Mobile);
    optional.required = false;
    assert_eq!(parse_value(&optional, "  ", today()), Ok(None));
}

#[test]
fn constraints_bound_lengths_numbers_and_dates() {
    let mut name = field(FieldKind::Text);
    name.constraints = Constraints { min_length: Some(2), max_length: Some(4), ..Constraints::default() };
    assert_eq!(check_value(&name, "某", today()), Err(FieldError::TooFewCharacters { min: 2, length: 1 }));
    assert_eq!(check_value(&name, "某某某某某", today()), Err(FieldError::TooManyCharacters { max: 4, length: 5 }));

    let mut capital = field(FieldKind::Money);
    capital.constraints.min = Some(Bound::Number(Decimal::from_integer(1)));
    capital.constraints.max = Some(Bound::Number(Decimal::from_integer(1000)));
    assert_eq!(check_value(&capital, "0.99", today()), Err(FieldError::BelowMinimum { min: "1.00".into() }));
    assert_eq!(check_value(&capital, "1000.01", today()), Err(FieldError::AboveMaximum { max: "1000.00".into() }));
    assert_eq!(check_value(&capital, "1000", today()), Ok(()));

    let mut opening = field(FieldKind::Date);
    opening.constraints.max = Some(Bound::Today);
    let error = check_value(&opening, "2026-11-23", today()).expect_err("future");
    assert_eq!(error, FieldError::AboveMaximum { max: "2026-11-22".into() });
    assert_eq!(error.message(&opening, Lang::Zh), "开业日期不能晚于 2026-11-22");
    assert_eq!(check_value(&opening, "2026-11-22", today()), Ok(()));
}

#[test]
fn unfinished_values_wait_and_definite_mistakes_do_not() {
    assert!(FieldError::Mobile(MobileError::TooShort { digits: 5 }).is_incomplete());
    assert!(!FieldError::Mobile(MobileError::WrongStart).is_incomplete());
    assert!(FieldError::Date(DateError::Unrecognised).is_incomplete());
    assert!(!FieldError::Date(DateError::NoSuchDay { year: 2025, month: 2, day: 29 }).is_incomplete());
}

/// A length limit counts what the applicant sees: an emoji family is one character.
#[test]
fn length_limits_count_visible_characters() {
    let mut text = field(FieldKind::Text);
    text.constraints = Constraints { max_length: Some(3), ..Constraints::default() };
    assert!(check_value(&text, "👨\u{200D}👩\u{200D}👧\u{200D}👦好店", today()).is_ok());
    assert_eq!(
        check_value(&text, "e\u{301}e\u{301}e\u{301}e\u{301}", today()),
        Err(FieldError::TooManyCharacters { max: 3, length: 4 })
    );
}
