//! The resident ID number (居民身份证号码), GB 11643-1999.
//!
//! 18 characters: a 6-digit administrative division code (GB/T 2260), an 8-digit birth date, a
//! 3-digit sequence (odd for men, even for women) and a check character computed with
//! ISO 7064 MOD 11-2 (`0`-`9` or `X`). Old county codes stay valid on old cards, so only the
//! province part of the division code is checked.

use super::chars::{quoted, typed_code_without_dashes};
use crate::date::Date;
use crate::text::Lang;

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
        match (self, lang) {
            (IdNumberError::InvalidCharacter { position, found }, Lang::Zh) => format!(
                "第{position}位{}不对：身份证号码只含数字，只有第 18 位可以是 X",
                quoted(*found, lang)
            ),
            (IdNumberError::InvalidCharacter { position, found }, Lang::En) => format!(
                "Character {position} ({}) is not allowed: an ID number has only digits, and only the 18th character may be X",
                quoted(*found, lang)
            ),
            (IdNumberError::TooShort { length: OLD_LENGTH }, Lang::Zh) => {
                "这是 15 位的旧身份证号码，已不再使用。请填写现在身份证上的 18 位号码".to_owned()
            }
            (IdNumberError::TooShort { length: OLD_LENGTH }, Lang::En) => {
                "This is an old 15-digit ID number, which is no longer used. Enter the 18-character number on the current ID card".to_owned()
            }
            (IdNumberError::TooShort { length }, Lang::Zh) => {
                format!("身份证号码应为 18 位，您输入了 {length} 位，少了 {} 位", LENGTH.saturating_sub(*length))
            }
            (IdNumberError::TooShort { length }, Lang::En) => {
                format!(
                    "An ID number has 18 characters; you entered {length}, {} too few",
                    LENGTH.saturating_sub(*length)
                )
            }
            (IdNumberError::TooLong { length }, Lang::Zh) => {
                format!("身份证号码应为 18 位，您输入了 {length} 位，多了 {} 位", length.saturating_sub(LENGTH))
            }
            (IdNumberError::TooLong { length }, Lang::En) => {
                format!(
                    "An ID number has 18 characters; you entered {length}, {} too many",
                    length.saturating_sub(LENGTH)
                )
            }
            (IdNumberError::UnknownProvince { code }, Lang::Zh) => {
                format!("前两位“{code}”不是任何省份的代码，请核对号码开头")
            }
            (IdNumberError::UnknownProvince { code }, Lang::En) => {
                format!("The first two digits “{code}” are not a province code; please check the start of the number")
            }
            (IdNumberError::ImpossibleBirthDate { digits }, Lang::Zh) => {
                let part = |range| digits.get(range).unwrap_or_default();
                format!("第 7 到 14 位是出生日期，“{}年{}月{}日”不存在", part(0..4), part(4..6), part(6..8))
            }
            (IdNumberError::ImpossibleBirthDate { digits }, Lang::En) => {
                let part = |range| digits.get(range).unwrap_or_default();
                format!(
                    "Characters 7 to 14 are the birth date, and {}-{}-{} does not exist",
                    part(0..4),
                    part(4..6),
                    part(6..8)
                )
            }
            (IdNumberError::BirthDateTooEarly { birth_date }, Lang::Zh) => {
                format!("出生日期 {birth_date} 早于 1900 年，请核对第 7 到 14 位")
            }
            (IdNumberError::BirthDateTooEarly { birth_date }, Lang::En) => {
                format!("The birth date {birth_date} is before 1900; please check characters 7 to 14")
            }
            (IdNumberError::BirthDateInFuture { birth_date }, Lang::Zh) => {
                format!("出生日期 {birth_date} 还没有到，请核对第 7 到 14 位")
            }
            (IdNumberError::BirthDateInFuture { birth_date }, Lang::En) => {
                format!("The birth date {birth_date} is in the future; please check characters 7 to 14")
            }
            (IdNumberError::DoesNotAddUp, Lang::Zh) => {
                "号码有误：可能有一位输错了，或有两位顺序颠倒了。请对照身份证逐位核对".to_owned()
            }
            (IdNumberError::DoesNotAddUp, Lang::En) => {
                "This number does not add up: a character is probably mistyped, or two are swapped. Please compare it with the ID card character by character".to_owned()
            }
        }
    }
}

crate::text::bilingual_error!(IdNumberError);

#[cfg(test)]
#[allow(clippy::string_slice, clippy::arithmetic_side_effects)] // Tests build their cases by position.
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn today() -> Date {
        Date::from_ymd(2026, 11, 22).expect("valid")
    }

    fn check(input: &str) -> Result<IdNumber, IdNumberError> {
        IdNumber::parse(input, today())
    }

    /// Builds a valid number from a 17-digit prefix.
    fn complete(prefix: &str) -> String {
        format!("{prefix}{}", check_character(prefix))
    }

    #[test]
    fn accepts_valid_numbers_and_derives_birth_date_and_sex() {
        let id = check("11010519491231002X").expect("the GB 11643 example is valid");
        assert_eq!(id.birth_date(), Date::from_ymd(1949, 12, 31).expect("valid"));
        assert_eq!(id.sex(), Sex::Female);
        assert_eq!(id.age_on(today()), 76);

        let id = check("440524188001010014").expect_err("1880 is too early");
        assert!(matches!(id, IdNumberError::BirthDateTooEarly { .. }));

        let male = complete("11010119900307123");
        assert_eq!(check(&male).expect("valid").sex(), Sex::Male);
    }

    #[test]
    fn accepts_a_number_ending_in_x_in_every_spelling() {
        for input in [
            "11010519491231002X",
            "11010519491231002x",
            "１１０１０５１９４９１２３１００２ｘ",
            " 110105 19491231 002X ",
        ] {
            let id = check(input).unwrap_or_else(|error| panic!("{input}: {error}"));
            assert_eq!(id.as_str(), "11010519491231002X");
        }
    }

    /// Most numbers whose check character does not fit have a typo elsewhere: a message that
    /// named the fitting last character would lead the applicant to a wrong number that passes
    /// (issue 10: `330422201405133180` with its first digit mistyped was told to end in "4").
    #[test]
    fn a_number_that_does_not_add_up_suggests_no_replacement() {
        let error = check("110105194912310021").expect_err("wrong check character");
        assert_eq!(error, IdNumberError::DoesNotAddUp);
        let mistyped_first = "330422201405133180";
        assert_eq!(check(mistyped_first), Err(IdNumberError::DoesNotAddUp));
        for lang in [Lang::Zh, Lang::En] {
            let message = error.message(lang);
            assert!(!message.contains('X') && !message.contains('“'), "{message}");
            assert!(message.contains(lang.pick("逐位核对", "character by character")), "{message}");
        }
        assert!(error.message(Lang::Zh).contains("输错") && error.message(Lang::Zh).contains("颠倒"));
    }

    #[test]
    fn an_x_typed_last_at_the_wrong_length_is_told_the_length() {
        assert_eq!(check("1101051949123100X"), Err(IdNumberError::TooShort { length: 17 }));
        assert_eq!(check("11010519491231002XX"), Err(IdNumberError::TooLong { length: 19 }));
        assert!(IdNumberError::TooShort { length: 17 }.message(Lang::Zh).contains("您输入了 17 位，少了 1 位"));
        assert!(IdNumberError::TooLong { length: 19 }.message(Lang::En).contains("you entered 19, 1 too many"));
        // An X inside the number is still wrong where it stands.
        assert_eq!(check("1101051949X2310"), Err(IdNumberError::InvalidCharacter { position: 11, found: 'X' }));
    }

    #[test]
    fn an_old_fifteen_digit_number_is_named_as_such() {
        let error = check("110105491231002").expect_err("15 digits");
        assert_eq!(error, IdNumberError::TooShort { length: 15 });
        assert!(error.is_incomplete(), "someone typing 18 digits passes through 15");
        assert!(error.message(Lang::Zh).contains("15 位的旧身份证号码，已不再使用"));
        assert!(error.message(Lang::Zh).contains("18 位号码"));
        assert!(error.message(Lang::En).contains("no longer used"));
    }

    #[test]
    fn characters_are_quoted_as_typed_and_invisible_ones_named() {
        assert_eq!(check("1101x5"), Err(IdNumberError::InvalidCharacter { position: 5, found: 'x' }));
        assert!(IdNumberError::InvalidCharacter { position: 5, found: 'x' }.message(Lang::Zh).contains("“x”"));
        assert_eq!(
            check("\u{FEFF}11010519491231002X").map(|id| id.as_str().to_owned()),
            Ok("11010519491231002X".into())
        );
        assert_eq!(
            check("110105\u{200B}19491231002X").map(|id| id.as_str().to_owned()),
            Ok("11010519491231002X".into())
        );
        let control = IdNumberError::InvalidCharacter { position: 1, found: '\u{7}' };
        assert!(control.message(Lang::Zh).starts_with("第1位不可见字符 U+0007不对"), "{}", control.message(Lang::Zh));
    }

    #[test]
    fn rejects_an_impossible_birth_date() {
        let error = check(&complete("11010119990230123")).expect_err("30 February");
        assert_eq!(error, IdNumberError::ImpossibleBirthDate { digits: "19990230".into() });
        assert!(error.message(Lang::Zh).contains("1999年02月30日”不存在"));
    }

    #[test]
    fn rejects_a_future_birth_date() {
        let error = check(&complete("11010120271201123")).expect_err("future");
        assert!(matches!(error, IdNumberError::BirthDateInFuture { .. }), "{error:?}");
    }

    #[test]
    fn rejects_an_unknown_province_code() {
        let error = check(&complete("99010119900307123")).expect_err("province 99");
        assert_eq!(error, IdNumberError::UnknownProvince { code: "99".into() });
        assert!(error.message(Lang::Zh).contains("“99”"));
        // An unknown county code under a real province is valid: old cards keep old codes.
        assert!(check(&complete("11999919900307123")).is_ok());
    }

    #[test]
    fn rejects_wrong_lengths() {
        assert_eq!(check("1101051949"), Err(IdNumberError::TooShort { length: 10 }));
        assert_eq!(check("1101051949123100211"), Err(IdNumberError::TooLong { length: 19 }));
        assert!(check("1101051949").expect_err("short").is_incomplete());
        assert!(!check("1101051949123100211").expect_err("long").is_incomplete());
        assert!(IdNumberError::TooLong { length: 19 }.message(Lang::Zh).contains("多了 1 位"));
    }

    #[test]
    fn rejects_non_digits_at_their_position() {
        assert_eq!(check("1101A5"), Err(IdNumberError::InvalidCharacter { position: 5, found: 'A' }));
        assert_eq!(check("1101051949X231002X"), Err(IdNumberError::InvalidCharacter { position: 11, found: 'X' }));
        assert_eq!(
            check("110105#19491231002X").map(|_| ()),
            Err(IdNumberError::InvalidCharacter { position: 7, found: '#' })
        );
        // Dashes between groups are separators, as spaces are.
        for input in ["110105-19491231-002X", "110105－19491231－002X", "110105—19491231—002X"] {
            assert_eq!(check(input).map(|id| id.as_str().to_owned()), Ok("11010519491231002X".into()), "{input}");
        }
    }

    #[test]
    fn every_error_has_a_distinct_message_in_both_languages() {
        let errors = [
            IdNumberError::InvalidCharacter { position: 3, found: 'a' },
            IdNumberError::TooShort { length: 3 },
            IdNumberError::TooLong { length: 19 },
            IdNumberError::UnknownProvince { code: "99".into() },
            IdNumberError::ImpossibleBirthDate { digits: "19990230".into() },
            IdNumberError::BirthDateTooEarly { birth_date: Date::from_ymd(1880, 1, 1).expect("valid") },
            IdNumberError::BirthDateInFuture { birth_date: Date::from_ymd(2030, 1, 1).expect("valid") },
            IdNumberError::DoesNotAddUp,
            IdNumberError::TooShort { length: 15 },
        ];
        for lang in [Lang::Zh, Lang::En] {
            let messages: std::collections::BTreeSet<String> = errors.iter().map(|e| e.message(lang)).collect();
            assert_eq!(messages.len(), errors.len(), "{lang:?} messages must differ");
        }
    }

    fn valid_prefix() -> impl Strategy<Value = String> {
        let province = proptest::sample::select(crate::validate::PROVINCE_CODES.to_vec());
        (province, 0u32..10_000, 1900u16..=2025, 1u8..=12, 1u8..=28, 0u32..1000).prop_map(
            |(province, county, year, month, day, sequence)| {
                format!("{province:02}{county:04}{year:04}{month:02}{day:02}{sequence:03}")
            },
        )
    }

    proptest! {
        /// MOD 11-2 detects every swap of two different adjacent digits among the first 17:
        /// neighbouring weights differ by a factor of 2, which is invertible modulo 11.
        #[test]
        fn adjacent_transpositions_of_the_first_seventeen_are_rejected(prefix in valid_prefix(), position in 0usize..16) {
            let code = complete(&prefix);
            let mut characters: Vec<char> = code.chars().collect();
            prop_assume!(characters[position] != characters[position + 1]);
            characters.swap(position, position + 1);
            let changed: String = characters.into_iter().collect();
            prop_assert!(check(&changed).is_err(), "{code} -> {changed}");
        }

        #[test]
        fn generated_valid_numbers_are_accepted(prefix in valid_prefix()) {
            let code = complete(&prefix);
            prop_assert!(check(&code).is_ok(), "{code}");
        }

        #[test]
        fn every_single_substitution_is_rejected(prefix in valid_prefix(), position in 0usize..18, replacement in proptest::sample::select("0123456789X".chars().collect::<Vec<_>>())) {
            let code = complete(&prefix);
            let mut characters: Vec<char> = code.chars().collect();
            prop_assume!(characters[position] != replacement);
            characters[position] = replacement;
            let changed: String = characters.into_iter().collect();
            prop_assert!(check(&changed).is_err(), "{code} -> {changed}");
        }
    }
}
