//! The condition language (条件表达式) of the catalog: when an item, a material or a field
//! applies. For example `premises.tenure == "rented" and not applicant.is_foreign`,
//! `age(applicant.id_number) >= 60`, `enterprise.type in ["limited", "sole_proprietor"]`,
//! `is_set(agent.name)`.
//!
//! Text is parsed into an [`Expr`] with source spans ([`parse`]), checked against the catalog's
//! fields before anyone fills a form ([`check`]), and evaluated with three-valued logic over
//! the answers ([`evaluate`]): a condition that reads an unanswered question is
//! [`Truth::Unknown`], not false.
//!
//! Conditions come from catalog files that anyone may hand an administrator: the parser bounds
//! their length and nesting ([`MAX_CONDITION_LENGTH`], [`MAX_DEPTH`]), so that no condition can
//! overflow the stack of the recursive parser, checker or evaluator, and nothing here may index
//! or count past an end (the lints of `untrusted_input!` in `lib.rs`).
mod eval;
mod expr;
mod lexer;
mod parser;
mod types;

pub use eval::{evaluate, Truth};
pub use expr::{BinaryOp, Expr, ExprKind, Literal};
pub use parser::{parse, too_deep, ParseError, ParseErrorKind, MAX_CONDITION_LENGTH, MAX_DEPTH};
pub use types::{Type, TypeError, TypeErrorKind};

use crate::text::Lang;

/// A byte range in the condition's source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// Where a span starts, counted as people count: line and column from 1, in characters.
/// An offset inside a character, or past the end, counts from the character's start.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = source.get(..char_start(source, offset)).unwrap_or_default();
    let line = before.matches('\n').count().saturating_add(1);
    let column = before.rsplit('\n').next().unwrap_or_default().chars().count().saturating_add(1);
    (line, column)
}

/// The start of the character at `offset` (the end of `source` for an offset past it).
pub(crate) fn char_start(source: &str, offset: usize) -> usize {
    let mut start = offset.min(source.len());
    while !source.is_char_boundary(start) {
        start = start.saturating_sub(1);
    }
    start
}

/// The source line of a span with a caret line under it, for error reports:
///
/// ```text
/// premises.tenure = "rented"
///                 ^
/// ```
pub fn caret(source: &str, span: Span) -> String {
    let (line_number, column) = line_column(source, span.start);
    let line = source.lines().nth(line_number.saturating_sub(1)).unwrap_or_default();
    let width = source
        .get(span.start..span.end.min(span.start.saturating_add(line.len())))
        .map_or(1, |s| s.chars().count().max(1));
    format!("{line}\n{}{}", " ".repeat(column.saturating_sub(1)), "^".repeat(width))
}

/// An error in a condition, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionError {
    Parse(ParseError),
    Type(TypeError),
}

impl ConditionError {
    pub fn span(&self) -> Span {
        match self {
            ConditionError::Parse(error) => error.span,
            ConditionError::Type(error) => error.span,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            ConditionError::Parse(error) => error.message(lang),
            ConditionError::Type(error) => error.message(lang),
        }
    }

    /// The message with line, column and a caret under the place in `source`.
    pub fn render(&self, source: &str, lang: Lang) -> String {
        let (line, column) = line_column(source, self.span().start);
        let place = match lang {
            Lang::Zh => format!("第 {line} 行第 {column} 列"),
            Lang::En => format!("line {line}, column {column}"),
        };
        format!("{place}: {}\n{}", self.message(lang), caret(source, self.span()))
    }
}

crate::text::bilingual_error!(ConditionError);

#[cfg(test)]
mod tests;
