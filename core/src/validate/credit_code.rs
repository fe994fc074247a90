//! The unified social credit code (统一社会信用代码), GB 32100-2015.
//!
//! 18 characters from `0-9A-Z` without `I O Z S V`: the registration authority (1 character),
//! the organisation type within it (1), the division code of the registering place (6), the
//! organisation code of GB 11714 (8 characters and its own check character), and a check
//! character computed MOD 31 over the first 17.

use super::chars::{quoted, typed_code_without_dashes};
use crate::text::{zh_en, Lang};

/// The number of characters in a unified social credit code.
pub const LENGTH: usize = 18;

/// The 31 characters the code may contain, in the order of their values 0..=30.
const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of the first 17 characters for the MOD 31 check: 3^(i) mod 31.
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Weights of the 8 body characters of a GB 11714 organisation code.
const ORGANISATION_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Registration authorities (登记管理部门) and the organisation types each may register.
const AUTHORITIES: [(char, &str); 12] = [
    ('1', "1239"),   // 机构编制: 机关, 事业单位, 群众团体, 其他
    ('2', "19"),     // 外交
    ('3', "123459"), // 司法行政: 律师事务所, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
    ('4', "19"),     // 文化
    ('5', "1239"),   // 民政: 社会团体, 民办非企业单位, 基金会, 其他
    ('6', "129"),    // 旅游
    ('7', "129"),    // 宗教
    ('8', "19"),     // 工会
    ('9', "123"),    // 市场监管: 企业, 个体工商户, 农民专业合作社
    ('A', "19"),     // 中央军委改革和编制办公室
    ('N', "1239"),   // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
    ('Y', "1"),      // 其他
];

/// What kind of organisation a code names, from its first two characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrganisationKind {
    pub authority: char,
    pub kind: char,
}

impl OrganisationKind {
    /// True for a company or other enterprise registered by market regulation (企业, 91).
    pub fn is_enterprise(self) -> bool {
        self.authority == '9' && self.kind == '1'
    }

    /// True for an individual business (个体工商户, 92).
    pub fn is_individual_business(self) -> bool {
        self.authority == '9' && self.kind == '2'
    }
}

/// A checked unified social credit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditCode {
    code: String,
}

/// Why a text is not a valid unified social credit code. Positions count from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CreditCodeError {
    /// Occurs when a character outside `0-9A-Z` minus `I O Z S V` appears; `found` is the
    /// character as typed.
    InvalidCharacter { position: usize, found: char },
    /// Occurs when fewer than 18 characters were given.
    TooShort { length: usize },
    /// Occurs when more than 18 characters were given.
    TooLong { length: usize },
    /// Occurs when the first character is not a registration authority (`found` as typed).
    UnknownAuthority { found: char },
    /// Occurs when the second character is not a type that authority registers (both as typed).
    UnknownOrganisationType { authority: char, found: char },
    /// Occurs when characters 3-8 do not start with a province code.
    UnknownDivision { code: String },
    /// Occurs when the organisation code (characters 9-17) fails its own GB 11714 check. As
    /// for [`CreditCodeError::DoesNotAddUp`], no "right" character is named.
    OrganisationCodeDoesNotAddUp,
    /// Occurs when the last character does not match the other 17. Most such codes have a
    /// mistyped or swapped character elsewhere, so the error names no fitting last character.
    DoesNotAddUp,
}

fn value_of(character: char) -> Option<u32> {
    CHARSET.find(character).and_then(|index| u32::try_from(index).ok())
}

/// The MOD 31 check character of 17 characters from the code's character set.
pub fn check_character(first_seventeen: &str) -> Option<char> {
    // At most 17 × 30 × 30: no overflow.
    let mut sum: u32 = 0;
    for (character, weight) in first_seventeen.chars().zip(WEIGHTS) {
        sum = sum.wrapping_add(value_of(character)?.wrapping_mul(weight));
    }
    let value = 31u32.wrapping_sub(sum % 31) % 31;
    CHARSET.chars().nth(value as usize)
}

/// The GB 11714 check character of an 8-character organisation code body.
pub fn organisation_check_character(body: &str) -> Option<char> {
    // At most 8 × 35 × 10: no overflow.
    let mut sum: u32 = 0;
    for (character, weight) in body.chars().zip(ORGANISATION_WEIGHTS) {
        let value = character.to_digit(36)?;
        sum = sum.wrapping_add(value.wrapping_mul(weight));
    }
    match 11u32.wrapping_sub(sum % 11) {
        10 => Some('X'),
        11 => Some('0'),
        digit => char::from_digit(digit, 10),
    }
}

impl CreditCode {
    /// Checks `input` as typed: spaces are ignored, lower case and full-width forms accepted.
    pub fn parse(input: &str) -> Result<CreditCode, CreditCodeError> {
        // Dashes between groups are separators, as spaces are.
        let typed = typed_code_without_dashes(input);
        if let Some((index, found)) = typed.iter().enumerate().find(|(_, c)| value_of(c.canonical).is_none()) {
            return Err(CreditCodeError::InvalidCharacter { position: index.saturating_add(1), found: found.typed });
        }
        match typed.len() {
            length if length < LENGTH => return Err(CreditCodeError::TooShort { length }),
            length if length > LENGTH => return Err(CreditCodeError::TooLong { length }),
            _ => {}
        }
        let code: String = typed.iter().map(|c| c.canonical).collect();
        let part = |range: std::ops::Range<usize>| code.get(range).unwrap_or_default();
        let nth = |index: usize| code.chars().nth(index).unwrap_or('?');
        let typed_at = |index: usize| typed.get(index).map_or('?', |c| c.typed);
        let (authority, kind) = (nth(0), nth(1));
        let kinds = AUTHORITIES
            .iter()
            .find(|(code, _)| *code == authority)
            .map(|(_, kinds)| *kinds)
            .ok_or(CreditCodeError::UnknownAuthority { found: typed_at(0) })?;
        if !kinds.contains(kind) {
            return Err(CreditCodeError::UnknownOrganisationType { authority: typed_at(0), found: typed_at(1) });
        }
        let division = part(2..8);
        let province: u8 = part(2..4).parse().unwrap_or(0);
        let is_state = province == 10; // 100000: registered at the national level
        if !(division.bytes().all(|b| b.is_ascii_digit()) && (is_state || super::is_province_code(province))) {
            return Err(CreditCodeError::UnknownDivision { code: division.to_owned() });
        }
        if organisation_check_character(part(8..16)) != Some(nth(16)) {
            return Err(CreditCodeError::OrganisationCodeDoesNotAddUp);
        }
        if check_character(part(0..17)) != Some(nth(17)) {
            return Err(CreditCodeError::DoesNotAddUp);
        }
        Ok(CreditCode { code })
    }

    pub fn as_str(&self) -> &str {
        &self.code
    }

    pub fn organisation_kind(&self) -> OrganisationKind {
        let mut characters = self.code.chars();
        OrganisationKind { authority: characters.next().unwrap_or('0'), kind: characters.next().unwrap_or('0') }
    }
}

impl CreditCodeError {
    /// True when the text may simply not be finished yet.
    pub fn is_incomplete(&self) -> bool {
        matches!(self, CreditCodeError::TooShort { .. })
    }

    pub fn message(&self, lang: Lang) -> String {
        use CreditCodeError as E;
        match self {
            E::InvalidCharacter { position, found } => zh_en!(
                lang,
                format!(
                "第{position}位{}不对：信用代码只含数字和字母，不含 I、O、Z、S、V{}",
                quoted(*found, lang),
                look_alike(*found, lang)
            ),
                format!(
                "Character {position} ({}) is not allowed: the code has digits and letters except I, O, Z, S and V{}",
                quoted(*found, lang),
                look_alike(*found, lang)
            )
            ),
            E::TooShort { length } => zh_en!(
                lang,
                format!(
                "统一社会信用代码应为 18 位，您输入了 {length} 位，少了 {} 位",
                LENGTH.saturating_sub(*length)
            ),
                format!(
                "A unified social credit code has 18 characters; you entered {length}, {} too few",
                LENGTH.saturating_sub(*length)
            )
            ),
            E::TooLong { length } => zh_en!(
                lang,
                format!("统一社会信用代码应为 18 位，您输入了 {length} 位，多了 {} 位", length.saturating_sub(LENGTH)),
                format!(
                "A unified social credit code has 18 characters; you entered {length}, {} too many",
                length.saturating_sub(LENGTH)
            )
            ),
            E::UnknownAuthority { found } => zh_en!(
                lang,
                format!("第 1 位“{found}”不是登记管理部门代码，请核对（企业通常以 9 开头）"),
                format!(
                "The first character “{found}” is not a registration authority; please check it (companies start with 9)"
            )
            ),
            E::UnknownOrganisationType { authority, found } => zh_en!(
                lang,
                format!("第 2 位“{found}”不是以“{authority}”开头的代码可用的机构类别，请核对"),
                format!(
                "The second character “{found}” is not an organisation type for codes starting with “{authority}”; please check it"
            )
            ),
            E::UnknownDivision { code } => zh_en!(
                lang,
                format!("第 3 到 8 位“{code}”不是有效的行政区划代码，请核对"),
                format!("Characters 3 to 8 (“{code}”) are not a valid division code; please check them")
            ),
            E::OrganisationCodeDoesNotAddUp => lang.pick("号码有误：第 9 到 17 位的组织机构代码不成立，可能有一位输错了，或有两位顺序颠倒了。请对照营业执照逐位核对", "This code does not add up: the organisation code in characters 9 to 17 fails its check, so a character is probably mistyped or two are swapped. Please compare it with the licence character by character").to_owned(),
            E::DoesNotAddUp => lang.pick("号码有误：可能有一位输错了，或有两位顺序颠倒了。请对照营业执照逐位核对", "This code does not add up: a character is probably mistyped, or two are swapped. Please compare it with the licence character by character").to_owned(),
        }
    }
}

/// For the letters the code leaves out, the digit they are usually mistaken for.
fn look_alike(found: char, lang: Lang) -> String {
    let digit = match found.to_ascii_uppercase() {
        'I' => '1',
        'O' => '0',
        'Z' => '2',
        'S' => '5',
        _ => return String::new(),
    };
    match lang {
        Lang::Zh => format!("（是不是数字 {digit}？）"),
        Lang::En => format!(" (is it the digit {digit}?)"),
    }
}

crate::text::bilingual_error!(CreditCodeError);

#[cfg(test)]
#[allow(clippy::string_slice, clippy::arithmetic_side_effects)] // Tests build their cases by position.
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Completes a 16-character prefix (authority, type, division, organisation body) into a
    /// valid code.
    fn complete(prefix: &str) -> String {
        let with_organisation = format!("{prefix}{}", organisation_check_character(&prefix[8..16]).expect("body"));
        format!("{with_organisation}{}", check_character(&with_organisation).expect("charset"))
    }

    #[test]
    fn accepts_published_codes() {
        for code in ["91350100M000100Y43", "91110000802100433B", "12100000400000624D"] {
            let parsed = CreditCode::parse(code).unwrap_or_else(|error| panic!("{code}: {error}"));
            assert_eq!(parsed.as_str(), code);
        }
        assert!(CreditCode::parse("91350100M000100Y43").expect("valid").organisation_kind().is_enterprise());
        assert_eq!(
            CreditCode::parse(" 91350100m000100y43 ").map(|c| c.as_str().to_owned()),
            Ok("91350100M000100Y43".into())
        );
    }

    #[test]
    fn names_each_problem() {
        assert_eq!(CreditCode::parse("9135010"), Err(CreditCodeError::TooShort { length: 7 }));
        assert_eq!(CreditCode::parse("91350100M000100Y431"), Err(CreditCodeError::TooLong { length: 19 }));
        assert_eq!(
            CreditCode::parse("91350100M0001O0Y43"),
            Err(CreditCodeError::InvalidCharacter { position: 14, found: 'O' })
        );
        assert_eq!(
            CreditCode::parse(&complete("B1350100M000100Y")),
            Err(CreditCodeError::UnknownAuthority { found: 'B' })
        );
        assert_eq!(
            CreditCode::parse(&complete("95350100M000100Y")),
            Err(CreditCodeError::UnknownOrganisationType { authority: '9', found: '5' })
        );
        assert_eq!(
            CreditCode::parse(&complete("91990100M000100Y")),
            Err(CreditCodeError::UnknownDivision { code: "990100".into() })
        );
        assert_eq!(CreditCode::parse("91350100M000100Y53"), Err(CreditCodeError::OrganisationCodeDoesNotAddUp));
        let error = CreditCode::parse("91350100M000100Y44").expect_err("check");
        assert_eq!(error, CreditCodeError::DoesNotAddUp);
        for error in [CreditCodeError::DoesNotAddUp, CreditCodeError::OrganisationCodeDoesNotAddUp] {
            for lang in [Lang::Zh, Lang::En] {
                let message = error.message(lang);
                assert!(!message.contains('“'), "no character is suggested: {message}");
                assert!(message.contains(lang.pick("逐位核对", "character by character")), "{message}");
            }
        }
    }

    #[test]
    fn characters_are_quoted_as_typed_and_dashes_are_separators() {
        let error = CreditCode::parse("91350100m0001o0Y43").expect_err("o");
        assert_eq!(error, CreditCodeError::InvalidCharacter { position: 14, found: 'o' });
        assert!(error.message(Lang::Zh).contains("第14位“o”不对"), "{}", error.message(Lang::Zh));
        assert!(error.message(Lang::Zh).contains("是不是数字 0"), "{}", error.message(Lang::Zh));
        // The first two characters too: a lower-case letter is quoted as typed.
        let authority = "b1350100M000100Y4".to_owned();
        assert_eq!(CreditCode::parse(&format!("{authority}3")), Err(CreditCodeError::UnknownAuthority { found: 'b' }));
        assert!(CreditCodeError::UnknownAuthority { found: 'b' }.message(Lang::Zh).contains("“b”"));
        assert_eq!(
            CreditCode::parse("y2350100M000100Y43"),
            Err(CreditCodeError::UnknownOrganisationType { authority: 'y', found: '2' })
        );
        assert_eq!(
            CreditCode::parse("91350100-M000100Y4-3").map(|c| c.as_str().to_owned()),
            Ok("91350100M000100Y43".into())
        );
        assert_eq!(
            CreditCode::parse("\u{FEFF}91350100M000100Y43\u{200B}").map(|c| c.as_str().to_owned()),
            Ok("91350100M000100Y43".into())
        );
    }

    fn valid_code() -> impl Strategy<Value = String> {
        let authority = proptest::sample::select(AUTHORITIES.to_vec());
        let province = proptest::sample::select(crate::validate::PROVINCE_CODES.to_vec());
        let body = proptest::collection::vec(proptest::sample::select(CHARSET.chars().collect::<Vec<_>>()), 8);
        (authority, 0usize..6, province, 0u32..10_000, body).prop_map(
            |((authority, kinds), kind, province, county, body)| {
                let kind = kinds.chars().nth(kind % kinds.len()).unwrap_or('1');
                let body: String = body.into_iter().collect();
                complete(&format!("{authority}{kind}{province:02}{county:04}{body}"))
            },
        )
    }

    proptest! {
        #[test]
        fn generated_valid_codes_are_accepted(code in valid_code()) {
            prop_assert!(CreditCode::parse(&code).is_ok(), "{code}");
        }

        #[test]
        fn every_single_substitution_is_rejected(code in valid_code(), position in 0usize..18, replacement in proptest::sample::select(CHARSET.chars().collect::<Vec<_>>())) {
            let mut characters: Vec<char> = code.chars().collect();
            prop_assume!(characters[position] != replacement);
            characters[position] = replacement;
            let changed: String = characters.into_iter().collect();
            prop_assert!(CreditCode::parse(&changed).is_err(), "{code} -> {changed}");
        }

        #[test]
        fn adjacent_transpositions_are_rejected(code in valid_code(), position in 0usize..17) {
            let mut characters: Vec<char> = code.chars().collect();
            prop_assume!(characters[position] != characters[position + 1]);
            characters.swap(position, position + 1);
            let changed: String = characters.into_iter().collect();
            // MOD 31 with these weights detects every adjacent transposition of distinct characters.
            prop_assert!(CreditCode::parse(&changed).is_err(), "{code} -> {changed}");
        }
    }
}
