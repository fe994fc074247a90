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
