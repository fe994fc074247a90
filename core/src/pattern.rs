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

use std::fmt;

use crate::text::Lang;

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
}

impl PatternError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PatternError::Unsupported { found, at }, Lang::Zh) => {
                format!("第 {} 个字符“{found}”不受支持：格式里不能用分组或“或”，请把每种写法列为选项", at + 1)
            }
            (PatternError::Unsupported { found, at }, Lang::En) => format!(
                "character {} “{found}” is not supported: patterns have no groups or alternatives; list each choice as an option",
                at + 1
            ),
            (PatternError::UnknownEscape { at }, Lang::Zh) => {
                format!("第 {} 个字符：“\\”后只能跟 d（数字）或一个符号", at + 1)
            }
            (PatternError::UnknownEscape { at }, Lang::En) => {
                format!("character {}: “\\” may only be followed by d (a digit) or a symbol", at + 1)
            }
            (PatternError::UnclosedClass { at }, Lang::Zh) => format!("第 {} 个字符的“[”没有对应的“]”", at + 1),
            (PatternError::UnclosedClass { at }, Lang::En) => format!("the “[” at character {} is never closed", at + 1),
            (PatternError::EmptyClass { at }, Lang::Zh) => format!("第 {} 个字符起的“[]”里没有字符", at + 1),
            (PatternError::EmptyClass { at }, Lang::En) => format!("the class at character {} lists no character", at + 1),
            (PatternError::ReversedRange { at }, Lang::Zh) => format!("第 {} 个字符的范围前后颠倒了", at + 1),
            (PatternError::ReversedRange { at }, Lang::En) => {
                format!("the range at character {} runs backwards", at + 1)
            }
            (PatternError::BadCount { at }, Lang::Zh) => {
                format!("第 {} 个字符的次数写法不对：应写在字符或“[…]”之后，如 {{6}}、{{6,20}}、?、*、+", at + 1)
            }
            (PatternError::BadCount { at }, Lang::En) => format!(
                "the count at character {} is malformed: it follows a character or “[…]”, as in {{6}}, {{6,20}}, ?, *, +",
                at + 1
            ),
        }
    }
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PatternError {}

/// Compiles a pattern.
pub fn compile(source: &str) -> Result<Compiled, PatternError> {
    let chars: Vec<char> = source.chars().collect();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
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
                at += 1;
                Set::Any
            }
            '\\' => {
                let set = escape(chars.get(at + 1).copied(), at)?;
                at += 2;
                set
            }
            '[' => {
                let (set, next) = class(&chars, at)?;
                at = next;
                set
            }
            other => {
                at += 1;
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
    let mut at = start + 1;
    let negated = chars.get(at) == Some(&'^');
    if negated {
        at += 1;
    }
    let mut ranges = Vec::new();
    loop {
        let low = match chars.get(at) {
            None => return Err(PatternError::UnclosedClass { at: start }),
            Some(']') => break,
            Some('\\') => match chars.get(at + 1) {
                Some('d') => {
                    ranges.push(('0', '9'));
                    at += 2;
                    continue;
                }
                Some(c) if !c.is_alphanumeric() => {
                    at += 2;
                    *c
                }
                _ => return Err(PatternError::UnknownEscape { at }),
            },
            Some(c) => {
                at += 1;
                *c
            }
        };
        let is_range = chars.get(at) == Some(&'-') && chars.get(at + 1).is_some_and(|c| *c != ']');
        if is_range {
            let high = chars[at + 1];
            if high < low {
                return Err(PatternError::ReversedRange { at });
            }
            ranges.push((low, high));
            at += 2;
        } else {
            ranges.push((low, low));
        }
    }
    if ranges.is_empty() {
        return Err(PatternError::EmptyClass { at: start });
    }
    Ok((Set::Class { negated, ranges }, at + 1))
}

/// A count starting at `start`: (min, max, where it ends).
fn count(chars: &[char], start: usize) -> Result<(u32, Option<u32>, usize), PatternError> {
    match chars[start] {
        '?' => return Ok((0, Some(1), start + 1)),
        '*' => return Ok((0, None, start + 1)),
        '+' => return Ok((1, None, start + 1)),
        _ => {}
    }
    let bad = PatternError::BadCount { at: start };
    let end = chars[start..].iter().position(|c| *c == '}').map(|offset| start + offset).ok_or(bad.clone())?;
    let inside: String = chars[start + 1..end].iter().collect();
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
    Ok((min, max, end + 1))
}

impl Compiled {
    /// Whether the whole of `text` has this shape.
    pub fn is_match(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        // The positions reachable after each piece, from the start.
        let mut reachable = vec![false; chars.len() + 1];
        reachable[0] = true;
        for piece in &self.pieces {
            let mut next = vec![false; chars.len() + 1];
            for start in (0..=chars.len()).filter(|start| reachable[*start]) {
                let mut taken = 0u32;
                loop {
                    if taken >= piece.min {
                        next[start + taken as usize] = true;
                    }
                    let at = start + taken as usize;
                    if piece.max == Some(taken) || at == chars.len() || !piece.set.contains(chars[at]) {
                        break;
                    }
                    taken += 1;
                }
            }
            reachable = next;
        }
        reachable[chars.len()]
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
