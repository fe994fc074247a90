//! Landline numbers (固定电话) with their area code: `010-12345678`, `0755 1234567`,
//! `(0311)87654321`, optionally with an extension `-123`.

use super::chars::quoted;
use crate::text::{zh_en, Lang};

/// A checked landline: area code and local number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Landline {
    pub area_code: String,
    pub number: String,
    pub extension: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LandlineError {
    /// Occurs when a character other than digits, spaces, `-`, `(` and `)` appears.
    InvalidCharacter { found: char },
    /// Occurs when the number does not start with an area code beginning with 0.
    MissingAreaCode,
    /// Occurs when the local number after the area code is too short or too long.
    WrongLength { area_code: String, digits: usize },
}

impl Landline {
    pub fn parse(input: &str) -> Result<Landline, LandlineError> {
        let typed = super::chars::typed_code(input);
        if let Some(found) =
            typed.iter().find(|c| !(c.canonical.is_ascii_digit() || matches!(c.canonical, '-' | '(' | ')')))
        {
            return Err(LandlineError::InvalidCharacter { found: found.typed });
        }
        let text: String = typed.iter().map(|c| c.canonical).collect();
        let groups: Vec<&str> = text.split(['-', '(', ')']).filter(|group| !group.is_empty()).collect();
        let all: String = groups.concat();
        if !all.starts_with('0') {
            return Err(LandlineError::MissingAreaCode);
        }
        // 010 and 02x have three digits; every other area code has four.
        let area_length = if all.starts_with("010") || all.starts_with("02") { 3 } else { 4 };
        let (area_code, rest) = all.split_at_checked(area_length).unwrap_or((all.as_str(), ""));
        // An extension is a last group of up to 5 digits, when there are three groups or more
        // and the digits between the area code and it still make a whole number (7 or more).
        let number_length = match groups.last() {
            Some(last) if groups.len() >= 3 && last.len() <= 5 => {
                rest.len().checked_sub(last.len()).filter(|length| *length >= 7)
            }
            _ => None,
        };
        let (number, extension) = match number_length.and_then(|length| rest.split_at_checked(length)) {
            Some((number, extension)) => (number, Some(extension.to_owned())),
            None => (rest, None),
        };
        let valid_length = if area_length == 3 { number.len() == 8 } else { (7..=8).contains(&number.len()) };
        if !valid_length || number.starts_with('0') {
            return Err(LandlineError::WrongLength { area_code: area_code.to_owned(), digits: number.len() });
        }
        Ok(Landline { area_code: area_code.to_owned(), number: number.to_owned(), extension })
    }
}

impl LandlineError {
    pub fn is_incomplete(&self) -> bool {
        matches!(self, LandlineError::WrongLength { digits, .. } if *digits < 7)
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            LandlineError::InvalidCharacter { found } => zh_en!(
                lang,
                format!("电话号码只含数字和“-”，{}不对", quoted(*found, lang)),
                format!("A phone number has digits and dashes only; {} is not allowed", quoted(*found, lang))
            ),
            LandlineError::MissingAreaCode => lang
                .pick("请在号码前加上区号，例如 010-12345678", "Put the area code first, for example 010-12345678")
                .to_owned(),
            LandlineError::WrongLength { area_code, digits } => zh_en!(
                lang,
                format!("区号 {area_code} 之后应为 7 或 8 位号码，您输入了 {digits} 位"),
                format!("After the area code {area_code} a number has 7 or 8 digits; you entered {digits}")
            ),
        }
    }
}

crate::text::bilingual_error!(LandlineError);

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str) -> Result<(String, String, Option<String>), LandlineError> {
        Landline::parse(input).map(|l| (l.area_code, l.number, l.extension))
    }

    #[test]
    fn accepts_area_code_forms() {
        assert_eq!(check("010-12345678"), Ok(("010".into(), "12345678".into(), None)));
        assert_eq!(check("(0311)87654321"), Ok(("0311".into(), "87654321".into(), None)));
        assert_eq!(check("0755 1234567"), Ok(("0755".into(), "1234567".into(), None)));
        assert_eq!(check("021-62345678-806"), Ok(("021".into(), "62345678".into(), Some("806".into()))));
    }

    #[test]
    fn names_each_problem() {
        assert_eq!(check("62345678"), Err(LandlineError::MissingAreaCode));
        assert_eq!(check("010-1234"), Err(LandlineError::WrongLength { area_code: "010".into(), digits: 4 }));
        assert!(Landline::parse("010-1234").expect_err("short").is_incomplete());
        assert_eq!(check("010-1234567"), Err(LandlineError::WrongLength { area_code: "010".into(), digits: 7 }));
        assert_eq!(check("010#12345678"), Err(LandlineError::InvalidCharacter { found: '#' }));
        assert_eq!(check("010-1234567a"), Err(LandlineError::InvalidCharacter { found: 'a' }), "as typed");
    }

    /// Three groups or more, where those before the last are shorter than the area code: the
    /// lengths once subtracted past zero and the page died (issue 10).
    #[test]
    fn short_groups_are_refused_not_a_panic() {
        for input in ["0-1-2", "0-0-0", "0-12-345", "0-7-55123", "01(3)48808", "0(2)395", "0--", "(0)", "0-1-2-3-4-5"] {
            let error = Landline::parse(input).expect_err(input);
            assert!(matches!(error, LandlineError::WrongLength { .. }), "{input}: {error:?}");
        }
        assert_eq!(check("0311-8765432-12345"), Ok(("0311".into(), "8765432".into(), Some("12345".into()))));
    }
}
