//! The English strings (issue 14): no Chinese characters or full-width punctuation where
//! English is read ("(容缺)" was left in one), and singular where there is one ("1 working days").
//! Fixed strings are read from the tables' own source, so a new entry is checked without being
//! listed here; the phrases are called with one and with two.

use yibiao_core::catalog::WaiverMode;

use crate::catalog::PieceFailure;
use yibiao_core::Lang;

use super::*;

/// Chinese characters and the full-width punctuation of Chinese text.
fn is_chinese_script(c: char) -> bool {
    matches!(u32::from(c), 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Fixed strings whose English rightly holds Chinese: the switch to Chinese names it in
/// Chinese, and the search hint gives Chinese words as examples of what to type.
const CHINESE_ON_PURPOSE: &[&str] = &["SwitchLanguage", "SwitchLanguageLabel", "SearchHint"];

/// The (variant, English) pairs of a table's `text` function: each arm is
/// `Name => ("中文", "English")`, its two literals in that order.
fn english_of_table(source: &str, prefix: &str) -> Vec<(String, String)> {
    let body = &source[source.find("pub fn text").expect("a text function")..];
    let mut found = Vec::new();
    for arm in body.split(prefix).skip(1) {
        let name: String = arm.chars().take_while(|c| c.is_alphanumeric()).collect();
        let literals = string_literals(arm);
        if let [_, english, ..] = literals.as_slice() {
            found.push((name, english.clone()));
        }
    }
    found
}

/// The string literals of `code`, in order (escapes kept as written; enough for these tables).
fn string_literals(code: &str) -> Vec<String> {
    let mut literals = Vec::new();
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut literal = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => literal.extend(chars.next()),
                '"' => break,
                other => literal.push(other),
            }
        }
        literals.push(literal);
    }
    literals
}

/// "1 days", "1 departments": a count of one before a plural noun.
fn one_with_plural(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(3).find_map(|window| {
        let noun = window[1].trim_matches(|c: char| !c.is_alphanumeric());
        let noun = if noun == "working" { window[2].trim_matches(|c: char| !c.is_alphanumeric()) } else { noun };
        (window[0] == "1" && noun.ends_with('s') && noun != "is").then(|| window.join(" "))
    })
}

#[test]
fn english_fixed_strings_hold_no_chinese() {
    let tables = [
        (include_str!("table.rs"), "Ui::"),
        (include_str!("packet.rs"), "PacketUi::"),
        (include_str!("modes.rs"), "KioskUi::"),
        (include_str!("modes.rs"), "SpeechUi::"),
        (include_str!("modes.rs"), "HelpUi::"),
        (include_str!("modes.rs"), "HelperUi::"),
        (include_str!("catalog.rs"), "WholeAppUi::"),
    ];
    let mut checked = 0;
    for (source, prefix) in tables {
        for (name, english) in english_of_table(source, prefix) {
            checked += 1;
            if CHINESE_ON_PURPOSE.contains(&name.as_str()) {
                continue;
            }
            assert!(!english.chars().any(is_chinese_script), "{prefix}{name}: “{english}”");
        }
    }
    assert!(checked > 150, "the tables were read ({checked} strings)");
}

#[test]
fn english_phrases_hold_no_chinese_and_agree_in_number() {
    let mut said = Vec::new();
    for failure in
        [crate::platform::whole_app::HandoverFailure::Unreachable, crate::platform::whole_app::HandoverFailure::Refused]
    {
        said.push(whole_app_failure(Lang::En, failure));
    }
    for n in [1u16, 2] {
        let count = usize::from(n);
        said.push(waiver_terms(Lang::En, WaiverMode::Accept, n));
        said.push(waiver_terms(Lang::En, WaiverMode::Process, n));
        said.push(bundle_facts(Lang::En, count, count, n));
        said.push(form_intro(Lang::En, count, count, 9, 6));
        said.push(time_limits(Lang::En, n, n));
        said.push(counts(Lang::En, n as u8, n as u8));
        said.push(search_count(Lang::En, count, "x"));
        said.push(drafts_unreadable(Lang::En, count, true));
        said.push(question_progress(Lang::En, count, count));
        said.push(offline_catalog(Lang::En, count - 1, count, 1_000));
        said.push(offline_catalog(Lang::En, count, count, 0));
        said.push(kiosk_countdown(Lang::En, u32::from(n)));
        said.push(help_where(Lang::En, [None, Some("the desk")][count - 1]));
        said.push(help_ask(Lang::En, "Births"));
        said.push(read_aloud_label(Lang::En, "Births"));
    }
    for failure in [PieceFailure::Unreachable, PieceFailure::Status(404)] {
        said.push(piece_failure(Lang::En, Some("Births"), &failure));
        said.push(piece_failure(Lang::En, None, &failure));
    }
    said.push(waiver_meaning(Lang::En, WaiverMode::Accept).to_owned());
    said.push(waiver_meaning(Lang::En, WaiverMode::Process).to_owned());
    for text in &said {
        assert!(!text.chars().any(is_chinese_script), "“{text}”");
        assert_eq!(one_with_plural(text), None, "“{text}”");
    }
    assert_eq!(one_with_plural("done within 1 working days"), Some("1 working days".to_owned()));
}
