//! E-mail addresses (电子邮箱): a pragmatic check of `local@domain.tld`, which catches the
//! mistakes people make (a missing `@`, a comma for a dot, a space) without rejecting real
//! addresses.

use super::chars::{quoted, without_invisible};
use crate::text::{zh_en, Lang};

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EmailError {
    /// Occurs when there is no `@`, or more than one.
    NotOneAt,
    /// Occurs when nothing stands before the `@`.
    EmptyLocalPart,
    /// Occurs when the part after `@` is not a domain name with a dot (`example.com`).
    InvalidDomain { domain: String },
    /// Occurs when a space, comma or other impossible character appears.
    InvalidCharacter { found: char },
}

/// Checks an address; returns it trimmed, with the domain in lower case.
pub fn parse_email(input: &str) -> Result<String, EmailError> {
    let text = without_invisible(input);
    let text = text.as_str();
    if let Some(found) =
        text.chars().find(|c| c.is_whitespace() || matches!(c, ',' | '，' | ';' | '<' | '>' | '"' | '＠'))
    {
        return Err(EmailError::InvalidCharacter { found });
    }
    let mut parts = text.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(EmailError::NotOneAt);
    };
    if local.is_empty() {
        return Err(EmailError::EmptyLocalPart);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |label: &&str| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    if labels.len() < 2 || !labels.iter().all(label_ok) || labels.last().is_some_and(|tld| tld.len() < 2) {
        return Err(EmailError::InvalidDomain { domain: domain.to_owned() });
    }
    Ok(format!("{local}@{}", domain.to_ascii_lowercase()))
}

impl EmailError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            EmailError::NotOneAt => lang
                .pick(
                    "邮箱地址应含一个“@”，例如 name@example.com",
                    "An e-mail address has one “@”, like name@example.com",
                )
                .to_owned(),
            EmailError::EmptyLocalPart => {
                lang.pick("“@”前面还缺少邮箱用户名", "The part before “@” is missing").to_owned()
            }
            EmailError::InvalidDomain { domain } => zh_en!(
                lang,
                format!("“@”后面的“{domain}”不是有效的域名，例如 example.com"),
                format!("“{domain}” after the “@” is not a valid domain such as example.com")
            ),
            EmailError::InvalidCharacter { found } => zh_en!(
                lang,
                format!("邮箱地址中不能有{}", quoted(*found, lang)),
                format!("An e-mail address cannot contain {}", quoted(*found, lang))
            ),
        }
    }
}

crate::text::bilingual_error!(EmailError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_addresses() {
        assert_eq!(parse_email(" Zhang.San+tax@Example.COM.cn "), Ok("Zhang.San+tax@example.com.cn".into()));
        assert_eq!(parse_email("张三@例子.中国"), Ok("张三@例子.中国".into()));
    }

    #[test]
    fn names_each_problem() {
        assert_eq!(parse_email("zhangsan.example.com"), Err(EmailError::NotOneAt));
        assert_eq!(parse_email("a@b@c.com"), Err(EmailError::NotOneAt));
        assert_eq!(parse_email("@example.com"), Err(EmailError::EmptyLocalPart));
        assert_eq!(parse_email("a@example"), Err(EmailError::InvalidDomain { domain: "example".into() }));
        assert_eq!(parse_email("a@example..com"), Err(EmailError::InvalidDomain { domain: "example..com".into() }));
        assert_eq!(parse_email("a@example,com"), Err(EmailError::InvalidCharacter { found: ',' }));
        assert_eq!(parse_email("a b@example.com"), Err(EmailError::InvalidCharacter { found: ' ' }));
        assert_eq!(parse_email("a＠example.com"), Err(EmailError::InvalidCharacter { found: '＠' }));
        assert!(EmailError::InvalidCharacter { found: ' ' }.message(Lang::Zh).ends_with("不能有空格"));
        assert_eq!(parse_email("\u{FEFF}a\u{200B}@example.com"), Ok("a@example.com".into()));
    }
}
