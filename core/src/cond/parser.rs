//! Parses tokens into an expression tree. Precedence, loosest first: `or`, `and`, `not`,
//! then one comparison (`== != < <= > >=`, `in`, `not in`).

use super::expr::{BinaryOp, Expr, ExprKind, Literal};
use super::lexer::{tokenize, LexError, Spanned, Token};
use super::Span;
use crate::ids::FieldId;
use crate::text::{zh_en, Lang};
use crate::value::number::{parse_number, NumberKind};

/// The longest condition accepted, in bytes: far more than any rule needs (the longest in the
/// shipped catalog has under 100), little enough to check at once.
pub const MAX_CONDITION_LENGTH: usize = 4_000;

/// How deeply a condition may nest: parentheses, lists, calls, `not`, and each `and`/`or`/
/// comparison counts one level. Real rules need a handful; ten thousand would overflow the
/// stack of the recursive parser and of everything that walks the tree.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// Occurs when the condition is empty.
    Empty,
    /// Occurs on a character the language does not use.
    UnexpectedCharacter(char),
    /// Occurs when a quoted text has no closing quote.
    UnclosedText,
    /// Occurs on `=` alone; comparisons use `==`.
    SingleEquals,
    /// Occurs when the condition stops where more was needed.
    UnexpectedEnd { expected: &'static str },
    /// Occurs when a token stands where something else was needed.
    UnexpectedToken { found: String, expected: &'static str },
    /// Occurs on a malformed number such as `1.2.3`.
    BadNumber(String),
    /// Occurs when a condition is longer than [`MAX_CONDITION_LENGTH`] bytes; the span starts
    /// where the limit is passed.
    TooLong { limit: usize },
    /// Occurs when a condition nests deeper than [`MAX_DEPTH`]; the span is where it does.
    TooDeep { limit: usize },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    pub span: Span,
}

impl ParseError {
    pub fn message(&self, lang: Lang) -> String {
        use ParseErrorKind as K;
        match &self.kind {
            K::Empty => lang.pick("条件是空的", "the condition is empty").to_owned(),
            K::UnexpectedCharacter(c) => zh_en!(
                lang,
                format!("条件中不能有“{c}”"),
                format!("“{c}” cannot appear in a condition")
            ),
            K::UnclosedText => lang.pick("文字缺少结尾的引号", "a quoted text has no closing quote").to_owned(),
            K::SingleEquals => lang.pick("比较相等要写“==”，不是“=”", "compare with “==”, not “=”").to_owned(),
            K::UnexpectedEnd { expected } => zh_en!(
                lang,
                format!("条件没有写完，这里还需要{}", zh_expected(expected)),
                format!("the condition ends too early: expected {expected}")
            ),
            K::UnexpectedToken { found, expected } => zh_en!(
                lang,
                format!("这里应为{}，而不是“{found}”", zh_expected(expected)),
                format!("expected {expected}, found “{found}”")
            ),
            K::BadNumber(text) => zh_en!(
                lang,
                format!("“{text}”不是有效的数字"),
                format!("“{text}” is not a valid number")
            ),
            K::TooLong { limit } => zh_en!(
                lang,
                format!("条件太长：最多 {limit} 个字节，请拆成几个简单的条件，或用 in [...] 列出取值"),
                format!(
                "the condition is too long: at most {limit} bytes; split it into simpler conditions, or list values with in [...]"
            )
            ),
            K::TooDeep { limit } => zh_en!(
                lang,
                format!("条件嵌套太深：括号、not、and、or 等最多嵌套 {limit} 层，请简化条件"),
                format!(
                "the condition nests too deeply: parentheses, not, and, or nest at most {limit} levels; simplify it"
            )
            ),
        }
    }
}

fn zh_expected(expected: &str) -> &'static str {
    match expected {
        "a value" => "一个值（字段、文字、数字或函数）",
        "a field name" => "字段名",
        "“)”" => "右括号“)”",
        "“]”" => "右方括号“]”",
        "“,” or “)”" => "逗号或右括号",
        "“,” or “]”" => "逗号或右方括号",
        "“in”" => "“in”",
        "the end of the condition" => "条件结束（多余的内容请删除，或用 and / or 连接）",
        _ => "其他内容",
    }
}

crate::text::bilingual_error!(ParseError);

/// Parses a condition.
pub fn parse(source: &str) -> Result<Expr, ParseError> {
    if source.len() > MAX_CONDITION_LENGTH {
        let start = super::char_start(source, MAX_CONDITION_LENGTH);
        return Err(ParseError {
            kind: ParseErrorKind::TooLong { limit: MAX_CONDITION_LENGTH },
            span: Span::new(start, source.len()),
        });
    }
    let tokens = tokenize(source).map_err(|error| match error {
        LexError::UnexpectedCharacter { found, span } => {
            ParseError { kind: ParseErrorKind::UnexpectedCharacter(found), span }
        }
        LexError::UnclosedText { span } => ParseError { kind: ParseErrorKind::UnclosedText, span },
        LexError::SingleEquals { span } => ParseError { kind: ParseErrorKind::SingleEquals, span },
    })?;
    if tokens.is_empty() {
        return Err(ParseError { kind: ParseErrorKind::Empty, span: Span::new(0, source.len()) });
    }
    let mut parser = Parser { tokens, position: 0, end: source.len(), depth: 0 };
    let expr = parser.or()?;
    if let Some(extra) = parser.peek() {
        return Err(parser.unexpected(extra.clone(), "the end of the condition"));
    }
    match too_deep(&expr) {
        Some(span) => Err(ParseError { kind: ParseErrorKind::TooDeep { limit: MAX_DEPTH }, span }),
        None => Ok(expr),
    }
}

/// A node nested deeper than [`MAX_DEPTH`], found without recursion: chains of `and` and `or`
/// build deep trees that the parser reads in a loop. (A tree read from a published piece is
/// held to the same depth.)
pub fn too_deep(expr: &Expr) -> Option<Span> {
    let mut stack = vec![(expr, 1usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Some(node.span);
        }
        let below = depth.saturating_add(1);
        match &node.kind {
            ExprKind::Literal(_) | ExprKind::Field(_) => {}
            ExprKind::Call { args: inner, .. } | ExprKind::List(inner) => {
                stack.extend(inner.iter().map(|child| (child, below)));
            }
            ExprKind::Not(inner) => stack.push((inner, below)),
            ExprKind::And(left, right)
            | ExprKind::Or(left, right)
            | ExprKind::Compare { left, right, .. }
            | ExprKind::In { item: left, list: right, .. } => {
                stack.push((left, below));
                stack.push((right, below));
            }
        }
    }
    None
}

struct Parser {
    tokens: Vec<Spanned>,
    position: usize,
    end: usize,
    /// How many recursive calls are open: bounded so that hostile nesting is an error, not a
    /// stack overflow.
    depth: usize,
}

fn describe(token: &Token) -> String {
    match token {
        Token::Name(name) | Token::Number(name) => name.clone(),
        Token::Text(text) => format!("\"{text}\""),
        Token::Dot => ".".into(),
        Token::Comma => ",".into(),
        Token::LeftParen => "(".into(),
        Token::RightParen => ")".into(),
        Token::LeftBracket => "[".into(),
        Token::RightBracket => "]".into(),
        Token::Equal => "==".into(),
        Token::NotEqual => "!=".into(),
        Token::Less => "<".into(),
        Token::LessEqual => "<=".into(),
        Token::Greater => ">".into(),
        Token::GreaterEqual => ">=".into(),
    }
}

impl Parser {
    fn peek(&self) -> Option<&Spanned> {
        self.tokens.get(self.position)
    }

    fn peek_name(&self, keyword: &str) -> bool {
        matches!(self.peek(), Some(Spanned { token: Token::Name(name), .. }) if name == keyword)
    }

    fn advance(&mut self) -> Option<Spanned> {
        let token = self.tokens.get(self.position).cloned();
        self.position = self.position.saturating_add(1);
        token
    }

    /// The span of the token just taken.
    fn previous_span(&self) -> Span {
        self.tokens.get(self.position.saturating_sub(1)).map(|token| token.span).unwrap_or_default()
    }

    /// Opens one level of nesting at `span`, refusing to pass [`MAX_DEPTH`].
    fn descend(&mut self, span: Span) -> Result<(), ParseError> {
        self.depth = self.depth.saturating_add(1);
        if self.depth > MAX_DEPTH {
            return Err(ParseError { kind: ParseErrorKind::TooDeep { limit: MAX_DEPTH }, span });
        }
        Ok(())
    }

    fn ascend(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn unexpected(&self, found: Spanned, expected: &'static str) -> ParseError {
        ParseError {
            kind: ParseErrorKind::UnexpectedToken { found: describe(&found.token), expected },
            span: found.span,
        }
    }

    fn end_error(&self, expected: &'static str) -> ParseError {
        ParseError { kind: ParseErrorKind::UnexpectedEnd { expected }, span: Span::new(self.end, self.end) }
    }

    fn expect(&mut self, wanted: &Token, expected: &'static str) -> Result<Span, ParseError> {
        match self.advance() {
            Some(spanned) if &spanned.token == wanted => Ok(spanned.span),
            Some(other) => Err(self.unexpected(other, expected)),
            None => Err(self.end_error(expected)),
        }
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.and()?;
        while self.peek_name("or") {
            self.advance();
            let right = self.and()?;
            let span = left.span.to(right.span);
            left = Expr { kind: ExprKind::Or(Box::new(left), Box::new(right)), span };
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.not()?;
        while self.peek_name("and") {
            self.advance();
            let right = self.not()?;
            let span = left.span.to(right.span);
            left = Expr { kind: ExprKind::And(Box::new(left), Box::new(right)), span };
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, ParseError> {
        if self.peek_name("not") {
            let start = self.advance().map(|token| token.span).unwrap_or_default();
            self.descend(start)?;
            let inner = self.not()?;
            self.ascend();
            let span = start.to(inner.span);
            return Ok(Expr { kind: ExprKind::Not(Box::new(inner)), span });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, ParseError> {
        let left = self.primary()?;
        let op = match self.peek().map(|spanned| &spanned.token) {
            Some(Token::Equal) => Some(BinaryOp::Equal),
            Some(Token::NotEqual) => Some(BinaryOp::NotEqual),
            Some(Token::Less) => Some(BinaryOp::Less),
            Some(Token::LessEqual) => Some(BinaryOp::LessEqual),
            Some(Token::Greater) => Some(BinaryOp::Greater),
            Some(Token::GreaterEqual) => Some(BinaryOp::GreaterEqual),
            _ => None,
        };
        if let Some(op) = op {
            self.advance();
            let right = self.primary()?;
            let span = left.span.to(right.span);
            return Ok(Expr { kind: ExprKind::Compare { op, left: Box::new(left), right: Box::new(right) }, span });
        }
        let negated = self.peek_name("not")
            && matches!(self.tokens.get(self.position.saturating_add(1)), Some(Spanned { token: Token::Name(name), .. }) if name == "in");
        if negated || self.peek_name("in") {
            self.advance();
            if negated {
                self.advance();
            }
            let list = self.primary()?;
            let span = left.span.to(list.span);
            return Ok(Expr { kind: ExprKind::In { item: Box::new(left), list: Box::new(list), negated }, span });
        }
        Ok(left)
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let Some(spanned) = self.advance() else {
            return Err(self.end_error("a value"));
        };
        let span = spanned.span;
        match spanned.token {
            Token::Text(text) => Ok(Expr { kind: ExprKind::Literal(Literal::Text(text)), span }),
            Token::Number(text) => match parse_number(&text, NumberKind::Decimal) {
                Ok(number) => Ok(Expr { kind: ExprKind::Literal(Literal::Number(number)), span }),
                Err(_) => Err(ParseError { kind: ParseErrorKind::BadNumber(text), span }),
            },
            Token::LeftParen => {
                self.descend(span)?;
                let inner = self.or()?;
                self.ascend();
                let close = self.expect(&Token::RightParen, "“)”")?;
                Ok(Expr { kind: inner.kind, span: span.to(close) })
            }
            Token::LeftBracket => {
                self.descend(span)?;
                let items = self.sequence(&Token::RightBracket, "“,” or “]”")?;
                self.ascend();
                Ok(Expr { kind: ExprKind::List(items), span: span.to(self.previous_span()) })
            }
            Token::Name(name) if name == "true" || name == "false" => {
                Ok(Expr { kind: ExprKind::Literal(Literal::Bool(name == "true")), span })
            }
            Token::Name(name) if ["and", "or", "not", "in"].contains(&name.as_str()) => {
                Err(self.unexpected(Spanned { token: Token::Name(name), span }, "a value"))
            }
            Token::Name(name) => {
                if matches!(self.peek(), Some(Spanned { token: Token::LeftParen, .. })) {
                    self.advance();
                    self.descend(span)?;
                    let args = self.sequence(&Token::RightParen, "“,” or “)”")?;
                    self.ascend();
                    return Ok(Expr { kind: ExprKind::Call { name, args }, span: span.to(self.previous_span()) });
                }
                let mut path = name;
                let mut end = span;
                while matches!(self.peek(), Some(Spanned { token: Token::Dot, .. })) {
                    self.advance();
                    match self.advance() {
                        Some(Spanned { token: Token::Name(part), span: part_span }) => {
                            path.push('.');
                            path.push_str(&part);
                            end = part_span;
                        }
                        Some(other) => return Err(self.unexpected(other, "a field name")),
                        None => return Err(self.end_error("a field name")),
                    }
                }
                Ok(Expr { kind: ExprKind::Field(FieldId::new(path)), span: span.to(end) })
            }
            other => Err(self.unexpected(Spanned { token: other, span }, "a value")),
        }
    }

    /// Comma-separated expressions up to `close` (already past the opening bracket).
    fn sequence(&mut self, close: &Token, expected: &'static str) -> Result<Vec<Expr>, ParseError> {
        let mut items = Vec::new();
        if self.peek().is_some_and(|spanned| &spanned.token == close) {
            self.advance();
            return Ok(items);
        }
        loop {
            items.push(self.or()?);
            match self.advance() {
                Some(Spanned { token: Token::Comma, .. }) => {}
                Some(spanned) if &spanned.token == close => return Ok(items),
                Some(other) => return Err(self.unexpected(other, expected)),
                None => return Err(self.end_error(expected)),
            }
        }
    }
}
