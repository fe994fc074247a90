//! Postcodes (邮政编码): six digits.

use std::fmt;

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PostcodeError {
    /// Occurs when anything but six digits was given.
    NotSixDigits { found: usize },
}

/// Checks a postcode; returns its canonical six digits.
pub fn parse_postcode(input: &str) -> Result<String, PostcodeError> {
    let text = super::normalize_code(input);
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if digits == 6 && text.len() == 6 {
        Ok(text)
    } else {
        Err(PostcodeError::NotSixDigits { found: text.chars().count() })
    }
}

impl PostcodeError {
    pub fn is_incomplete(&self) -> bool {
        matches!(self, PostcodeError::NotSixDigits { found } if *found < 6)
    }

    pub fn message(&self, lang: Lang) -> String {
        let PostcodeError::NotSixDigits { found } = self;
        match lang {
            Lang::Zh => format!("邮政编码是 6 位数字，您输入了 {found} 个字符"),
            Lang::En => format!("A postcode is 6 digits; you entered {found} characters"),
        }
    }
}

impl fmt::Display for PostcodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PostcodeError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_digits_only() {
        assert_eq!(parse_postcode(" 100 000 "), Ok("100000".into()));
        assert_eq!(parse_postcode("１０００００"), Ok("100000".into()));
        assert_eq!(parse_postcode("10000"), Err(PostcodeError::NotSixDigits { found: 5 }));
        assert_eq!(parse_postcode("10000A"), Err(PostcodeError::NotSixDigits { found: 6 }));
        assert!(!PostcodeError::NotSixDigits { found: 7 }.is_incomplete());
    }
}
