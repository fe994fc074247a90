//! Characters as people type them (输入的字符): what normalisation drops or turns into ASCII,
//! and how a message names a character, so that an invisible one is never quoted as if it
//! could be seen.

use crate::text::Lang;

/// Characters that take no room on screen but survive copying from web pages, documents and
/// chat apps: the byte-order mark, zero-width spaces and joiners, the word joiner, soft hyphens
/// and the direction marks. Rust does not count them as white space.
pub fn is_invisible(character: char) -> bool {
    matches!(
        character,
        '\u{00AD}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// True for what is dropped around an answer: white space and invisible characters.
pub fn is_blank(character: char) -> bool {
    character.is_whitespace() || is_invisible(character)
}

/// An answer without the white space and invisible characters around it.
pub fn trim_answer(input: &str) -> &str {
    input.trim_matches(is_blank)
}

/// One character of a code after normalisation, with what the applicant actually typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Typed {
    /// ASCII for full-width forms, capitals for letters.
    pub canonical: char,
    /// As typed, for messages: a lower-case `x` is quoted as `x`.
    pub typed: char,
}

/// The characters of a code as a checker reads them: white space and invisible characters
/// dropped, full-width forms (which Chinese input methods produce) made ASCII, letters made
/// capitals.
pub fn typed_code(input: &str) -> Vec<Typed> {
    input
        .chars()
        .filter(|c| !is_blank(*c))
        .map(|typed| {
            let ascii = match typed {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(typed).wrapping_sub(0xFEE0)).unwrap_or(typed),
                other => other,
            };
            Typed { canonical: ascii.to_ascii_uppercase(), typed }
        })
        .collect()
}

/// [`typed_code`] without the dashes people put between groups of digits (`110105-1949…`):
/// for the identifiers whose dashes are never part of them.
pub fn typed_code_without_dashes(input: &str) -> Vec<Typed> {
    typed_code(input).into_iter().filter(|c| !is_dash(c.canonical)).collect()
}

/// A free-form answer (an e-mail address, a name) without white space around it and without
/// invisible characters anywhere: they come with text copied from chat apps and documents.
pub fn without_invisible(input: &str) -> String {
    trim_answer(input).chars().filter(|c| !is_invisible(*c)).collect()
}

/// [`typed_code`] as a text of canonical characters.
pub fn normalize_code(input: &str) -> String {
    typed_code(input).into_iter().map(|c| c.canonical).collect()
}

/// True for the dashes people put between groups of digits: `-`, the full-width `－` (already
/// made `-` by [`typed_code`]), and the en and em dashes some keyboards produce.
pub fn is_dash(character: char) -> bool {
    matches!(character, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// A character as a message names it: visible ones in quotes (“a”), spaces and invisible
/// ones in words, with their code point where that helps someone find them.
pub fn quoted(character: char, lang: Lang) -> String {
    let code = u32::from(character);
    match character {
        ' ' | '\u{A0}' => lang.pick("空格", "a space").to_owned(),
        '\u{3000}' => lang.pick("全角空格", "a full-width space").to_owned(),
        c if c.is_whitespace() => match lang {
            Lang::Zh => format!("空白字符 U+{code:04X}"),
            Lang::En => format!("a blank character U+{code:04X}"),
        },
        c if is_invisible(c) || c.is_control() => match lang {
            Lang::Zh => format!("不可见字符 U+{code:04X}"),
            Lang::En => format!("an invisible character U+{code:04X}"),
        },
        c => format!("“{c}”"),
    }
}

/// How many characters a person sees in `text` (用户看到的字数): a character with its
/// combining marks, variation selectors or skin tone, a family joined by zero-width joiners, a
/// flag made of two regional letters or a keycap counts once, as the extended grapheme clusters
/// of Unicode (UAX #29) would for the text people type into forms. Length limits count these,
/// so that an emoji family is one character, not seven.
pub fn visible_length(text: &str) -> usize {
    let mut count = 0usize;
    let mut previous: Option<char> = None;
    let mut regional_pending = false;
    for character in text.chars() {
        let code = u32::from(character);
        let regional = (0x1F1E6..=0x1F1FF).contains(&code);
        let extends = matches!(code,
            0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
            | 0x3099..=0x309A | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF
            | 0xE0020..=0xE007F | 0xE0100..=0xE01EF | 0x200D)
            || previous == Some('\u{200D}')
            || (regional && regional_pending);
        if !extends || previous.is_none() {
            count = count.saturating_add(1);
        }
        regional_pending = regional && !(extends && previous.is_some());
        previous = Some(character);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_dropped_and_named_in_words() {
        assert_eq!(normalize_code("\u{FEFF}1１0\u{200B}x \u{2060}"), "110X");
        assert_eq!(trim_answer("\u{FEFF} 张三\u{200D}\u{3000}"), "张三");
        assert_eq!(quoted('\u{200B}', Lang::Zh), "不可见字符 U+200B");
        assert_eq!(quoted('\u{FEFF}', Lang::En), "an invisible character U+FEFF");
        assert_eq!(quoted(' ', Lang::Zh), "空格");
        assert_eq!(quoted('\u{3000}', Lang::Zh), "全角空格");
        assert_eq!(quoted('\u{7}', Lang::Zh), "不可见字符 U+0007");
        assert_eq!(quoted('x', Lang::Zh), "“x”");
    }

    /// Length limits count what people see (issue 14: a family emoji was seven characters).
    #[test]
    fn visible_length_counts_what_people_see() {
        assert_eq!(visible_length("张三"), 2);
        assert_eq!(visible_length("👨\u{200D}👩\u{200D}👧\u{200D}👦"), 1, "a family");
        assert_eq!(visible_length("👍🏽好"), 2, "a skin tone");
        assert_eq!(visible_length("🇨🇳🇭🇰"), 2, "two flags");
        assert_eq!(visible_length("e\u{301}"), 1, "a combining accent");
        assert_eq!(visible_length("1\u{FE0F}\u{20E3}"), 1, "a keycap");
        assert_eq!(visible_length("\u{200D}a"), 1, "a joiner first joins nothing before it");
        assert_eq!(visible_length(""), 0);
    }

    #[test]
    fn what_was_typed_is_kept_beside_the_canonical_form() {
        let typed = typed_code("ｘo");
        assert_eq!(typed, [Typed { canonical: 'X', typed: 'ｘ' }, Typed { canonical: 'O', typed: 'o' }]);
    }
}
