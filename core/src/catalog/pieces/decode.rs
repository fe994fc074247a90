//! Reading the index and the pieces by hand: postcard's format, as `serde` and `postcard`
//! read it for these types, without their generic visitors (issue 16: derived readers for some
//! 30 catalog types were about 16 KB of the app's first load; this reader is a few).
//!
//! The writer stays `postcard` with the derived `Serialize`, and postcard's reader is the
//! reference: the tests hold this one to accept and refuse exactly what postcard does, and to
//! read the same values (`pieces_tests.rs`).
//!
//! The format, for these types: a `bool` is one byte, 0 or 1; a `u8` one byte; wider unsigned
//! numbers are LEB128 varints of at most their width, the last byte holding only the bits left;
//! an `i128` is a zigzag varint; a string, a sequence, a set and a map are a varint length and
//! then their contents; an `Option` a byte 0 or 1 and the value; an enum a varint variant
//! index and its contents; a struct its fields in order.

use crate::sorted_map::{SortedMap, SortedSet};
use std::rc::Rc;

mod reader;

use super::{BundleCard, Index, Piece};
use crate::calendar::{CalendarYear, HolidayCalendar};
use crate::catalog::{
    Bound, Bundle, BundleCheck, BundleItem, Category, Condition, Constraints, CrossCheck, Derivation, Derived, Field,
    FieldKind, FieldOption, FileType, Item, ItemField, Material, MaterialNeed, MaterialRules, Pattern, Section, Waiver,
    WaiverMode, WaiverPolicy,
};
use crate::cond::{BinaryOp, Expr, ExprKind, Literal, Span, MAX_DEPTH};
use crate::date::Date;
use crate::decimal::Decimal;
use crate::ids::{BundleId, FieldId, ItemId, MaterialId};
use crate::pattern::{Compiled, Piece as PatternPiece, Set};
use crate::text::Text;
pub(super) use reader::Reader;

/// A type read from postcard's bytes (a placeholder, and the reader failed, when they are
/// not well formed).
pub(super) trait Read: Sized {
    fn read(reader: &mut Reader<'_>) -> Self;
}

fn text(r: &mut Reader<'_>) -> Text {
    Text { zh: r.string(), en: r.string() }
}

fn texts(r: &mut Reader<'_>) -> Vec<String> {
    r.seq(Reader::string)
}

macro_rules! read_id {
    ($($id:ident),*) => {$(
        impl Read for $id {
            fn read(r: &mut Reader<'_>) -> Self {
                $id::new(r.str())
            }
        }
    )*};
}
read_id!(FieldId, MaterialId, ItemId, BundleId);

/// A condition: its source and its parsed tree, which may nest no deeper than a parse can
/// (the evaluator recurses on it).
impl Read for Condition {
    fn read(r: &mut Reader<'_>) -> Self {
        Condition { source: r.string(), expr: expr(r, 1) }
    }
}

fn expr(r: &mut Reader<'_>, depth: usize) -> Expr {
    if depth > MAX_DEPTH {
        r.fail();
    }
    let below = depth.saturating_add(1);
    let boxed = |r: &mut Reader<'_>| Box::new(expr(r, below));
    let kind = match r.u32() {
        _ if r.failed => ExprKind::Literal(Literal::Bool(false)),
        0 => ExprKind::Literal(match r.u32() {
            0 => Literal::Bool(r.bool()),
            1 => Literal::Number(decimal(r)),
            2 => Literal::Text(r.string()),
            _ => {
                r.fail();
                Literal::Bool(false)
            }
        }),
        1 => ExprKind::Field(FieldId::read(r)),
        2 => ExprKind::Call { name: r.string(), args: r.seq(|r| expr(r, below)) },
        3 => ExprKind::List(r.seq(|r| expr(r, below))),
        4 => ExprKind::Not(boxed(r)),
        5 => ExprKind::And(boxed(r), boxed(r)),
        6 => ExprKind::Or(boxed(r), boxed(r)),
        7 => ExprKind::Compare { op: r.pick(BinaryOp::ALL), left: boxed(r), right: boxed(r) },
        8 => ExprKind::In { item: boxed(r), list: boxed(r), negated: r.bool() },
        _ => {
            r.fail();
            ExprKind::Literal(Literal::Bool(false))
        }
    };
    Expr { kind, span: Span { start: r.number(64), end: r.number(64) } }
}

/// A `Decimal`: its scaled value, an i128 zigzag varint.
fn decimal(r: &mut Reader<'_>) -> Decimal {
    let zigzag = r.varint(128);
    Decimal { scaled: ((zigzag >> 1) as i128) ^ -((zigzag & 1) as i128) }
}

/// A date, or `None` (and the reader failed).
fn date(r: &mut Reader<'_>) -> Option<Date> {
    let date = Date::parse_iso(r.str());
    if date.is_none() {
        r.fail();
    }
    date
}

fn cross_check(r: &mut Reader<'_>) -> CrossCheck {
    CrossCheck { rule: Condition::read(r), message: text(r) }
}

fn bound(r: &mut Reader<'_>) -> Bound {
    match r.u32() {
        0 => Bound::Number(decimal(r)),
        1 => date(r).map_or(Bound::Today, Bound::Date),
        2 => Bound::Today,
        _ => {
            r.fail();
            Bound::Today
        }
    }
}

/// A pattern: its source, compiled form and message.
fn pattern(r: &mut Reader<'_>) -> Pattern {
    let source = r.string();
    let pieces = r.seq(|r| {
        let set = match r.u32() {
            0 => Set::Any,
            1 => Set::Class { negated: r.bool(), ranges: r.seq(|r| (r.char(), r.char())) },
            _ => {
                r.fail();
                Set::Any
            }
        };
        PatternPiece { set, min: r.u32(), max: r.option(Reader::u32) }
    });
    Pattern { source, compiled: Compiled { pieces }, message: text(r) }
}

impl Read for Field {
    fn read(r: &mut Reader<'_>) -> Self {
        Field {
            id: FieldId::read(r),
            kind: r.pick(FieldKind::ALL),
            label: text(r),
            help: r.option(text),
            plain: r.option(text),
            required: r.bool(),
            condition: r.option(Condition::read),
            derived: r.option(|r| Derived {
                from: FieldId::read(r),
                derivation: r.pick([Derivation::BirthDate, Derivation::Sex, Derivation::Age]),
                editable: r.bool(),
            }),
            checks: r.seq(cross_check),
            options: r.seq(|r| FieldOption { value: r.string(), label: text(r) }),
            constraints: Constraints {
                min_length: r.option(Reader::u32),
                max_length: r.option(Reader::u32),
                min: r.option(bound),
                max: r.option(bound),
                pattern: r.option(pattern),
            },
        }
    }
}

impl Read for Material {
    fn read(r: &mut Reader<'_>) -> Self {
        Material {
            id: MaterialId::read(r),
            name: text(r),
            description: text(r),
            plain: r.option(text),
            paper: r.bool(),
            electronic: r.bool(),
            file_types: r.seq(|r| r.pick([FileType::Pdf, FileType::Jpeg, FileType::Png])),
            max_size_kb: r.u32(),
            photo: r.bool(),
        }
    }
}

fn material_need(r: &mut Reader<'_>) -> MaterialNeed {
    MaterialNeed {
        material: MaterialId::read(r),
        originals: r.byte(),
        copies: r.byte(),
        condition: r.option(Condition::read),
        rules: MaterialRules {
            key: r.bool(),
            waiver: r.option(|r| Waiver {
                mode: r.pick([WaiverMode::Accept, WaiverMode::Process]),
                days: r.u16(),
                commitment: text(r),
            }),
            commitment_letter: r.option(text),
            e_certificate: r.option(text),
        },
    }
}

impl Read for Item {
    fn read(r: &mut Reader<'_>) -> Self {
        Item {
            id: ItemId::read(r),
            name: text(r),
            department: text(r),
            legal_days: r.u16(),
            promised_days: r.u16(),
            fields: r.seq(|r| ItemField { field: FieldId::read(r), form_label: r.option(text).map(Rc::new) }),
            materials: r.seq(material_need),
        }
    }
}

fn category(r: &mut Reader<'_>) -> Category {
    r.pick([Category::Enterprise, Category::Personal])
}

impl Read for Bundle {
    fn read(r: &mut Reader<'_>) -> Self {
        Bundle {
            id: BundleId::read(r),
            name: text(r),
            summary: text(r),
            category: category(r),
            pinyin: texts(r),
            questions: r.seq(FieldId::read),
            items: r.seq(|r| BundleItem { item: ItemId::read(r), condition: r.option(Condition::read) }),
            waiver_policy: WaiverPolicy { max_waived: r.option(Reader::byte) },
            applicant: r.option(FieldId::read),
            search_words: texts(r),
            checks: r.seq(|r| BundleCheck { field: FieldId::read(r), check: cross_check(r) }),
        }
    }
}

impl Read for Piece {
    fn read(r: &mut Reader<'_>) -> Self {
        Piece {
            bundle: Bundle::read(r),
            items: r.seq(Item::read),
            fields: r.seq(|r| Rc::new(Field::read(r))),
            materials: r.seq(|r| Rc::new(Material::read(r))),
        }
    }
}

/// A set as serde reads one: each element inserted, a repeated one kept once.
fn dates(r: &mut Reader<'_>) -> SortedSet<Date> {
    r.seq(date).into_iter().flatten().collect()
}

fn calendar(r: &mut Reader<'_>) -> HolidayCalendar {
    // A map as serde reads one: a repeated key's later value wins.
    let mut years = SortedMap::new();
    for _ in 0..r.len() {
        if r.failed {
            break;
        }
        let year = r.u16();
        years.insert(year, CalendarYear { holidays: dates(r), working_weekends: dates(r) });
    }
    HolidayCalendar::from_years(years)
}

impl Read for Index {
    fn read(r: &mut Reader<'_>) -> Self {
        Index {
            version: r.string(),
            sections: r.seq(|r| Section { id: r.string(), title: text(r) }),
            calendar: calendar(r),
            cards: r.seq(|r| BundleCard {
                id: BundleId::read(r),
                name: text(r),
                summary: text(r),
                category: category(r),
                pinyin: texts(r),
                search_words: texts(r),
                departments_at_least: r.u16(),
                departments_at_most: r.u16(),
                promised_days_at_most: r.u16(),
                piece: r.string(),
                piece_size: r.u32(),
            }),
        }
    }
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;
