//! Bank card numbers (银行卡号): 12 to 19 digits with a Luhn check digit (ISO/IEC 7812).

use super::chars::{is_dash, quoted, typed_code};
use crate::text::{zh_en, Lang};

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BankCardError {
    /// Occurs when a character other than a digit or a space appears.
    InvalidCharacter { found: char },
    /// Occurs when fewer than 12 digits were given.
    TooShort { digits: usize },
    /// Occurs when more than 19 digits were given.
    TooLong { digits: usize },
    /// Occurs when the Luhn check fails: a digit was mistyped.
    WrongCheckDigit,
}

/// Whether `digits` (ASCII digits only) pass the Luhn check.
pub fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .chars()
        .rev()
        .enumerate()
        .map(|(index, character)| {
            let digit = character.to_digit(10).unwrap_or(0);
            if index % 2 == 1 {
                // Doubling a digit and adding the digits of the result.
                [0, 2, 4, 6, 8, 1, 3, 5, 7, 9].get(digit as usize).copied().unwrap_or(0)
            } else {
                digit
            }
        })
        .fold(0, u32::wrapping_add);
    sum % 10 == 0
}

/// Checks a card number; returns its digits without spaces.
pub fn parse_bank_card(input: &str) -> Result<String, BankCardError> {
    let typed = typed_code(input);
    if let Some(found) = typed.iter().find(|c| !(c.canonical.is_ascii_digit() || is_dash(c.canonical))) {
        return Err(BankCardError::InvalidCharacter { found: found.typed });
    }
    let digits: String = typed.iter().map(|c| c.canonical).filter(char::is_ascii_digit).collect();
    match digits.len() {
        count if count < 12 => Err(BankCardError::TooShort { digits: count }),
        count if count > 19 => Err(BankCardError::TooLong { digits: count }),
        _ if !luhn_valid(&digits) => Err(BankCardError::WrongCheckDigit),
        _ => Ok(digits),
    }
}

impl BankCardError {
    pub fn is_incomplete(&self) -> bool {
        matches!(self, BankCardError::TooShort { .. })
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            BankCardError::InvalidCharacter { found } => zh_en!(
                lang,
                format!("银行卡号只含数字，{}不对", quoted(*found, lang)),
                format!("A card number has only digits; {} is not allowed", quoted(*found, lang))
            ),
            BankCardError::TooShort { digits } => zh_en!(
                lang,
                format!("银行卡号一般为 16 到 19 位，您输入了 {digits} 位"),
                format!("A card number usually has 16 to 19 digits; you entered {digits}")
            ),
            BankCardError::TooLong { digits } => zh_en!(
                lang,
                format!("银行卡号最多 19 位，您输入了 {digits} 位"),
                format!("A card number has at most 19 digits; you entered {digits}")
            ),
            BankCardError::WrongCheckDigit => lang
                .pick(
                    "卡号有误，可能输错了某一位，请对照银行卡逐位核对",
                    "This card number does not add up; a digit may be mistyped. Please compare it with the card",
                )
                .to_owned(),
        }
    }
}

crate::text::bilingual_error!(BankCardError);

#[cfg(test)]
#[allow(clippy::string_slice, clippy::arithmetic_side_effects)] // Tests build their cases by position.
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn checks_luhn() {
        assert_eq!(parse_bank_card("6222 0202 0000 0000 006"), Ok("6222020200000000006".into()));
        assert_eq!(parse_bank_card("4111111111111111"), Ok("4111111111111111".into()));
        assert_eq!(parse_bank_card("4111111111111112"), Err(BankCardError::WrongCheckDigit));
        assert_eq!(parse_bank_card("411111"), Err(BankCardError::TooShort { digits: 6 }));
        assert_eq!(parse_bank_card("41111111111111111111"), Err(BankCardError::TooLong { digits: 20 }));
        assert_eq!(parse_bank_card("4111 1111 1111 111x"), Err(BankCardError::InvalidCharacter { found: 'x' }));
    }

    proptest! {
        #[test]
        fn every_single_digit_change_breaks_the_check(body in "[0-9]{15,18}", position in 0usize..19, replacement in 0u8..10) {
            let check = (0..10u8).find(|d| luhn_valid(&format!("{body}{d}"))).expect("one check digit fits");
            let valid = format!("{body}{check}");
            let mut bytes = valid.clone().into_bytes();
            let position = position % bytes.len();
            prop_assume!(bytes[position] != b'0' + replacement);
            bytes[position] = b'0' + replacement;
            prop_assert!(!luhn_valid(&String::from_utf8(bytes).expect("ascii")));
        }
    }
}
