//! The type check of conditions (条件类型检查), a pass of the loader: every condition against
//! the catalog's fields, so that a bureau's mistake is found when the catalog is checked, never
//! while a person fills the form. Every problem is reported, not just the first.

use crate::sorted_map::SortedMap;
use std::rc::Rc;

use super::{Field, FieldId, FieldKind};
use crate::cond::{BinaryOp, Expr, ExprKind, Literal, Span, Type, TypeError, TypeErrorKind};
use crate::value::date_input::parse_date;

/// Checks that `expr` is a yes/no condition over `fields`; returns every problem found.
pub fn check(expr: &Expr, fields: &SortedMap<FieldId, Rc<Field>>) -> Vec<TypeError> {
    let mut checker = Checker { fields, errors: Vec::new() };
    checker.expect_bool(expr);
    checker.errors
}

struct Checker<'a> {
    fields: &'a SortedMap<FieldId, Rc<Field>>,
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
                // Two ID numbers may be equal (the same person) or not; nothing else of them
                // compares directly.
                if left_type == Type::OptionSet || (left_type == Type::IdNumber && ordered) {
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
            "age_on" => (&[Type::IdNumber, Type::Date], Type::Number),
            "days_between" => (&[Type::Date, Type::Date], Type::Number),
            // Any number of numbers, at least two: checked below.
            "sum" => (&[Type::Number, Type::Number], Type::Number),
            "today" => (&[], Type::Date),
            "date" => (&[Type::Text], Type::Date),
            "has" => (&[Type::OptionSet, Type::Text], Type::Bool),
            _ => {
                self.error(TypeErrorKind::UnknownFunction(name.to_owned()), span);
                return None;
            }
        };
        let expected = if name == "is_set" { 1 } else { parameters.len() };
        let variadic = name == "sum" && args.len() > expected;
        if args.len() != expected && !variadic {
            let kind = TypeErrorKind::WrongArgumentCount {
                function: name.to_owned(),
                expected,
                at_least: name == "sum",
                found: args.len(),
            };
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
        let parameters =
            parameters.iter().chain(std::iter::repeat_n(&Type::Number, if variadic { args.len() } else { 0 }));
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
