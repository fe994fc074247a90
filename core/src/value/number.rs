//! Numbers as people type them (数字与金额): integers, decimals and money in yuan. Values are
//! exact fixed-point numbers, never floating point, so 0.1 + 0.2 stays 0.3.

use crate::text::{zh_en, Lang};

pub use crate::decimal::Decimal;

/// What kind of number a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// Whole numbers (整数).
    Integer,
    /// Numbers with a decimal part (小数).
    Decimal,
    /// An amount in yuan with at most two decimals (金额，元), never negative.
    Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NumberError {
    /// Occurs when something other than digits, one point, a leading minus or grouping commas
    /// appears (and, for money, a currency sign or 元).
    InvalidCharacter { found: char },
    /// Occurs when no digit was given.
    NoDigits,
    /// Occurs when a whole number was expected and a fraction given.
    NotWhole,
    /// Occurs when more decimals were given than allowed (2 for money).
    TooManyDecimals { allowed: u32 },
    /// Occurs for a negative amount of money.
    Negative,
    /// Occurs when the number is too large to hold.
    TooLarge,
}

/// Parses a number of `kind` from typed text.
pub fn parse_number(input: &str, kind: NumberKind) -> Result<Decimal, NumberError> {
    let mut text = super::normalize_code(input).replace([',', '，'], "");
    if kind == NumberKind::Money {
        for sign in ["¥", "￥", "RMB", "CNY"] {
            text = text.trim_start_matches(sign).to_owned();
        }
        text = text.trim_end_matches('元').to_owned();
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    if let Some(found) = unsigned.chars().find(|c| !(c.is_ascii_digit() || *c == '.')) {
        // Quote it as typed: a lower-case or full-width letter, not the capital it became.
        let typed =
            super::chars::typed_code(input).into_iter().find(|c| c.canonical == found).map_or(found, |c| c.typed);
        return Err(NumberError::InvalidCharacter { found: typed });
    }
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((_, fraction)) if fraction.contains('.') => return Err(NumberError::InvalidCharacter { found: '.' }),
        Some((whole, fraction)) => (whole, fraction),
        None => (unsigned, ""),
    };
    if whole.is_empty() && fraction.is_empty() {
        return Err(NumberError::NoDigits);
    }
    let fraction_digits = fraction.trim_end_matches('0');
    match kind {
        NumberKind::Integer if !fraction_digits.is_empty() => return Err(NumberError::NotWhole),
        NumberKind::Money if fraction_digits.len() > 2 => return Err(NumberError::TooManyDecimals { allowed: 2 }),
        NumberKind::Decimal if fraction_digits.len() > Decimal::SCALE as usize => {
            return Err(NumberError::TooManyDecimals { allowed: Decimal::SCALE })
        }
        _ => {}
    }
    if negative && kind == NumberKind::Money {
        return Err(NumberError::Negative);
    }
    let whole_value: i128 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| NumberError::TooLarge)? };
    let fraction_value: i128 = if fraction_digits.is_empty() {
        0
    } else {
        format!("{fraction_digits:0<6}").parse().map_err(|_| NumberError::TooLarge)?
    };
    let scaled = whole_value
        .checked_mul(Decimal::ONE)
        .and_then(|value| value.checked_add(fraction_value))
        .filter(|value| *value <= i128::from(i64::MAX).saturating_mul(Decimal::ONE))
        .ok_or(NumberError::TooLarge)?;
    Ok(Decimal { scaled: if negative { scaled.saturating_neg() } else { scaled } })
}

/// The amount in yuan written with two decimals (`1234.50`), for forms and exports.
pub fn format_money(value: Decimal) -> String {
    let fen = value.scaled / 10_000;
    format!("{}.{:02}", fen / 100, (fen % 100).abs())
}

impl NumberError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NumberError::InvalidCharacter { found } => zh_en!(
                lang,
                format!("请只填数字，{}不对", super::chars::quoted(*found, lang)),
                format!("Enter digits only; {} is not allowed", super::chars::quoted(*found, lang))
            ),
            NumberError::NoDigits => lang.pick("请填写数字", "Enter a number").to_owned(),
            NumberError::NotWhole => {
                lang.pick("请填写整数，不要带小数", "Enter a whole number, without decimals").to_owned()
            }
            NumberError::TooManyDecimals { allowed } => {
                zh_en!(lang, format!("最多保留 {allowed} 位小数"), format!("Use at most {allowed} decimals"))
            }
            NumberError::Negative => lang.pick("金额不能是负数", "An amount cannot be negative").to_owned(),
            NumberError::TooLarge => {
                lang.pick("数字太大，请核对", "This number is too large; please check it").to_owned()
            }
        }
    }
}

crate::text::bilingual_error!(NumberError);

#[cfg(test)]
mod tests {
    use super::*;

    fn value(input: &str, kind: NumberKind) -> Result<String, NumberError> {
        parse_number(input, kind).map(|number| number.to_string())
    }

    #[test]
    fn parses_integers_decimals_and_money() {
        assert_eq!(value("1,234", NumberKind::Integer), Ok("1234".into()));
        assert_eq!(value("-12", NumberKind::Integer), Ok("-12".into()));
        assert_eq!(value("12.00", NumberKind::Integer), Ok("12".into()));
        assert_eq!(value("０.５", NumberKind::Decimal), Ok("0.5".into()));
        assert_eq!(value(".25", NumberKind::Decimal), Ok("0.25".into()));
        assert_eq!(value("¥1,234.5元", NumberKind::Money), Ok("1234.5".into()));
        assert_eq!(format_money(parse_number("1234.5", NumberKind::Money).expect("valid")), "1234.50");
        assert_eq!(format_money(parse_number("0.05", NumberKind::Money).expect("valid")), "0.05");
        let sum = parse_number("0.1", NumberKind::Decimal).expect("valid").scaled
            + parse_number("0.2", NumberKind::Decimal).expect("valid").scaled;
        assert_eq!(sum, parse_number("0.3", NumberKind::Decimal).expect("valid").scaled, "exact arithmetic");
    }

    #[test]
    fn names_each_problem() {
        assert_eq!(value("12a", NumberKind::Integer), Err(NumberError::InvalidCharacter { found: 'a' }), "as typed");
        assert_eq!(value("12ａ", NumberKind::Integer), Err(NumberError::InvalidCharacter { found: 'ａ' }));
        assert_eq!(value("1.2.3", NumberKind::Decimal), Err(NumberError::InvalidCharacter { found: '.' }));
        assert_eq!(value("-", NumberKind::Integer), Err(NumberError::NoDigits));
        assert_eq!(value("1.5", NumberKind::Integer), Err(NumberError::NotWhole));
        assert_eq!(value("1.234", NumberKind::Money), Err(NumberError::TooManyDecimals { allowed: 2 }));
        assert_eq!(value("-5", NumberKind::Money), Err(NumberError::Negative));
        assert_eq!(value("99999999999999999999999", NumberKind::Integer), Err(NumberError::TooLarge));
    }

    #[test]
    fn compares_exactly() {
        let small = parse_number("9.99", NumberKind::Money).expect("valid");
        let large = parse_number("10", NumberKind::Money).expect("valid");
        assert!(small < large);
        assert_eq!(Decimal::from_integer(10), large);
        assert!(large.is_integer() && !small.is_integer());
        assert_eq!(small.trunc(), 9);
    }
}
