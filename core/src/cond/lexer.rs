//! Turns condition text into tokens with spans.

use super::Span;

#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    /// A name: a field path part, a function or a keyword (`and`, `or`, `not`, `in`, `true`, `false`).
    Name(String),
    Number(String),
    Text(String),
    Dot,
    Comma,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Spanned {
    pub token: Token,
    pub span: Span,
}

/// What the lexer could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LexError {
    UnexpectedCharacter {
        found: char,
        span: Span,
    },
    UnclosedText {
        span: Span,
    },
    /// `=` alone, a frequent slip for `==`.
    SingleEquals {
        span: Span,
    },
}

pub fn tokenize(source: &str) -> Result<Vec<Spanned>, LexError> {
    let mut tokens = Vec::new();
    let mut chars = source.char_indices().peekable();
    while let Some((start, character)) = chars.next() {
        let single =
            |token: Token| Spanned { token, span: Span::new(start, start.saturating_add(character.len_utf8())) };
        match character {
            c if c.is_whitespace() => {}
            '.' => tokens.push(single(Token::Dot)),
            ',' => tokens.push(single(Token::Comma)),
            '(' => tokens.push(single(Token::LeftParen)),
            ')' => tokens.push(single(Token::RightParen)),
            '[' => tokens.push(single(Token::LeftBracket)),
            ']' => tokens.push(single(Token::RightBracket)),
            '=' | '!' | '<' | '>' => {
                let followed_by_equals = chars.next_if(|(_, next)| *next == '=').is_some();
                let end = start.saturating_add(1).saturating_add(usize::from(followed_by_equals));
                let token = match (character, followed_by_equals) {
                    ('=', true) => Token::Equal,
                    ('!', true) => Token::NotEqual,
                    ('<', false) => Token::Less,
                    ('<', true) => Token::LessEqual,
                    ('>', false) => Token::Greater,
                    ('>', true) => Token::GreaterEqual,
                    ('=', false) => return Err(LexError::SingleEquals { span: Span::new(start, end) }),
                    _ => return Err(LexError::UnexpectedCharacter { found: character, span: Span::new(start, end) }),
                };
                tokens.push(Spanned { token, span: Span::new(start, end) });
            }
            '"' | '\'' => {
                let mut text = String::new();
                let mut end = None;
                for (index, next) in chars.by_ref() {
                    if next == character {
                        end = Some(index.saturating_add(1));
                        break;
                    }
                    text.push(next);
                }
                let end = end.ok_or(LexError::UnclosedText { span: Span::new(start, source.len()) })?;
                tokens.push(Spanned { token: Token::Text(text), span: Span::new(start, end) });
            }
            c if c.is_ascii_digit() || (c == '-' && chars.peek().is_some_and(|(_, next)| next.is_ascii_digit())) => {
                let mut end = start.saturating_add(1);
                while let Some((index, next)) = chars.next_if(|(_, next)| next.is_ascii_digit() || *next == '.') {
                    end = index.saturating_add(next.len_utf8());
                }
                let text = source.get(start..end).unwrap_or_default().to_owned();
                tokens.push(Spanned { token: Token::Number(text), span: Span::new(start, end) });
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut end = start.saturating_add(c.len_utf8());
                while let Some((index, next)) = chars.next_if(|(_, next)| next.is_alphanumeric() || *next == '_') {
                    end = index.saturating_add(next.len_utf8());
                }
                let name = source.get(start..end).unwrap_or_default().to_owned();
                tokens.push(Spanned { token: Token::Name(name), span: Span::new(start, end) });
            }
            other => {
                return Err(LexError::UnexpectedCharacter {
                    found: other,
                    span: Span::new(start, start.saturating_add(other.len_utf8())),
                })
            }
        }
    }
    Ok(tokens)
}
