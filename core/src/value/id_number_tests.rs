#![allow(clippy::string_slice, clippy::arithmetic_side_effects)] // Tests build their cases by position.
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
    for input in
        ["11010519491231002X", "11010519491231002x", "１１０１０５１９４９１２３１００２ｘ", " 110105 19491231 002X "]
    {
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
    assert_eq!(check("\u{FEFF}11010519491231002X").map(|id| id.as_str().to_owned()), Ok("11010519491231002X".into()));
    assert_eq!(check("110105\u{200B}19491231002X").map(|id| id.as_str().to_owned()), Ok("11010519491231002X".into()));
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
        let messages: crate::sorted_map::SortedSet<String> = errors.iter().map(|e| e.message(lang)).collect();
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
