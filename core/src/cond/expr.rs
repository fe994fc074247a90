//! The expression tree a condition is parsed into: literals, field references, calls,
//! comparisons and the logical operators, each node with the span of its source text.

use serde::{Deserialize, Serialize};

use super::Span;
use crate::decimal::Decimal;
use crate::ids::FieldId;

/// A constant written in a condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Literal {
    Bool(bool),
    Number(Decimal),
    Text(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BinaryOp {
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
}

impl BinaryOp {
    /// Every operator, in the order of their declaration (and of their published index).
    pub const ALL: [BinaryOp; 6] = [
        BinaryOp::Equal,
        BinaryOp::NotEqual,
        BinaryOp::Less,
        BinaryOp::LessEqual,
        BinaryOp::Greater,
        BinaryOp::GreaterEqual,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Equal => "==",
            BinaryOp::NotEqual => "!=",
            BinaryOp::Less => "<",
            BinaryOp::LessEqual => "<=",
            BinaryOp::Greater => ">",
            BinaryOp::GreaterEqual => ">=",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExprKind {
    Literal(Literal),
    /// A reference to a field's answer (`premises.tenure`).
    Field(FieldId),
    Call {
        name: String,
        args: Vec<Expr>,
    },
    List(Vec<Expr>),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Compare {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    In {
        item: Box<Expr>,
        list: Box<Expr>,
        negated: bool,
    },
}

/// A parsed condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

impl Expr {
    /// Every field the condition reads, in order of first mention, each once.
    pub fn fields(&self) -> Vec<&FieldId> {
        let mut found = Vec::new();
        self.collect_fields(&mut found);
        found
    }

    fn collect_fields<'a>(&'a self, found: &mut Vec<&'a FieldId>) {
        match &self.kind {
            ExprKind::Field(id) => {
                if !found.contains(&id) {
                    found.push(id);
                }
            }
            ExprKind::Literal(_) => {}
            ExprKind::Call { args, .. } | ExprKind::List(args) => args.iter().for_each(|arg| arg.collect_fields(found)),
            ExprKind::Not(inner) => inner.collect_fields(found),
            ExprKind::And(left, right) | ExprKind::Or(left, right) => {
                left.collect_fields(found);
                right.collect_fields(found);
            }
            ExprKind::Compare { left, right, .. } => {
                left.collect_fields(found);
                right.collect_fields(found);
            }
            ExprKind::In { item, list, .. } => {
                item.collect_fields(found);
                list.collect_fields(found);
            }
        }
    }
}
