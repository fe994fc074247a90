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
//! past an end (the lints of `untrusted_input!` in `lib.rs`).
use crate::text::{zh_en, Lang};

/// The longest pattern accepted, in characters: an identifier's shape needs a few dozen.
pub const MAX_PATTERN_CHARACTERS: usize = 500;

/// A compiled pattern (the default matches only the empty text).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Compiled {
    pub(crate) pieces: Vec<Piece>,
}

/// One character class and how many times it repeats.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Piece {
    pub(crate) set: Set,
    pub(crate) min: u32,
    /// `None` for no upper limit.
    pub(crate) max: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Set {
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
        match self {
            PatternError::Unsupported { found, at } => zh_en!(
                lang,
                format!(
                "第 {} 个字符“{found}”不受支持：格式里不能用分组或“或”，请把每种写法列为选项",
                place(at)
            ),
                format!(
                "character {} “{found}” is not supported: patterns have no groups or alternatives; list each choice as an option",
                place(at)
            )
            ),
            PatternError::TooLong { .. } => zh_en!(
                lang,
                format!("格式太长：最多 {MAX_PATTERN_CHARACTERS} 个字符"),
                format!("the pattern is too long: at most {MAX_PATTERN_CHARACTERS} characters")
            ),
            PatternError::UnknownEscape { at } => zh_en!(
                lang,
                format!("第 {} 个字符：“\\”后只能跟 d（数字）或一个符号", place(at)),
                format!("character {}: “\\” may only be followed by d (a digit) or a symbol", place(at))
            ),
            PatternError::UnclosedClass { at } => zh_en!(
                lang,
                format!("第 {} 个字符的“[”没有对应的“]”", place(at)),
                format!("the “[” at character {} is never closed", place(at))
            ),
            PatternError::EmptyClass { at } => zh_en!(
                lang,
                format!("第 {} 个字符起的“[]”里没有字符", place(at)),
                format!("the class at character {} lists no character", place(at))
            ),
            PatternError::ReversedRange { at } => zh_en!(
                lang,
                format!("第 {} 个字符的范围前后颠倒了", place(at)),
                format!("the range at character {} runs backwards", place(at))
            ),
            PatternError::BadCount { at } => zh_en!(
                lang,
                format!("第 {} 个字符的次数写法不对：应写在字符或“[…]”之后，如 {{6}}、{{6,20}}、?、*、+", place(at)),
                format!(
                "the count at character {} is malformed: it follows a character or “[…]”, as in {{6}}, {{6,20}}, ?, *, +",
                place(at)
            )
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
#[path = "pattern_tests.rs"]
mod tests;
