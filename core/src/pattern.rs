//! Answer patterns (格式): the shape a whole answer must have, such as `JY[0-9]{14}` for a food
//! permit number. A deliberately small language, enough for the identifiers on government forms
//! and small enough to ship to the browser: characters, character classes and counts, always
//! matched against the whole answer.
//!
//! - a character stands for itself; `\` makes a special character plain (`\.`, `\[`), and `\d`
//!   is a digit;
//! - `.` is any character;
//! - `[…]` is one of the characters listed, with ranges (`[A-HJ-NP-Z0-9]`, `[京津沪]`); `[^…]`
//!   is any character not listed;
//! - a count follows what it repeats: `{6}`, `{6,20}`, `{6,}`, `?` (0 or 1), `*` (any), `+` (1 or
//!   more).
//!
//! Groups and alternatives (`(…)`, `|`) are not supported: a catalog names each choice as an
//! option instead.
//!
//! Patterns come from catalog files and are matched on every keystroke: a pattern has at most
//! [`MAX_PATTERN_CHARACTERS`], nothing recurses, matching takes time in proportion to the
//! pieces times the answer's length whatever the counts, and nothing here may index or count
//! past an end (the lints below).
#![deny(
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::arithmetic_side_effects,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::unreachable
)]

use crate::text::Lang;

/// The longest pattern accepted, in characters: an identifier's shape needs a few dozen.
pub const MAX_PATTERN_CHARACTERS: usize = 500;

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compiled {
    pieces: Vec<Piece>,
}

/// One character class and how many times it repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    set: Set,
    min: u32,
    /// `None` for no upper limit.
    max: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Set {
    Any,
    /// Inclusive ranges; a single character is a range of one.
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
}

impl Set {
    fn contains(&self, c: char) -> bool {
        match self {
            Set::Any => true,
            Set::Class { negated, ranges } => ranges.iter().any(|(low, high)| (*low..=*high).contains(&c)) != *negated,
        }
    }

    fn one(c: char) -> Set {
        Set::Class { negated: false, ranges: vec![(c, c)] }
    }
}

/// Why a pattern cannot be compiled; `at` counts characters from 0.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PatternError {
    /// Occurs on `(`, `)`, `|`, `^` or `$`, which this language leaves out.
    Unsupported { found: char, at: usize },
    /// Occurs on a `\` followed by a letter other than `d`, or by nothing.
    UnknownEscape { at: usize },
    /// Occurs when a `[` has no closing `]`.
    UnclosedClass { at: usize },
    /// Occurs on `[]` or `[^]`.
    EmptyClass { at: usize },
    /// Occurs on a range whose ends are the wrong way round, such as `[9-0]`.
    ReversedRange { at: usize },
    /// Occurs on a count with nothing before it, or a malformed or reversed `{…}`.
    BadCount { at: usize },
    /// Occurs when a pattern has more than [`MAX_PATTERN_CHARACTERS`]; `at` is where the limit
    /// is passed.
    TooLong { at: usize },
}

impl PatternError {
    pub fn message(&self, lang: Lang) -> String {
        let place = |at: &usize| at.saturating_add(1);
        match (self, lang) {
            (PatternError::Unsupported { found, at }, Lang::Zh) => format!(
                "第 {} 个字符“{found}”不受支持：格式里不能用分组或“或”，请把每种写法列为选项",
                place(at)
            ),
            (PatternError::Unsupported { found, at }, Lang::En) => format!(
                "character {} “{found}” is not supported: patterns have no groups or alternatives; list each choice as an option",
                place(at)
            ),
            (PatternError::TooLong { .. }, Lang::Zh) => {
                format!("格式太长：最多 {MAX_PATTERN_CHARACTERS} 个字符")
            }
            (PatternError::TooLong { .. }, Lang::En) => {
                format!("the pattern is too long: at most {MAX_PATTERN_CHARACTERS} characters")
            }
            (PatternError::UnknownEscape { at }, Lang::Zh) => {
                format!("第 {} 个字符：“\\”后只能跟 d（数字）或一个符号", place(at))
            }
            (PatternError::UnknownEscape { at }, Lang::En) => {
                format!("character {}: “\\” may only be followed by d (a digit) or a symbol", place(at))
            }
            (PatternError::UnclosedClass { at }, Lang::Zh) => format!("第 {} 个字符的“[”没有对应的“]”", place(at)),
            (PatternError::UnclosedClass { at }, Lang::En) => format!("the “[” at character {} is never closed", place(at)),
            (PatternError::EmptyClass { at }, Lang::Zh) => format!("第 {} 个字符起的“[]”里没有字符", place(at)),
            (PatternError::EmptyClass { at }, Lang::En) => format!("the class at character {} lists no character", place(at)),
            (PatternError::ReversedRange { at }, Lang::Zh) => format!("第 {} 个字符的范围前后颠倒了", place(at)),
            (PatternError::ReversedRange { at }, Lang::En) => {
                format!("the range at character {} runs backwards", place(at))
            }
            (PatternError::BadCount { at }, Lang::Zh) => {
                format!("第 {} 个字符的次数写法不对：应写在字符或“[…]”之后，如 {{6}}、{{6,20}}、?、*、+", place(at))
            }
            (PatternError::BadCount { at }, Lang::En) => format!(
                "the count at character {} is malformed: it follows a character or “[…]”, as in {{6}}, {{6,20}}, ?, *, +",
                place(at)
            ),
        }
    }
}

crate::text::bilingual_error!(PatternError);

/// Compiles a pattern.
pub fn compile(source: &str) -> Result<Compiled, PatternError> {
    let chars: Vec<char> = source.chars().collect();
    if chars.len() > MAX_PATTERN_CHARACTERS {
        return Err(PatternError::TooLong { at: MAX_PATTERN_CHARACTERS });
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let mut at = 0;
    while let Some(&c) = chars.get(at) {
        let set = match c {
            '(' | ')' | '|' | '^' | '$' => return Err(PatternError::Unsupported { found: c, at }),
            '{' | '?' | '*' | '+' => {
                let last = pieces.last_mut().filter(|piece| piece.min == 1 && piece.max == Some(1));
                let Some(piece) = last else { return Err(PatternError::BadCount { at }) };
                let (min, max, next) = count(&chars, at)?;
                piece.min = min;
                piece.max = max;
                at = next;
                continue;
            }
            '.' => {
                at = at.saturating_add(1);
                Set::Any
            }
            '\\' => {
                let set = escape(chars.get(at.saturating_add(1)).copied(), at)?;
                at = at.saturating_add(2);
                set
            }
            '[' => {
                let (set, next) = class(&chars, at)?;
                at = next;
                set
            }
            other => {
                at = at.saturating_add(1);
                Set::one(other)
            }
        };
        pieces.push(Piece { set, min: 1, max: Some(1) });
    }
    Ok(Compiled { pieces })
}

fn escape(next: Option<char>, at: usize) -> Result<Set, PatternError> {
    match next {
        Some('d') => Ok(Set::Class { negated: false, ranges: vec![('0', '9')] }),
        Some(c) if !c.is_alphanumeric() => Ok(Set::one(c)),
        _ => Err(PatternError::UnknownEscape { at }),
    }
}

/// A `[…]` starting at `start`, and where it ends.
fn class(chars: &[char], start: usize) -> Result<(Set, usize), PatternError> {
    let mut at = start.saturating_add(1);
    let negated = chars.get(at) == Some(&'^');
    if negated {
        at = at.saturating_add(1);
    }
    let mut ranges = Vec::new();
    loop {
        let low = match chars.get(at) {
            None => return Err(PatternError::UnclosedClass { at: start }),
            Some(']') => break,
            Some('\\') => match chars.get(at.saturating_add(1)) {
                Some('d') => {
                    ranges.push(('0', '9'));
                    at = at.saturating_add(2);
                    continue;
                }
                Some(c) if !c.is_alphanumeric() => {
                    at = at.saturating_add(2);
                    *c
                }
                _ => return Err(PatternError::UnknownEscape { at }),
            },
            Some(c) => {
                at = at.saturating_add(1);
                *c
            }
        };
        let high = match (chars.get(at), chars.get(at.saturating_add(1))) {
            (Some('-'), Some(high)) if *high != ']' => Some(*high),
            _ => None,
        };
        match high {
            Some(high) if high < low => return Err(PatternError::ReversedRange { at }),
            Some(high) => {
                ranges.push((low, high));
                at = at.saturating_add(2);
            }
            None => ranges.push((low, low)),
        }
    }
    if ranges.is_empty() {
        return Err(PatternError::EmptyClass { at: start });
    }
    Ok((Set::Class { negated, ranges }, at.saturating_add(1)))
}

/// A count starting at `start`: (min, max, where it ends).
fn count(chars: &[char], start: usize) -> Result<(u32, Option<u32>, usize), PatternError> {
    let after = start.saturating_add(1);
    match chars.get(start) {
        Some('?') => return Ok((0, Some(1), after)),
        Some('*') => return Ok((0, None, after)),
        Some('+') => return Ok((1, None, after)),
        _ => {}
    }
    let bad = PatternError::BadCount { at: start };
    let rest = chars.get(after..).unwrap_or_default();
    let length = rest.iter().position(|c| *c == '}').ok_or(bad.clone())?;
    let inside: String = rest.iter().take(length).collect();
    let number = |text: &str| text.parse::<u32>().ok().filter(|n| *n <= 1000);
    let (min, max) = match inside.split_once(',') {
        None => {
            let n = number(&inside).ok_or(bad.clone())?;
            (n, Some(n))
        }
        Some((low, "")) => (number(low).ok_or(bad.clone())?, None),
        Some((low, high)) => (number(low).ok_or(bad.clone())?, Some(number(high).ok_or(bad.clone())?)),
    };
    if max.is_some_and(|max| max < min) {
        return Err(bad);
    }
    Ok((min, max, after.saturating_add(length).saturating_add(1)))
}

impl Compiled {
    /// Whether the whole of `text` has this shape.
    ///
    /// After each piece, the set of positions it can end at: position `end` is reachable when
    /// some reachable `start` lies at most `max` and at least `min` characters before it, with
    /// every character between in the piece's set. One pass over the text per piece, with a
    /// running count of reachable starts, whatever the counts say.
    pub fn is_match(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let mut reachable = vec![false; chars.len().saturating_add(1)];
        if let Some(first) = reachable.first_mut() {
            *first = true;
        }
        for piece in &self.pieces {
            // before[k]: how many reachable positions lie before k.
            let mut before = Vec::with_capacity(reachable.len().saturating_add(1));
            before.push(0usize);
            for (index, is_reachable) in reachable.iter().enumerate() {
                let so_far = before.get(index).copied().unwrap_or(0);
                before.push(so_far.saturating_add(usize::from(*is_reachable)));
            }
            let min = piece.min as usize;
            let max = piece.max.map(|max| max as usize);
            // The first position of the run of characters in the set that ends at `end`.
            let mut run_start = 0;
            let next: Vec<bool> = (0..reachable.len())
                .map(|end| {
                    if end > 0 && !chars.get(end.saturating_sub(1)).is_some_and(|c| piece.set.contains(*c)) {
                        run_start = end;
                    }
                    let Some(latest) = end.checked_sub(min) else { return false };
                    let earliest = max.map_or(0, |max| end.saturating_sub(max)).max(run_start);
                    let count = |k: usize| before.get(k).copied().unwrap_or(0);
                    earliest <= latest && count(latest.saturating_add(1)) > count(earliest)
                })
                .collect();
            reachable = next;
        }
        reachable.last().copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn matches(pattern: &str, text: &str) -> bool {
        compile(pattern).expect("compiles").is_match(text)
    }

    #[test]
    fn the_catalogs_patterns_match_whole_answers() {
        assert!(matches("JY[0-9]{14}", "JY13301020012345"));
        assert!(!matches("JY[0-9]{14}", "JY1330102001234"), "one digit short");
        assert!(!matches("JY[0-9]{14}", "XJY13301020012345"), "anchored at the start");
        assert!(!matches("JY[0-9]{14}", "JY133010200123456"), "anchored at the end");
        let plate = "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][A-HJ-NP-Z0-9]{5,6}";
        assert!(matches(plate, "浙A12345"));
        assert!(matches(plate, "浙AD12345"), "new-energy plates have six");
        assert!(!matches(plate, "浙AI2345"), "no letter I");
        assert!(!matches(plate, "港A12345"));
        assert!(matches("[0-9]{6,20}", "123456"));
        assert!(!matches("[0-9]{6,20}", "12345"));
        assert!(matches(r"\d+\.\d{2}", "50.00"));
        assert!(matches("[^0-9]*", "没有数字"));
        assert!(!matches("[^0-9]*", "有1个"));
        assert!(matches("a?b*c+.", "cc!"));
        assert!(matches("", ""));
        assert!(!matches("", "x"));
        assert!(matches("[a-]{2}", "-a"), "a dash before ] is plain");
    }

    #[test]
    fn what_the_language_leaves_out_is_refused_with_its_place() {
        assert_eq!(compile("(ab)+"), Err(PatternError::Unsupported { found: '(', at: 0 }));
        assert_eq!(compile("a|b"), Err(PatternError::Unsupported { found: '|', at: 1 }));
        assert_eq!(compile(r"\w"), Err(PatternError::UnknownEscape { at: 0 }));
        assert_eq!(compile("[0-9"), Err(PatternError::UnclosedClass { at: 0 }));
        assert_eq!(compile("x[]"), Err(PatternError::EmptyClass { at: 1 }));
        assert_eq!(compile("[9-0]"), Err(PatternError::ReversedRange { at: 2 }));
        assert_eq!(compile("{3}"), Err(PatternError::BadCount { at: 0 }));
        assert_eq!(compile("a{3"), Err(PatternError::BadCount { at: 1 }));
        assert_eq!(compile("a{5,2}"), Err(PatternError::BadCount { at: 1 }));
        assert_eq!(compile("a+*"), Err(PatternError::BadCount { at: 2 }), "one count per character");
        assert_eq!(
            compile("a|b").expect_err("refused").message(Lang::Zh),
            "第 2 个字符“|”不受支持：格式里不能用分组或“或”，请把每种写法列为选项"
        );
    }

    #[test]
    fn a_pattern_is_bounded_and_matching_is_linear() {
        assert_eq!(compile(&"a".repeat(MAX_PATTERN_CHARACTERS)).map(|_| ()), Ok(()));
        assert_eq!(
            compile(&"a".repeat(MAX_PATTERN_CHARACTERS + 1)),
            Err(PatternError::TooLong { at: MAX_PATTERN_CHARACTERS })
        );
        // Pieces × length × count steps would be 50 × 10,000 × 1,000 here; the matcher takes
        // pieces × length.
        assert!(matches(&".{0,1000}".repeat(50), &"x".repeat(10_000)));
        assert!(!matches(&".{0,100}".repeat(50), &"x".repeat(10_000)), "at most 5,000");
        assert!(matches(&format!("{}b", ".*".repeat(240)), &format!("{}b", "a".repeat(10_000))));
        assert!(!matches(&format!("{}b", ".*".repeat(240)), &"a".repeat(10_000)));
    }

    /// Patterns built from the language's parts, written out as text.
    fn any_pattern() -> impl Strategy<Value = String> {
        let atom = prop_oneof![
            Just("a".to_owned()),
            Just("b".to_owned()),
            Just("京".to_owned()),
            Just(".".to_owned()),
            Just(r"\d".to_owned()),
            Just("[a-c]".to_owned()),
            Just("[^a]".to_owned()),
            Just("[0-9京]".to_owned()),
        ];
        let count = prop_oneof![
            Just(String::new()),
            Just("?".to_owned()),
            Just("*".to_owned()),
            Just("+".to_owned()),
            (0u32..3).prop_map(|n| format!("{{{n}}}")),
            (0u32..3, 0u32..3).prop_map(|(a, b)| format!("{{{},{}}}", a.min(b), a.max(b))),
            (0u32..3).prop_map(|n| format!("{{{n},}}")),
        ];
        proptest::collection::vec((atom, count), 0..5)
            .prop_map(|pieces| pieces.into_iter().map(|(atom, count)| atom + &count).collect())
    }

    proptest! {
        /// The same answers as a full regular-expression engine, on the shared language.
        #[test]
        fn agrees_with_a_regular_expression_engine(pattern in any_pattern(), text in "[ab京0-9x]{0,6}") {
            let regex = regex_lite::Regex::new(&format!("^(?:{pattern})$")).expect("valid regex");
            prop_assert_eq!(matches(&pattern, &text), regex.is_match(&text), "{} on {:?}", pattern, text);
        }
    }
}
