//! JSON (RFC 8259) read into a tree and written by hand, for the saved draft (草稿).
//!
//! The draft is kept as JSON for robustness: a person can read it, a damaged one can be set
//! aside and mended, and a field added later is simply absent from an older one. serde's
//! derived readers and writers for the draft, with serde_json, were 45 KB of the first load
//! (gzip): each type's reader is generated for each reader it is used with. This module reads
//! any document once into a [`Value`] tree that remembers where each value stands in the text,
//! and the draft's types read themselves from the tree (`draft::codec`). The serde derives stay
//! on those types as the format's reference: the packet uses them, and the tests hold that both
//! write the same bytes and read the same drafts.

use std::borrow::Cow;

mod writer;
pub use writer::Writer;

/// How deep arrays and objects may nest (serde_json's limit too): deeper text is refused, not
/// allowed to exhaust the stack.
pub const MAX_DEPTH: u32 = 128;

/// A JSON value as read, with where it stands in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Value<'a> {
    /// The byte offset of its first character in the text.
    pub at: usize,
    /// Its text, exactly as written.
    pub raw: &'a str,
    pub kind: Kind<'a>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind<'a> {
    Null,
    Bool(bool),
    /// A number, as written (a valid JSON number).
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Members in the order written; a name written twice is kept twice.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// Where a text stops being JSON: the byte offset of the first character that does not fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
}

/// Reads a whole text as one JSON value (whitespace around it allowed, nothing else).
pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    let mut parser = Parser { text, bytes: text.as_bytes(), pos: 0, depth: 0 };
    let value = parser.value()?;
    parser.space();
    match parser.pos == text.len() {
        true => Ok(value),
        false => Err(SyntaxError { at: parser.pos }),
    }
}

/// The line and column (both from 1, the column in characters) of byte offset `at` in `text`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
    (line, column)
}

impl<'a> Value<'a> {
    /// The value of member `name` of an object (the first, if written twice).
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        self.members()?.iter().find(|(key, _)| key == name).map(|(_, value)| value)
    }

    pub fn members(&self) -> Option<&[(Cow<'a, str>, Value<'a>)]> {
        match &self.kind {
            Kind::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Value<'a>]> {
        match &self.kind {
            Kind::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            Kind::Bool(value) => Some(value),
            _ => None,
        }
    }

    /// A whole number from 0 to `u64::MAX` written without fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self.kind {
            Kind::Number(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                digits.bytes().try_fold(0u64, |n, b| n.checked_mul(10)?.checked_add(u64::from(b - b'0')))
            }
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        self.kind == Kind::Null
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: u32,
}

impl<'a> Parser<'a> {
    fn error(&self) -> SyntaxError {
        SyntaxError { at: self.pos }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Steps over `byte` if it comes next (after whitespace).
    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    fn expect(&mut self, byte: u8) -> Result<(), SyntaxError> {
        match self.eat(byte) {
            true => Ok(()),
            false => Err(self.error()),
        }
    }

    /// The text from `start` to here; every position the parser stops at is after an ASCII
    /// character, so this is never cut inside a character.
    fn since(&self, start: usize) -> &'a str {
        self.text.get(start..self.pos).unwrap_or_default()
    }

    fn value(&mut self) -> Result<Value<'a>, SyntaxError> {
        self.space();
        let at = self.pos;
        let kind = match self.peek() {
            Some(b'{') => self.nested(Parser::object)?,
            Some(b'[') => self.nested(Parser::array)?,
            Some(b'"') => Kind::String(self.string()?),
            Some(b't') => self.word("true", Kind::Bool(true))?,
            Some(b'f') => self.word("false", Kind::Bool(false))?,
            Some(b'n') => self.word("null", Kind::Null)?,
            Some(b'-' | b'0'..=b'9') => Kind::Number(self.number()?),
            _ => return Err(self.error()),
        };
        Ok(Value { at, raw: self.since(at), kind })
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Kind<'a>, SyntaxError>) -> Result<Kind<'a>, SyntaxError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error());
        }
        self.depth += 1;
        self.pos += 1; // the opening bracket
        let kind = read(self);
        self.depth -= 1;
        kind
    }

    fn word(&mut self, word: &str, kind: Kind<'a>) -> Result<Kind<'a>, SyntaxError> {
        match self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            true => {
                self.pos += word.len();
                Ok(kind)
            }
            false => Err(self.error()),
        }
    }

    fn digits(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        match self.pos > start {
            true => Ok(()),
            false => Err(self.error()),
        }
    }

    fn number(&mut self) -> Result<&'a str, SyntaxError> {
        let start = self.pos;
        self.pos += usize::from(self.peek() == Some(b'-'));
        match self.peek() {
            // No leading zeros: "0" stands alone before a fraction or an exponent.
            Some(b'0') => self.pos += 1,
            _ => self.digits()?,
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            self.pos += usize::from(matches!(self.peek(), Some(b'+' | b'-')));
            self.digits()?;
        }
        Ok(self.since(start))
    }

    fn array(&mut self) -> Result<Kind<'a>, SyntaxError> {
        let mut items = Vec::new();
        if !self.eat(b']') {
            loop {
                items.push(self.value()?);
                if self.eat(b']') {
                    break;
                }
                self.expect(b',')?;
            }
        }
        Ok(Kind::Array(items))
    }

    fn object(&mut self) -> Result<Kind<'a>, SyntaxError> {
        let mut members = Vec::new();
        if !self.eat(b'}') {
            loop {
                self.space();
                if self.peek() != Some(b'"') {
                    return Err(self.error());
                }
                let name = self.string()?;
                self.expect(b':')?;
                members.push((name, self.value()?));
                if self.eat(b'}') {
                    break;
                }
                self.expect(b',')?;
            }
        }
        Ok(Kind::Object(members))
    }

    /// A string, from its opening quote: borrowed from the text unless it holds an escape.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.pos += 1; // the opening quote
        let mut owned: Option<String> = None;
        let mut run = self.pos;
        loop {
            match self.peek() {
                Some(b'"') => {
                    let last = self.since(run);
                    self.pos += 1;
                    return Ok(match owned {
                        Some(mut text) => {
                            text.push_str(last);
                            Cow::Owned(text)
                        }
                        None => Cow::Borrowed(last),
                    });
                }
                Some(b'\\') => {
                    let text = owned.get_or_insert_with(String::new);
                    text.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    self.pos += 1;
                    let escaped = self.escape()?;
                    owned.get_or_insert_with(String::new).push(escaped);
                    run = self.pos;
                }
                // Control characters must be escaped; the end of the text ends no string.
                Some(0..=0x1f) | None => return Err(self.error()),
                Some(_) => self.pos += 1,
            }
        }
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let simple = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode(),
            _ => return Err(self.error()),
        };
        self.pos += 1;
        Ok(simple)
    }

    /// `\uXXXX`, after its backslash; a character beyond the first plane is two of them (a
    /// surrogate pair), and half a pair is refused.
    fn unicode(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = match first {
            0xd800..=0xdbff => {
                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(self.error());
                }
                self.pos += 1;
                let second = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&second) {
                    return Err(self.error());
                }
                0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
            }
            0xdc00..=0xdfff => return Err(self.error()),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error())
    }

    /// `u` and four hexadecimal digits.
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        self.pos += 1; // the u
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| char::from(b).to_digit(16)).ok_or_else(|| self.error())?;
            code = code << 4 | digit;
            self.pos += 1;
        }
        Ok(code)
    }
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
