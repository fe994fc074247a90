//! Bilingual text: Chinese first, English second.

use serde::{Deserialize, Serialize};

/// The language the applicant reads (界面语言). Chinese is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// 简体中文
    #[default]
    #[serde(rename = "zh")]
    Zh,
    /// English
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Picks the string for this language from a Chinese and an English one.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The BCP 47 tag for the document's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language, for a switch between the two.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// A catalog text in both languages (the catalog must carry both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text { zh: zh.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// A number of working days in English, singular for one: "1 working day", "5 working days".
pub fn working_days(count: u16) -> String {
    format!("{count} working {}", if count == 1 { "day" } else { "days" })
}

/// Makes a type with `fn message(&self, lang: Lang) -> String` an error told in both
/// languages: `Display` gives its English message (for logs, tests and the checker's
/// output), and it is a `std::error::Error`. One definition for every error of the core.
macro_rules! bilingual_error {
    ($name:ty) => {
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.message($crate::text::Lang::En))
            }
        }

        impl std::error::Error for $name {}
    };
}
pub(crate) use bilingual_error;

/// One message in both languages, in one match arm: `zh_en!(lang, chinese, english)` gives the
/// expression for `lang`, evaluating only that one. Each error's `message` matches on the
/// variant alone and writes its two texts side by side, so a variant cannot lose a language.
/// (A third language would be a third expression here and a column in the app's table.)
macro_rules! zh_en {
    ($lang:expr, $zh:expr, $en:expr $(,)?) => {
        match $lang {
            $crate::text::Lang::Zh => $zh,
            $crate::text::Lang::En => $en,
        }
    };
}
pub(crate) use zh_en;

/// Bytes as lowercase hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 15)]));
    }
    text
}

/// How many originals and copies of a material to bring (原件、复印件), leaving out a count
/// of none: "原件 1 份，复印件 2 份", "1 original, 2 copies"; empty when neither is asked.
pub fn counts(lang: Lang, originals: u8, copies: u8) -> String {
    let noun = |count: u8, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
    let mut parts = Vec::new();
    if originals > 0 {
        parts.push(zh_en!(lang, format!("原件 {originals} 份"), noun(originals, "original", "originals")));
    }
    if copies > 0 {
        parts.push(zh_en!(lang, format!("复印件 {copies} 份"), noun(copies, "copy", "copies")));
    }
    parts.join(lang.pick("，", ", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_leave_out_none_and_agree_in_number() {
        assert_eq!(counts(Lang::Zh, 1, 2), "原件 1 份，复印件 2 份");
        assert_eq!(counts(Lang::Zh, 0, 1), "复印件 1 份");
        assert_eq!(counts(Lang::Zh, 0, 0), "");
        assert_eq!(counts(Lang::En, 1, 1), "1 original, 1 copy");
        assert_eq!(counts(Lang::En, 2, 0), "2 originals");
        assert_eq!(counts(Lang::En, 0, 3), "3 copies");
    }
}
