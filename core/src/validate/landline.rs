//! Landline numbers (固定电话) with their area code: `010-12345678`, `0755 1234567`,
//! `(0311)87654321`, optionally with an extension `-123`.

use std::fmt;

use crate::text::Lang;

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
        let text = super::normalize_code(input);
        if let Some(found) = text.chars().find(|c| !(c.is_ascii_digit() || matches!(c, '-' | '(' | ')'))) {
            return Err(LandlineError::InvalidCharacter { found });
        }
        // An extension is a last group after a dash, when the digits before already form a number.
        let groups: Vec<&str> = text.split(['-', '(', ')']).filter(|group| !group.is_empty()).collect();
        let all: String = groups.concat();
        if !all.starts_with('0') {
            return Err(LandlineError::MissingAreaCode);
        }
        // 010 and 02x have three digits; every other area code has four.
        let area_length = if all.starts_with("010") || all.starts_with("02") { 3 } else { 4 };
        let area_code = all.get(..area_length).unwrap_or(&all).to_owned();
        let rest = all.get(area_length..).unwrap_or_default();
        let (number, extension) = match groups.last() {
            Some(last) if groups.len() >= 3 && last.len() <= 5 && rest.len() - last.len() >= 7 => {
                (rest[..rest.len() - last.len()].to_owned(), Some((*last).to_owned()))
            }
            _ => (rest.to_owned(), None),
        };
        let valid_length = if area_length == 3 { number.len() == 8 } else { (7..=8).contains(&number.len()) };
        if !valid_length || number.starts_with('0') {
            return Err(LandlineError::WrongLength { area_code, digits: number.len() });
        }
        Ok(Landline { area_code, number, extension })
    }
}

impl LandlineError {
    pub fn is_incomplete(&self) -> bool {
        matches!(self, LandlineError::WrongLength { digits, .. } if *digits < 7)
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LandlineError::InvalidCharacter { found }, Lang::Zh) => {
                format!("电话号码只含数字和“-”，“{found}”不对")
            }
            (LandlineError::InvalidCharacter { found }, Lang::En) => {
                format!("A phone number has digits and dashes only; “{found}” is not allowed")
            }
            (LandlineError::MissingAreaCode, Lang::Zh) => "请在号码前加上区号，例如 010-12345678".to_owned(),
            (LandlineError::MissingAreaCode, Lang::En) => {
                "Put the area code first, for example 010-12345678".to_owned()
            }
            (LandlineError::WrongLength { area_code, digits }, Lang::Zh) => {
                format!("区号 {area_code} 之后应为 7 或 8 位号码，您输入了 {digits} 位")
            }
            (LandlineError::WrongLength { area_code, digits }, Lang::En) => {
                format!("After the area code {area_code} a number has 7 or 8 digits; you entered {digits}")
            }
        }
    }
}

impl fmt::Display for LandlineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LandlineError {}

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
    }
}
