//! Mobile numbers (手机号码): 11 digits starting `13`-`19`, optionally written with `+86`.

use super::chars::{is_dash, quoted, typed_code};
use crate::text::{zh_en, Lang};

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
        let typed = typed_code(input);
        let canonical: String = typed.iter().map(|c| c.canonical).collect();
        let skipped = if canonical.starts_with("+86") {
            3
        } else if canonical.starts_with("0086") {
            4
        } else {
            0
        };
        let mut digits = String::new();
        for character in typed.iter().skip(skipped) {
            match character.canonical {
                digit @ '0'..='9' => digits.push(digit),
                c if is_dash(c) || matches!(c, '(' | ')') => {}
                _ => return Err(MobileError::InvalidCharacter { found: character.typed }),
            }
        }
        let digits = match digits.strip_prefix("86") {
            Some(rest) if digits.len() == 13 => rest.to_owned(),
            _ => digits,
        };
        let second = digits.as_bytes().get(1).copied().unwrap_or(b'0');
        match digits.len() {
            count if count < 11 => Err(MobileError::TooShort { digits: count }),
            count if count > 11 => Err(MobileError::TooLong { digits: count }),
            _ if !digits.starts_with('1') || !matches!(second, b'3'..=b'9') => Err(MobileError::WrongStart),
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
        match self {
            MobileError::InvalidCharacter { found } => zh_en!(
                lang,
                format!("手机号码只含数字，{}不对", quoted(*found, lang)),
                format!("A mobile number has only digits; {} is not allowed", quoted(*found, lang))
            ),
            MobileError::TooShort { digits } => zh_en!(
                lang,
                format!("手机号码应为 11 位，您输入了 {digits} 位"),
                format!("A mobile number has 11 digits; you entered {digits}")
            ),
            MobileError::TooLong { digits } => zh_en!(
                lang,
                format!("手机号码应为 11 位，您输入了 {digits} 位，多了 {} 位", digits.saturating_sub(11)),
                format!("A mobile number has 11 digits; you entered {digits}, {} too many", digits.saturating_sub(11))
            ),
            MobileError::WrongStart => lang
                .pick(
                    "手机号码以 13 到 19 开头，请核对前两位",
                    "A mobile number starts with 13 to 19; please check the first two digits",
                )
                .to_owned(),
        }
    }
}

crate::text::bilingual_error!(MobileError);

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
        assert_eq!(Mobile::parse("1380013800a"), Err(MobileError::InvalidCharacter { found: 'a' }), "as typed");
        assert_eq!(Mobile::parse("+86"), Err(MobileError::TooShort { digits: 0 }));
        assert_eq!(
            Mobile::parse("\u{200B}138 0013 8000\u{FEFF}").map(|m| m.as_str().to_owned()),
            Ok("13800138000".into())
        );
        assert_eq!(Mobile::parse("138–0013–8000").map(|m| m.as_str().to_owned()), Ok("13800138000".into()));
    }
}
