//! Evaluates a checked condition over the answers, with three-valued (Kleene) logic: a
//! condition that depends on an unanswered or invalid answer is `Unknown`, so the plan can say
//! "this depends on your answer to …" instead of silently leaving something out.

use std::cmp::Ordering;

use super::expr::{BinaryOp, Expr, ExprKind, Literal};
use crate::date::Date;
use crate::decimal::Decimal;
use crate::ids::FieldId;
use crate::value::date_input::parse_date;
use crate::value::id_number::{IdNumber, Sex};
use crate::value::Value;

/// The truth of a condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    /// It depends on a question not (validly) answered yet.
    Unknown,
}

impl Truth {
    fn from_bool(value: bool) -> Truth {
        if value {
            Truth::True
        } else {
            Truth::False
        }
    }

    pub fn is_true(self) -> bool {
        self == Truth::True
    }

    fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }

    fn and(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            (Truth::True, Truth::True) => Truth::True,
            _ => Truth::Unknown,
        }
    }

    fn or(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::True, _) | (_, Truth::True) => Truth::True,
            (Truth::False, Truth::False) => Truth::False,
            _ => Truth::Unknown,
        }
    }
}

/// A value while evaluating; `Unknown` stands for a missing answer.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Bool(bool),
    Number(Decimal),
    Text(String),
    Date(Date),
    IdNumber(IdNumber),
    Options(Vec<String>),
    List(Vec<Val>),
    Unknown,
}

impl Val {
    fn truth(&self) -> Truth {
        match self {
            Val::Bool(value) => Truth::from_bool(*value),
            _ => Truth::Unknown,
        }
    }
}

/// Evaluates `expr`; `answer` gives the typed answer of a field, `None` when unanswered.
pub fn evaluate(expr: &Expr, answer: &dyn Fn(&FieldId) -> Option<Value>, today: Date) -> Truth {
    Evaluator { answer, today }.value(expr).truth()
}

struct Evaluator<'a> {
    answer: &'a dyn Fn(&FieldId) -> Option<Value>,
    today: Date,
}

impl Evaluator<'_> {
    fn value(&self, expr: &Expr) -> Val {
        match &expr.kind {
            ExprKind::Literal(Literal::Bool(value)) => Val::Bool(*value),
            ExprKind::Literal(Literal::Number(value)) => Val::Number(*value),
            ExprKind::Literal(Literal::Text(value)) => Val::Text(value.clone()),
            ExprKind::Field(id) => match (self.answer)(id) {
                Some(Value::Text(text)) => Val::Text(text),
                Some(Value::Number(number)) => Val::Number(number),
                Some(Value::Date(date)) => Val::Date(date),
                Some(Value::Bool(flag)) => Val::Bool(flag),
                Some(Value::IdNumber(id)) => Val::IdNumber(id),
                // A one-of answer is its single option; a many-of answer is the set.
                Some(Value::Options(mut values)) if values.len() == 1 => Val::Text(values.pop().unwrap_or_default()),
                Some(Value::Options(values)) => Val::Options(values),
                None => Val::Unknown,
            },
            ExprKind::List(items) => Val::List(items.iter().map(|item| self.value(item)).collect()),
            ExprKind::Not(inner) => truth_value(self.value(inner).truth().not()),
            ExprKind::And(left, right) => truth_value(self.value(left).truth().and(self.value(right).truth())),
            ExprKind::Or(left, right) => truth_value(self.value(left).truth().or(self.value(right).truth())),
            ExprKind::Compare { op, left, right } => truth_value(compare(*op, &self.value(left), &self.value(right))),
            ExprKind::In { item, list, negated } => {
                let item = self.value(item);
                let found = match self.value(list) {
                    Val::List(values) => membership(&item, &values),
                    _ => Truth::Unknown,
                };
                truth_value(if *negated { found.not() } else { found })
            }
            ExprKind::Call { name, args } => self.call(name, args),
        }
    }

    fn call(&self, name: &str, args: &[Expr]) -> Val {
        // A sum is known once every part is: an unanswered part leaves it unknown.
        if name == "sum" {
            let total = args.iter().try_fold(Decimal::from_integer(0), |total, part| match self.value(part) {
                Val::Number(number) => total.checked_add(number),
                _ => None,
            });
            return total.map_or(Val::Unknown, Val::Number);
        }
        let arg = |index: usize| args.get(index).map(|arg| self.value(arg)).unwrap_or(Val::Unknown);
        match (name, arg(0)) {
            // is_set is never unknown: it asks exactly whether there is a valid answer.
            ("is_set", value) => Val::Bool(value != Val::Unknown),
            ("today", _) => Val::Date(self.today),
            ("age", Val::IdNumber(id)) => Val::Number(Decimal::from_integer(i64::from(id.age_on(self.today)))),
            ("age_on", Val::IdNumber(id)) => match arg(1) {
                Val::Date(on) => Val::Number(Decimal::from_integer(i64::from(id.age_on(on)))),
                _ => Val::Unknown,
            },
            ("days_between", Val::Date(from)) => match arg(1) {
                Val::Date(to) => Val::Number(Decimal::from_integer(i64::from(
                    to.days_since_epoch().saturating_sub(from.days_since_epoch()),
                ))),
                _ => Val::Unknown,
            },
            ("sex", Val::IdNumber(id)) => Val::Text(if id.sex() == Sex::Male { "male" } else { "female" }.to_owned()),
            ("birth_date", Val::IdNumber(id)) => Val::Date(id.birth_date()),
            ("date", Val::Text(text)) => parse_date(&text).map(Val::Date).unwrap_or(Val::Unknown),
            ("has", Val::Options(values)) => match arg(1) {
                Val::Text(option) => Val::Bool(values.contains(&option)),
                _ => Val::Unknown,
            },
            // A single chosen option of a many-of field arrives as text.
            ("has", Val::Text(value)) => match arg(1) {
                Val::Text(option) => Val::Bool(value == option),
                _ => Val::Unknown,
            },
            _ => Val::Unknown,
        }
    }
}

fn truth_value(truth: Truth) -> Val {
    match truth {
        Truth::True => Val::Bool(true),
        Truth::False => Val::Bool(false),
        Truth::Unknown => Val::Unknown,
    }
}

fn compare(op: BinaryOp, left: &Val, right: &Val) -> Truth {
    let ordering = match (left, right) {
        (Val::Unknown, _) | (_, Val::Unknown) => return Truth::Unknown,
        (Val::Number(a), Val::Number(b)) => a.cmp(b),
        (Val::Date(a), Val::Date(b)) => a.cmp(b),
        (Val::Text(a), Val::Text(b)) => a.cmp(b),
        (Val::Bool(a), Val::Bool(b)) => a.cmp(b),
        // Two ID numbers are the same person or not; they have no order (the check allows
        // only `==` and `!=`).
        (Val::IdNumber(a), Val::IdNumber(b)) => a.as_str().cmp(b.as_str()),
        _ => return Truth::Unknown,
    };
    Truth::from_bool(match op {
        BinaryOp::Equal => ordering == Ordering::Equal,
        BinaryOp::NotEqual => ordering != Ordering::Equal,
        BinaryOp::Less => ordering == Ordering::Less,
        BinaryOp::LessEqual => ordering != Ordering::Greater,
        BinaryOp::Greater => ordering == Ordering::Greater,
        BinaryOp::GreaterEqual => ordering != Ordering::Less,
    })
}

fn membership(item: &Val, values: &[Val]) -> Truth {
    values.iter().fold(Truth::False, |found, value| found.or(compare(BinaryOp::Equal, item, value)))
}
