//! Type-checks a condition against the catalog's fields, so that a bureau's mistake is found
//! when the catalog is checked, never while a person fills the form. Every problem is
//! reported, not just the first.

use std::collections::BTreeMap;
use std::fmt;

use super::parser::{BinaryOp, Expr, ExprKind, Literal};
use super::Span;
use crate::catalog::{Field, FieldId, FieldKind};
use crate::text::Lang;
use crate::validate::parse_date;

/// The type of a value in a condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    Bool,
    Number,
    Text,
    Date,
    /// A resident ID number: read it with `age()`, `sex()` or `birth_date()`.
    IdNumber,
    /// The answer of a many-of field: test it with `has(field, "option")`.
    OptionSet,
    List(Box<Type>),
}

impl Type {
    fn of_field(kind: FieldKind) -> Type {
        match kind {
            FieldKind::YesNo => Type::Bool,
            FieldKind::Integer | FieldKind::Decimal | FieldKind::Money => Type::Number,
            FieldKind::Date => Type::Date,
            FieldKind::IdNumber => Type::IdNumber,
            FieldKind::ManyOf => Type::OptionSet,
            _ => Type::Text,
        }
    }

    pub fn name(&self, lang: Lang) -> String {
        let (zh, en) = match self {
            Type::Bool => ("是/否", "yes/no"),
            Type::Number => ("数字", "number"),
            Type::Text => ("文字", "text"),
            Type::Date => ("日期", "date"),
            Type::IdNumber => ("身份证号码", "ID number"),
            Type::OptionSet => ("多选答案", "multiple-choice answer"),
            Type::List(item) => {
                return match lang {
                    Lang::Zh => format!("{}列表", item.name(lang)),
                    Lang::En => format!("list of {}", item.name(lang)),
                }
            }
        };
        lang.pick(zh, en).to_owned()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TypeErrorKind {
    /// Occurs when a condition names a field the catalog does not define.
    UnknownField(FieldId),
    /// Occurs when a condition calls a function the language does not have.
    UnknownFunction(String),
    /// Occurs when a function gets too many or too few arguments.
    WrongArgumentCount { function: String, expected: usize, found: usize },
    /// Occurs when a function gets an argument of the wrong type.
    WrongArgumentType { function: String, expected: Type, found: Type },
    /// Occurs when a function needs a field name as its argument.
    FieldExpected { function: String },
    /// Occurs when two sides of a comparison have different types (a date and a number).
    Mismatch { op: &'static str, left: Type, right: Type },
    /// Occurs when `<` and the like compare something that has no order.
    NotOrderable(Type),
    /// Occurs when an ID number or a many-of answer is compared directly instead of through
    /// `age()`, `sex()`, `birth_date()` or `has()`.
    NotComparable(Type),
    /// Occurs when a condition compares a choice field with a value it does not offer.
    UnknownOption { field: FieldId, value: String, options: Vec<String> },
    /// Occurs when a condition (or a part joined by and/or/not) is not yes/no.
    NotACondition(Type),
    /// Occurs when `date("...")` holds no valid date.
    BadDate(String),
    /// Occurs when the right side of `in` is not a list.
    NotAList(Type),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeError {
    pub kind: TypeErrorKind,
    pub span: Span,
}

impl TypeError {
    pub fn message(&self, lang: Lang) -> String {
        use TypeErrorKind as K;
        match (&self.kind, lang) {
            (K::UnknownField(id), Lang::Zh) => format!("没有名为“{id}”的字段"),
            (K::UnknownField(id), Lang::En) => format!("there is no field “{id}”"),
            (K::UnknownFunction(name), Lang::Zh) => format!(
                "没有函数“{name}”；可用的有 is_set、age、sex、birth_date、today、date、has"
            ),
            (K::UnknownFunction(name), Lang::En) => format!(
                "there is no function “{name}”; the functions are is_set, age, sex, birth_date, today, date and has"
            ),
            (K::WrongArgumentCount { function, expected, found }, Lang::Zh) => {
                format!("{function}() 需要 {expected} 个参数，这里有 {found} 个")
            }
            (K::WrongArgumentCount { function, expected, found }, Lang::En) => {
                format!("{function}() takes {expected} argument(s), not {found}")
            }
            (K::WrongArgumentType { function, expected, found }, _) => match lang {
                Lang::Zh => format!("{function}() 的参数应为{}，这里是{}", expected.name(lang), found.name(lang)),
                Lang::En => format!("{function}() takes a {}, not a {}", expected.name(lang), found.name(lang)),
            },
            (K::FieldExpected { function }, Lang::Zh) => format!("{function}() 的参数应为字段名"),
            (K::FieldExpected { function }, Lang::En) => format!("{function}() takes a field name"),
            (K::Mismatch { op, left, right }, _) => match lang {
                Lang::Zh => format!("“{op}”两边类型不同：左边是{}，右边是{}", left.name(lang), right.name(lang)),
                Lang::En => format!("the two sides of “{op}” differ: a {} and a {}", left.name(lang), right.name(lang)),
            },
            (K::NotOrderable(found), _) => match lang {
                Lang::Zh => format!("{}不能比较大小，只有数字和日期可以", found.name(lang)),
                Lang::En => format!("a {} has no order; only numbers and dates do", found.name(lang)),
            },
            (K::NotComparable(found), _) => match lang {
                Lang::Zh => format!(
                    "{}不能直接比较：身份证号码请用 age()、sex() 或 birth_date()，多选答案请用 has()",
                    found.name(lang)
                ),
                Lang::En => format!(
                    "a {} cannot be compared directly: use age(), sex() or birth_date() for an ID number, has() for a multiple-choice answer",
                    found.name(lang)
                ),
            },
            (K::UnknownOption { field, value, options }, Lang::Zh) => {
                format!("字段“{field}”没有选项“{value}”；它的选项是 {}", options.join("、"))
            }
            (K::UnknownOption { field, value, options }, Lang::En) => {
                format!("field “{field}” has no option “{value}”; its options are {}", options.join(", "))
            }
            (K::NotACondition(found), _) => match lang {
                Lang::Zh => format!("这里需要一个成立或不成立的判断，而这是{}", found.name(lang)),
                Lang::En => format!("a yes/no condition is needed here, not a {}", found.name(lang)),
            },
            (K::BadDate(text), Lang::Zh) => format!("“{text}”不是有效的日期，请写成 2026-01-31"),
            (K::BadDate(text), Lang::En) => format!("“{text}” is not a valid date; write it as 2026-01-31"),
            (K::NotAList(found), _) => match lang {
                Lang::Zh => format!("“in”右边应为列表，例如 [\"a\", \"b\"]，而这是{}", found.name(lang)),
                Lang::En => format!("the right of “in” must be a list such as [\"a\", \"b\"], not a {}", found.name(lang)),
            },
        }
    }
}

impl fmt::Display for TypeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for TypeError {}

/// Checks that `expr` is a yes/no condition over `fields`; returns every problem found.
pub fn check(expr: &Expr, fields: &BTreeMap<FieldId, Field>) -> Vec<TypeError> {
    let mut checker = Checker { fields, errors: Vec::new() };
    checker.expect_bool(expr);
    checker.errors
}

struct Checker<'a> {
    fields: &'a BTreeMap<FieldId, Field>,
    errors: Vec<TypeError>,
}

impl Checker<'_> {
    fn error(&mut self, kind: TypeErrorKind, span: Span) {
        self.errors.push(TypeError { kind, span });
    }

    fn expect_bool(&mut self, expr: &Expr) {
        if let Some(found) = self.type_of(expr) {
            if found != Type::Bool {
                self.error(TypeErrorKind::NotACondition(found), expr.span);
            }
        }
    }

    /// The type of `expr`, or `None` when an error inside it was already reported.
    fn type_of(&mut self, expr: &Expr) -> Option<Type> {
        match &expr.kind {
            ExprKind::Literal(Literal::Bool(_)) => Some(Type::Bool),
            ExprKind::Literal(Literal::Number(_)) => Some(Type::Number),
            ExprKind::Literal(Literal::Text(_)) => Some(Type::Text),
            ExprKind::Field(id) => match self.fields.get(id) {
                Some(field) => Some(Type::of_field(field.kind)),
                None => {
                    self.error(TypeErrorKind::UnknownField(id.clone()), expr.span);
                    None
                }
            },
            ExprKind::List(items) => {
                let mut item_type = None;
                for item in items {
                    let found = self.type_of(item)?;
                    match &item_type {
                        None => item_type = Some(found),
                        Some(first) if *first != found => {
                            let kind = TypeErrorKind::Mismatch { op: ",", left: first.clone(), right: found };
                            self.error(kind, item.span);
                            return None;
                        }
                        Some(_) => {}
                    }
                }
                Some(Type::List(Box::new(item_type.unwrap_or(Type::Text))))
            }
            ExprKind::Not(inner) => {
                self.expect_bool(inner);
                Some(Type::Bool)
            }
            ExprKind::And(left, right) | ExprKind::Or(left, right) => {
                self.expect_bool(left);
                self.expect_bool(right);
                Some(Type::Bool)
            }
            ExprKind::Compare { op, left, right } => {
                let (left_type, right_type) = (self.type_of(left), self.type_of(right));
                let (left_type, right_type) = (left_type?, right_type?);
                if left_type != right_type {
                    let kind = TypeErrorKind::Mismatch { op: op.symbol(), left: left_type, right: right_type };
                    self.error(kind, expr.span);
                    return None;
                }
                let ordered = !matches!(op, BinaryOp::Equal | BinaryOp::NotEqual);
                if ordered && !matches!(left_type, Type::Number | Type::Date | Type::IdNumber | Type::OptionSet) {
                    self.error(TypeErrorKind::NotOrderable(left_type), expr.span);
                    return None;
                }
                if matches!(left_type, Type::IdNumber | Type::OptionSet) {
                    self.error(TypeErrorKind::NotComparable(left_type), expr.span);
                    return None;
                }
                self.check_options(left, right);
                self.check_options(right, left);
                Some(Type::Bool)
            }
            ExprKind::In { item, list, .. } => {
                let (item_type, list_type) = (self.type_of(item), self.type_of(list));
                let (item_type, list_type) = (item_type?, list_type?);
                match list_type {
                    Type::List(element) if *element == item_type => {
                        if let ExprKind::List(values) = &list.kind {
                            for value in values {
                                self.check_options(item, value);
                            }
                        }
                    }
                    Type::List(element) => {
                        self.error(TypeErrorKind::Mismatch { op: "in", left: item_type, right: *element }, expr.span)
                    }
                    other => self.error(TypeErrorKind::NotAList(other), list.span),
                }
                Some(Type::Bool)
            }
            ExprKind::Call { name, args } => self.call(name, args, expr.span),
        }
    }

    /// When `field` is a choice field and `value` a text literal, the value must be an option.
    fn check_options(&mut self, field: &Expr, value: &Expr) {
        let (ExprKind::Field(id), ExprKind::Literal(Literal::Text(text))) = (&field.kind, &value.kind) else {
            return;
        };
        let Some(definition) = self.fields.get(id) else {
            return;
        };
        if matches!(definition.kind, FieldKind::OneOf | FieldKind::ManyOf)
            && !definition.options.iter().any(|option| &option.value == text)
        {
            let options = definition.options.iter().map(|option| option.value.clone()).collect();
            self.error(TypeErrorKind::UnknownOption { field: id.clone(), value: text.clone(), options }, value.span);
        }
    }

    fn call(&mut self, name: &str, args: &[Expr], span: Span) -> Option<Type> {
        let (parameters, result): (&[Type], Type) = match name {
            "is_set" => (&[], Type::Bool),
            "age" => (&[Type::IdNumber], Type::Number),
            "sex" => (&[Type::IdNumber], Type::Text),
            "birth_date" => (&[Type::IdNumber], Type::Date),
            "today" => (&[], Type::Date),
            "date" => (&[Type::Text], Type::Date),
            "has" => (&[Type::OptionSet, Type::Text], Type::Bool),
            _ => {
                self.error(TypeErrorKind::UnknownFunction(name.to_owned()), span);
                return None;
            }
        };
        let expected = if name == "is_set" { 1 } else { parameters.len() };
        if args.len() != expected {
            let kind = TypeErrorKind::WrongArgumentCount { function: name.to_owned(), expected, found: args.len() };
            self.error(kind, span);
            return None;
        }
        if let (true, [arg]) = (name == "is_set", args) {
            return match &arg.kind {
                ExprKind::Field(_) => self.type_of(arg).map(|_| Type::Bool),
                _ => {
                    self.error(TypeErrorKind::FieldExpected { function: name.to_owned() }, arg.span);
                    None
                }
            };
        }
        for (arg, parameter) in args.iter().zip(parameters) {
            let found = self.type_of(arg)?;
            if &found != parameter {
                let kind =
                    TypeErrorKind::WrongArgumentType { function: name.to_owned(), expected: parameter.clone(), found };
                self.error(kind, arg.span);
                return None;
            }
        }
        match (name, args) {
            ("date", [Expr { kind: ExprKind::Literal(Literal::Text(text)), span }]) if parse_date(text).is_err() => {
                self.error(TypeErrorKind::BadDate(text.clone()), *span);
                None
            }
            ("has", [field, value]) => {
                self.check_options(field, value);
                Some(result)
            }
            _ => Some(result),
        }
    }
}
