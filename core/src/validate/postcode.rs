//! Postcodes (邮政编码): six digits.

use super::chars::{quoted, typed_code};
use crate::text::{zh_en, Lang};

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PostcodeError {
    /// Occurs when a character other than a digit appears; `found` as typed.
    InvalidCharacter { found: char },
    /// Occurs when fewer or more than six digits were given.
    NotSixDigits { found: usize },
}

/// Checks a postcode; returns its canonical six digits.
pub fn parse_postcode(input: &str) -> Result<String, PostcodeError> {
    let typed = typed_code(input);
    if let Some(other) = typed.iter().find(|c| !c.canonical.is_ascii_digit()) {
        return Err(PostcodeError::InvalidCharacter { found: other.typed });
    }
    match typed.len() {
        6 => Ok(typed.iter().map(|c| c.canonical).collect()),
        found => Err(PostcodeError::NotSixDigits { found }),
    }
}

impl PostcodeError {
    pub fn is_incomplete(&self) -> bool {
        matches!(self, PostcodeError::NotSixDigits { found } if *found < 6)
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            PostcodeError::InvalidCharacter { found } => zh_en!(
                lang,
                format!("邮政编码只含数字，{}不对", quoted(*found, lang)),
                format!("A postcode has digits only; {} is not allowed", quoted(*found, lang))
            ),
            PostcodeError::NotSixDigits { found } => zh_en!(
                lang,
                format!("邮政编码是 6 位数字，您输入了 {found} 位"),
                format!("A postcode is 6 digits; you entered {found}")
            ),
        }
    }
}

crate::text::bilingual_error!(PostcodeError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_digits_only() {
        assert_eq!(parse_postcode(" 100 000 "), Ok("100000".into()));
        assert_eq!(parse_postcode("１０００００"), Ok("100000".into()));
        assert_eq!(parse_postcode("10000"), Err(PostcodeError::NotSixDigits { found: 5 }));
        assert_eq!(parse_postcode("10000a"), Err(PostcodeError::InvalidCharacter { found: 'a' }), "as typed");
        assert_eq!(PostcodeError::InvalidCharacter { found: 'a' }.message(Lang::Zh), "邮政编码只含数字，“a”不对");
        assert_eq!(parse_postcode("1000000"), Err(PostcodeError::NotSixDigits { found: 7 }));
        assert!(!PostcodeError::NotSixDigits { found: 7 }.is_incomplete());
    }
}
