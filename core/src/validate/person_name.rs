//! Person names (姓名): Chinese names, which may contain the separator `·` of minority and
//! foreign names (买买提·艾力), or Latin names (letters, spaces, `-`, `'`, `.`), never mixed.

use super::chars::{quoted, without_invisible};
use crate::text::{zh_en, Lang};

const MAX_CHARACTERS: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PersonNameError {
    /// Occurs on digits, punctuation or symbols that no name contains.
    InvalidCharacter { found: char },
    /// Occurs when Chinese characters and Latin letters are mixed.
    MixedScripts,
    /// Occurs when a Chinese name has a single character.
    TooShort,
    /// Occurs past 50 characters.
    TooLong { length: usize },
    /// Occurs when `·` stands first, last, or twice in a row.
    MisplacedSeparator,
}

/// Every block of CJK ideographs Unicode assigns (through Unicode 17), and `〇`: rare
/// characters are exactly what people with unusual names type, so none may be refused.
fn is_chinese(character: char) -> bool {
    matches!(
        character,
        '\u{3007}'                         // 〇
            | '\u{3400}'..='\u{4DBF}'     // Extension A
            | '\u{4E00}'..='\u{9FFF}'     // the unified ideographs
            | '\u{F900}'..='\u{FAFF}'     // compatibility ideographs
            | '\u{20000}'..='\u{2A6DF}'   // Extension B
            | '\u{2A700}'..='\u{2EBEF}'   // Extensions C, D, E, F
            | '\u{2EBF0}'..='\u{2EE5F}'   // Extension I
            | '\u{2F800}'..='\u{2FA1F}'   // compatibility supplement
            | '\u{30000}'..='\u{3134F}'   // Extension G
            | '\u{31350}'..='\u{323AF}'   // Extension H
            | '\u{323B0}'..='\u{3347F}' // Extension J
    )
}

/// Checks a name; returns it trimmed, with the look-alike dots (`•` `・` `．`) made `·`.
pub fn parse_person_name(input: &str) -> Result<String, PersonNameError> {
    let name: String = without_invisible(input)
        .chars()
        .map(|c| if matches!(c, '•' | '・' | '．' | '‧' | '∙') { '·' } else { c })
        .collect();
    let length = name.chars().count();
    if length > MAX_CHARACTERS {
        return Err(PersonNameError::TooLong { length });
    }
    let chinese = name.chars().filter(|c| is_chinese(*c)).count();
    let latin = name.chars().filter(|c| c.is_alphabetic() && !is_chinese(*c)).count();
    let allowed = |c: &char| is_chinese(*c) || c.is_alphabetic() || matches!(c, '·' | ' ' | '-' | '\'' | '.');
    if let Some(found) = name.chars().find(|c| !allowed(c)) {
        return Err(PersonNameError::InvalidCharacter { found });
    }
    if chinese > 0 && latin > 0 {
        return Err(PersonNameError::MixedScripts);
    }
    if chinese > 0 {
        if let Some(found) = name.chars().find(|c| matches!(c, ' ' | '-' | '\'' | '.')) {
            return Err(PersonNameError::InvalidCharacter { found });
        }
        if name.starts_with('·') || name.ends_with('·') || name.contains("··") {
            return Err(PersonNameError::MisplacedSeparator);
        }
        if chinese < 2 {
            return Err(PersonNameError::TooShort);
        }
    }
    Ok(name)
}

impl PersonNameError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PersonNameError::InvalidCharacter { found } => zh_en!(
                lang,
                format!("姓名中不能有{}", quoted(*found, lang)),
                format!("A name cannot contain {}", quoted(*found, lang))
            ),
            PersonNameError::MixedScripts => lang
                .pick(
                    "姓名请全部用汉字，或全部用外文字母",
                    "Write the name either in Chinese characters or in Latin letters, not both",
                )
                .to_owned(),
            PersonNameError::TooShort => lang
                .pick(
                    "中文姓名至少两个字，请写全姓和名",
                    "A Chinese name has at least two characters; write the family and given name",
                )
                .to_owned(),
            PersonNameError::TooLong { length } => zh_en!(
                lang,
                format!("姓名最多 50 个字，您输入了 {length} 个"),
                format!("A name has at most 50 characters; you entered {length}")
            ),
            PersonNameError::MisplacedSeparator => lang
                .pick(
                    "间隔号“·”只能放在两部分名字之间，例如 买买提·艾力",
                    "The separator “·” goes only between two parts of a name, as in 买买提·艾力",
                )
                .to_owned(),
        }
    }
}

crate::text::bilingual_error!(PersonNameError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_chinese_minority_and_latin_names() {
        assert_eq!(parse_person_name(" 张三 "), Ok("张三".into()));
        assert_eq!(parse_person_name("买买提•艾力"), Ok("买买提·艾力".into()));
        assert_eq!(parse_person_name("欧阳娜娜"), Ok("欧阳娜娜".into()));
        assert_eq!(parse_person_name("Mary-Jane O'Neil"), Ok("Mary-Jane O'Neil".into()));
    }

    /// People with rare characters in their names type exactly these (issue 10): every block
    /// of CJK ideographs is Chinese, and so is 〇.
    #[test]
    fn accepts_rare_characters_from_every_ideograph_block() {
        for name in [
            "王\u{3400}",
            "王\u{20000}",
            "王\u{2A700}",
            "王\u{2B740}",
            "王\u{2B820}",
            "王\u{2CEB0}",
            "王\u{2EBF0}",
            "王\u{30000}",
            "王\u{31350}",
            "王\u{323AF}",
            "王\u{323B0}",
            "王\u{2F800}",
            "李〇",
            "〇〇",
        ] {
            assert_eq!(parse_person_name(name).as_deref(), Ok(name), "{name:?}");
        }
    }

    #[test]
    fn invisible_characters_go_and_spaces_are_named_in_words() {
        assert_eq!(parse_person_name("\u{FEFF}张\u{200B}三\u{2060}"), Ok("张三".into()));
        let error = parse_person_name("张 三").expect_err("space");
        assert_eq!(error.message(Lang::Zh), "姓名中不能有空格");
        assert_eq!(error.message(Lang::En), "A name cannot contain a space");
    }

    #[test]
    fn names_each_problem() {
        assert_eq!(parse_person_name("张3"), Err(PersonNameError::InvalidCharacter { found: '3' }));
        assert_eq!(parse_person_name("张San"), Err(PersonNameError::MixedScripts));
        assert_eq!(parse_person_name("张"), Err(PersonNameError::TooShort));
        assert_eq!(parse_person_name("·艾力"), Err(PersonNameError::MisplacedSeparator));
        assert_eq!(parse_person_name("买买提··艾力"), Err(PersonNameError::MisplacedSeparator));
        assert_eq!(parse_person_name("张 三"), Err(PersonNameError::InvalidCharacter { found: ' ' }));
        assert_eq!(parse_person_name(&"名".repeat(51)), Err(PersonNameError::TooLong { length: 51 }));
    }
}
