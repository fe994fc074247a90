//! The types of the condition language and what its type check finds wrong. The check itself
//! reads the catalog's fields, so it is a pass of the catalog's loader
//! (`catalog::cond_check`).

use super::Span;
use crate::field_kind::FieldKind;
use crate::ids::FieldId;
use crate::text::{zh_en, Lang};

/// The type of a value in a condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    Bool,
    Number,
    Text,
    Date,
    /// A resident ID number: read it with `age()`, `age_on()`, `sex()` or `birth_date()`, or
    /// compare two with `==` and `!=`.
    IdNumber,
    /// The answer of a many-of field: test it with `has(field, "option")`.
    OptionSet,
    List(Box<Type>),
}

impl Type {
    pub(crate) fn of_field(kind: FieldKind) -> Type {
        match kind {
            FieldKind::YesNo => Type::Bool,
            FieldKind::Integer | FieldKind::Decimal | FieldKind::Money => Type::Number,
            FieldKind::Date => Type::Date,
            FieldKind::IdNumber => Type::IdNumber,
            FieldKind::ManyOf => Type::OptionSet,
            _ => Type::Text,
        }
    }

    /// The English name with its article: "a number", "an ID number".
    fn a_name(&self) -> String {
        let name = self.name(Lang::En);
        let article = if name.starts_with(['a', 'e', 'i', 'o', 'u', 'I']) { "an" } else { "a" };
        format!("{article} {name}")
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
    /// (`at_least` for a function such as `sum` that takes any number from `expected` on.)
    WrongArgumentCount { function: String, expected: usize, at_least: bool, found: usize },
    /// Occurs when a function gets an argument of the wrong type.
    WrongArgumentType { function: String, expected: Type, found: Type },
    /// Occurs when a function needs a field name as its argument.
    FieldExpected { function: String },
    /// Occurs when two sides of a comparison have different types (a date and a number).
    Mismatch { op: &'static str, left: Type, right: Type },
    /// Occurs when `<` and the like compare something that has no order.
    NotOrderable(Type),
    /// Occurs when a many-of answer is compared directly instead of through `has()`, or an ID
    /// number ordered (`<`) instead of read through `age()`, `sex()` or `birth_date()`.
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
        match &self.kind {
            K::UnknownField(id) => zh_en!(
                lang,
                format!("没有名为“{id}”的字段"),
                format!("there is no field “{id}”")
            ),
            K::UnknownFunction(name) => zh_en!(
                lang,
                format!(
                "没有函数“{name}”；可用的有 is_set、age、age_on、sex、birth_date、today、date、days_between、sum、has"
            ),
                format!(
                "there is no function “{name}”; the functions are is_set, age, age_on, sex, birth_date, today, date, days_between, sum and has"
            )
            ),
            K::WrongArgumentCount { function, expected, at_least, found } => zh_en!(
                lang,
                format!("{function}() 需要{} {expected} 个参数，这里有 {found} 个", if *at_least { "至少" } else { "" }),
                format!(
                    "{function}() takes {}{expected} {}, not {found}",
                    if *at_least { "at least " } else { "" },
                    if *expected == 1 && !*at_least { "argument" } else { "arguments" }
                )
            ),
            K::WrongArgumentType { function, expected, found } => match lang {
                Lang::Zh => format!("{function}() 的参数应为{}，这里是{}", expected.name(lang), found.name(lang)),
                Lang::En => format!("{function}() takes {}, not {}", expected.a_name(), found.a_name()),
            },
            K::FieldExpected { function } => zh_en!(
                lang,
                format!("{function}() 的参数应为字段名"),
                format!("{function}() takes a field name")
            ),
            K::Mismatch { op, left, right } => match lang {
                Lang::Zh => format!("“{op}”两边类型不同：左边是{}，右边是{}", left.name(lang), right.name(lang)),
                Lang::En => format!("the two sides of “{op}” differ: {} and {}", left.a_name(), right.a_name()),
            },
            K::NotOrderable(found) => match lang {
                Lang::Zh => format!("{}不能比较大小，只有数字和日期可以", found.name(lang)),
                Lang::En => format!("{} has no order; only numbers and dates do", found.a_name()),
            },
            K::NotComparable(found) => match lang {
                Lang::Zh => format!(
                    "{}不能这样比较：身份证号码只能比较是否相同（== 或 !=），其余请用 age()、sex() 或 birth_date()；多选答案请用 has()",
                    found.name(lang)
                ),
                Lang::En => format!(
                    "{} cannot be compared so: two ID numbers are only the same or not (== or !=), read the rest with age(), sex() or birth_date(); use has() for a multiple-choice answer",
                    found.a_name()
                ),
            },
            K::UnknownOption { field, value, options } => zh_en!(
                lang,
                format!("字段“{field}”没有选项“{value}”；它的选项是 {}", options.join("、")),
                format!("field “{field}” has no option “{value}”; its options are {}", options.join(", "))
            ),
            K::NotACondition(found) => match lang {
                Lang::Zh => format!("这里需要一个成立或不成立的判断，而这是{}", found.name(lang)),
                Lang::En => format!("a yes/no condition is needed here, not {}", found.a_name()),
            },
            K::BadDate(text) => zh_en!(
                lang,
                format!("“{text}”不是有效的日期，请写成 2026-01-31"),
                format!("“{text}” is not a valid date; write it as 2026-01-31")
            ),
            K::NotAList(found) => match lang {
                Lang::Zh => format!("“in”右边应为列表，例如 [\"a\", \"b\"]，而这是{}", found.name(lang)),
                Lang::En => format!("the right of “in” must be a list such as [\"a\", \"b\"], not {}", found.a_name()),
            },
        }
    }
}

crate::text::bilingual_error!(TypeError);
