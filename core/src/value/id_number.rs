//! The resident ID number (居民身份证号码), GB 11643-1999.
//!
//! 18 characters: a 6-digit administrative division code (GB/T 2260), an 8-digit birth date, a
//! 3-digit sequence (odd for men, even for women) and a check character computed with
//! ISO 7064 MOD 11-2 (`0`-`9` or `X`). Old county codes stay valid on old cards, so only the
//! province part of the division code is checked.

use super::chars::{quoted, typed_code_without_dashes};
use crate::date::Date;
use crate::text::{zh_en, Lang};

/// The number of characters in a resident ID number.
pub const LENGTH: usize = 18;

/// MOD 11-2 weights of the first 17 characters, 2^(18-i) mod 11.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// The check character for each remainder of the weighted sum modulo 11.
const CHECK_CHARACTERS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The length of the old numbers issued before 1999, no longer in use.
const OLD_LENGTH: usize = 15;

/// The earliest birth year accepted; an earlier one is a typing mistake.
const EARLIEST_BIRTH_YEAR: u16 = 1900;

/// Sex recorded in the sequence digits (性别).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

/// A checked resident ID number with what can be derived from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdNumber {
    code: String,
    birth_date: Date,
    sex: Sex,
}

/// Why a text is not a valid resident ID number. Positions count from 1, as people count.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdNumberError {
    /// Occurs when a character other than a digit appears, or `X` anywhere but last; `found`
    /// is the character as typed.
    InvalidCharacter { position: usize, found: char },
    /// Occurs when fewer than 18 characters were given (often: not finished typing yet; 15
    /// is an old number).
    TooShort { length: usize },
    /// Occurs when more than 18 characters were given.
    TooLong { length: usize },
    /// Occurs when the first two digits are not a province code.
    UnknownProvince { code: String },
    /// Occurs when characters 7-14 are not a real calendar date (19990230).
    ImpossibleBirthDate { digits: String },
    /// Occurs when the birth date is before 1900.
    BirthDateTooEarly { birth_date: Date },
    /// Occurs when the birth date lies after today.
    BirthDateInFuture { birth_date: Date },
    /// Occurs when the check character does not match the other 17. Most such numbers have a
    /// mistyped or swapped character elsewhere, so the error names no "right" last character:
    /// one that fits would make a different, wrong number pass.
    DoesNotAddUp,
}

impl IdNumber {
    /// Checks `input` as typed by a person, on the day `today`.
    ///
    /// Spaces are ignored, full-width digits and a lower-case `x` are accepted (Chinese input
    /// methods produce them), and the stored code is the canonical 18-character form.
    pub fn parse(input: &str, today: Date) -> Result<IdNumber, IdNumberError> {
        // Dashes between groups are separators, as spaces are.
        let typed = typed_code_without_dashes(input);
        let length = typed.len();
        // An X that ends what was typed is the check character in the wrong place only when
        // the length is wrong: say the length, not the X.
        let trailing_x = typed.iter().rev().take_while(|c| c.canonical == 'X').count();
        for (index, character) in typed.iter().enumerate() {
            let at_end = index >= length.saturating_sub(trailing_x);
            let allowed = character.canonical.is_ascii_digit()
                || (character.canonical == 'X' && (index == LENGTH - 1 || (length != LENGTH && at_end)));
            if !allowed {
                return Err(IdNumberError::InvalidCharacter {
                    position: index.saturating_add(1),
                    found: character.typed,
                });
            }
        }
        if length < LENGTH {
            return Err(IdNumberError::TooShort { length });
        }
        if length > LENGTH {
            return Err(IdNumberError::TooLong { length });
        }
        let code: String = typed.iter().map(|c| c.canonical).collect();
        let digits = |range: std::ops::Range<usize>| code.get(range).unwrap_or_default();
        let province: u8 = digits(0..2).parse().unwrap_or(0);
        if !super::is_province_code(province) {
            return Err(IdNumberError::UnknownProvince { code: digits(0..2).to_owned() });
        }
        let birth_digits = digits(6..14);
        let birth_date = parse_birth_date(birth_digits)
            .ok_or_else(|| IdNumberError::ImpossibleBirthDate { digits: birth_digits.to_owned() })?;
        if birth_date.year() < EARLIEST_BIRTH_YEAR {
            return Err(IdNumberError::BirthDateTooEarly { birth_date });
        }
        if birth_date > today {
            return Err(IdNumberError::BirthDateInFuture { birth_date });
        }
        if !code.ends_with(check_character(digits(0..17))) {
            return Err(IdNumberError::DoesNotAddUp);
        }
        let sequence_digit = code.chars().nth(16).and_then(|c| c.to_digit(10)).unwrap_or(0);
        let sex = if sequence_digit % 2 == 1 { Sex::Male } else { Sex::Female };
        Ok(IdNumber { code, birth_date, sex })
    }

    /// The canonical 18 characters.
    pub fn as_str(&self) -> &str {
        &self.code
    }

    pub fn birth_date(&self) -> Date {
        self.birth_date
    }

    pub fn sex(&self) -> Sex {
        self.sex
    }

    /// Age in whole years on `on`.
    pub fn age_on(&self, on: Date) -> u16 {
        self.birth_date.years_until(on)
    }
}

/// The MOD 11-2 check character of the first 17 digits. The caller guarantees 17 ASCII digits.
pub fn check_character(first_seventeen: &str) -> char {
    // At most 17 × 9 × 10: no overflow.
    let sum: u32 = first_seventeen
        .chars()
        .zip(WEIGHTS)
        .map(|(digit, weight)| digit.to_digit(10).unwrap_or(0).wrapping_mul(weight))
        .fold(0, u32::wrapping_add);
    CHECK_CHARACTERS.get((sum % 11) as usize).copied().unwrap_or('?')
}

fn parse_birth_date(digits: &str) -> Option<Date> {
    let year = digits.get(0..4)?.parse().ok()?;
    let month = digits.get(4..6)?.parse().ok()?;
    let day = digits.get(6..8)?.parse().ok()?;
    Date::from_ymd(year, month, day)
}

impl IdNumberError {
    /// True when the text may simply not be finished yet; the app waits before showing this.
    pub fn is_incomplete(&self) -> bool {
        matches!(self, IdNumberError::TooShort { .. })
    }

    /// A precise, plain message for the applicant.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            IdNumberError::InvalidCharacter { position, found } => zh_en!(
                lang,
                format!(
                "第{position}位{}不对：身份证号码只含数字，只有第 18 位可以是 X",
                quoted(*found, lang)
            ),
                format!(
                "Character {position} ({}) is not allowed: an ID number has only digits, and only the 18th character may be X",
                quoted(*found, lang)
            )
            ),
            IdNumberError::TooShort { length: OLD_LENGTH } => lang.pick("这是 15 位的旧身份证号码，已不再使用。请填写现在身份证上的 18 位号码", "This is an old 15-digit ID number, which is no longer used. Enter the 18-character number on the current ID card").to_owned(),
            IdNumberError::TooShort { length } => zh_en!(
                lang,
                format!("身份证号码应为 18 位，您输入了 {length} 位，少了 {} 位", LENGTH.saturating_sub(*length)),
                format!(
                    "An ID number has 18 characters; you entered {length}, {} too few",
                    LENGTH.saturating_sub(*length)
                )
            ),
            IdNumberError::TooLong { length } => zh_en!(
                lang,
                format!("身份证号码应为 18 位，您输入了 {length} 位，多了 {} 位", length.saturating_sub(LENGTH)),
                format!(
                    "An ID number has 18 characters; you entered {length}, {} too many",
                    length.saturating_sub(LENGTH)
                )
            ),
            IdNumberError::UnknownProvince { code } => zh_en!(
                lang,
                format!("前两位“{code}”不是任何省份的代码，请核对号码开头"),
                format!("The first two digits “{code}” are not a province code; please check the start of the number")
            ),
            IdNumberError::ImpossibleBirthDate { digits } => zh_en!(
                lang,
                {
                let part = |range| digits.get(range).unwrap_or_default();
                format!("第 7 到 14 位是出生日期，“{}年{}月{}日”不存在", part(0..4), part(4..6), part(6..8))
            },
                {
                let part = |range| digits.get(range).unwrap_or_default();
                format!(
                    "Characters 7 to 14 are the birth date, and {}-{}-{} does not exist",
                    part(0..4),
                    part(4..6),
                    part(6..8)
                )
            }
            ),
            IdNumberError::BirthDateTooEarly { birth_date } => zh_en!(
                lang,
                format!("出生日期 {birth_date} 早于 1900 年，请核对第 7 到 14 位"),
                format!("The birth date {birth_date} is before 1900; please check characters 7 to 14")
            ),
            IdNumberError::BirthDateInFuture { birth_date } => zh_en!(
                lang,
                format!("出生日期 {birth_date} 还没有到，请核对第 7 到 14 位"),
                format!("The birth date {birth_date} is in the future; please check characters 7 to 14")
            ),
            IdNumberError::DoesNotAddUp => lang.pick("号码有误：可能有一位输错了，或有两位顺序颠倒了。请对照身份证逐位核对", "This number does not add up: a character is probably mistyped, or two are swapped. Please compare it with the ID card character by character").to_owned(),
        }
    }
}

crate::text::bilingual_error!(IdNumberError);

#[cfg(test)]
#[path = "id_number_tests.rs"]
mod tests;
