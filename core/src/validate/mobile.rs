//! Mobile numbers (手机号码): 11 digits starting `13`-`19`, optionally written with `+86`.

use std::fmt;

use crate::text::Lang;

/// A checked mobile number, 11 digits without country code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mobile(String);

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MobileError {
    /// Occurs when a character other than a digit, space, `-` or a leading `+86` appears.
    InvalidCharacter { found: char },
    /// Occurs when fewer than 11 digits were given.
    TooShort { digits: usize },
    /// Occurs when more than 11 digits were given.
    TooLong { digits: usize },
    /// Occurs when the number does not start with 13 to 19.
    WrongStart,
}

impl Mobile {
    pub fn parse(input: &str) -> Result<Mobile, MobileError> {
        let normalized = super::normalize_code(input);
        let without_country =
            normalized.strip_prefix("+86").or_else(|| normalized.strip_prefix("0086")).unwrap_or(&normalized);
        let mut digits = String::new();
        for character in without_country.chars() {
            match character {
                '0'..='9' => digits.push(character),
                '-' | '(' | ')' => {}
                other => return Err(MobileError::InvalidCharacter { found: other }),
            }
        }
        let digits = if digits.len() == 13 && digits.starts_with("86") { digits[2..].to_owned() } else { digits };
        match digits.len() {
            count if count < 11 => Err(MobileError::TooShort { digits: count }),
            count if count > 11 => Err(MobileError::TooLong { digits: count }),
            _ if !digits.starts_with('1') || !matches!(digits.as_bytes()[1], b'3'..=b'9') => {
                Err(MobileError::WrongStart)
            }
            _ => Ok(Mobile(digits)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl MobileError {
    pub fn is_incomplete(&self) -> bool {
        matches!(self, MobileError::TooShort { .. })
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (MobileError::InvalidCharacter { found }, Lang::Zh) => {
                format!("手机号码只含数字，“{found}”不对")
            }
            (MobileError::InvalidCharacter { found }, Lang::En) => {
                format!("A mobile number has only digits; “{found}” is not allowed")
            }
            (MobileError::TooShort { digits }, Lang::Zh) => {
                format!("手机号码应为 11 位，您输入了 {digits} 位")
            }
            (MobileError::TooShort { digits }, Lang::En) => {
                format!("A mobile number has 11 digits; you entered {digits}")
            }
            (MobileError::TooLong { digits }, Lang::Zh) => {
                format!("手机号码应为 11 位，您输入了 {digits} 位")
            }
            (MobileError::TooLong { digits }, Lang::En) => {
                format!("A mobile number has 11 digits; you entered {digits}")
            }
            (MobileError::WrongStart, Lang::Zh) => "手机号码以 13 到 19 开头，请核对前两位".to_owned(),
            (MobileError::WrongStart, Lang::En) => {
                "A mobile number starts with 13 to 19; please check the first two digits".to_owned()
            }
        }
    }
}

impl fmt::Display for MobileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for MobileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_common_spellings() {
        for input in [
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+86 138 0013 8000",
            "８６１３８００１３８０００",
            "19912345678",
        ] {
            assert_eq!(
                Mobile::parse(input).map(|m| m.as_str().to_owned()).ok().as_deref().map(|s| s.len()),
                Some(11),
                "{input}"
            );
        }
        assert_eq!(Mobile::parse("+86 138 0013 8000").expect("valid").as_str(), "13800138000");
    }

    #[test]
    fn names_each_problem() {
        assert_eq!(Mobile::parse("1380013"), Err(MobileError::TooShort { digits: 7 }));
        assert_eq!(Mobile::parse("138001380001"), Err(MobileError::TooLong { digits: 12 }));
        assert_eq!(Mobile::parse("12800138000"), Err(MobileError::WrongStart));
        assert_eq!(Mobile::parse("23800138000"), Err(MobileError::WrongStart));
        assert_eq!(Mobile::parse("1380013800a"), Err(MobileError::InvalidCharacter { found: 'A' }));
    }
}
