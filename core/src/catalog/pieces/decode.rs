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

use super::{BundleCard, Index, Piece};
use crate::calendar::{CalendarYear, HolidayCalendar};
use crate::catalog::{
    Bound, Bundle, BundleCheck, BundleItem, Category, Condition, Constraints, CrossCheck, Derivation, Derived, Field,
    FieldKind, FieldOption, FileType, Item, ItemField, Material, MaterialNeed, MaterialRules, Pattern, Section, Waiver,
    WaiverMode, WaiverPolicy,
};
use crate::cond::{Expr, ExprKind, Literal, Span};
use crate::date::Date;
use crate::decimal::Decimal;
use crate::ids::{BundleId, FieldId, ItemId, MaterialId};
use crate::text::Text;

/// The bytes still to read, and whether reading has failed. A failure is sticky: every later
/// read gives a placeholder and consumes nothing, and the whole is refused at the end. (Reading
/// on without early returns spares the code a path for dropping each partly read value.)
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    failed: bool,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, failed: false }
    }

    /// Reads a whole `T`: `None` unless it is well formed and nothing follows it.
    pub(super) fn whole<T: Read>(bytes: &[u8]) -> Option<T> {
        let mut reader = Reader::new(bytes);
        let value = T::read(&mut reader);
        (!reader.failed && reader.bytes.is_empty()).then_some(value)
    }

    fn fail(&mut self) {
        self.failed = true;
        self.bytes = &[];
    }

    fn byte(&mut self) -> u8 {
        match self.bytes.split_first() {
            Some((&first, rest)) => {
                self.bytes = rest;
                first
            }
            None => {
                self.fail();
                0
            }
        }
    }

    fn take(&mut self, n: usize) -> &'a [u8] {
        if n > self.bytes.len() {
            self.fail();
            return &[];
        }
        let (taken, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        taken
    }

    /// A varint of a `bits`-wide number: at most `ceil(bits / 7)` bytes, and in the last of
    /// that many only the bits left over.
    fn varint(&mut self, bits: u32) -> u128 {
        let most = bits.div_ceil(7);
        let mut value: u128 = 0;
        for i in 0..most {
            let byte = self.byte();
            value |= u128::from(byte & 0x7F) << (7 * i);
            if byte & 0x80 == 0 {
                let last_max = (1u16 << (bits % 7)) - 1;
                if i + 1 == most && u16::from(byte) > last_max {
                    self.fail();
                }
                return value;
            }
        }
        self.fail();
        0
    }

    /// A number of `bits` that must fit `T`.
    fn number<T: TryFrom<u128> + Default>(&mut self, bits: u32) -> T {
        let value = self.varint(bits);
        T::try_from(value).unwrap_or_else(|_| {
            self.fail();
            T::default()
        })
    }

    fn u16(&mut self) -> u16 {
        self.number(16)
    }

    fn u32(&mut self) -> u32 {
        self.number(32)
    }

    /// A length: postcard writes a `usize` as a 64-bit varint.
    fn len(&mut self) -> usize {
        self.number(64)
    }

    fn bool(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => {
                self.fail();
                false
            }
        }
    }

    fn str(&mut self) -> &'a str {
        let len = self.len();
        let bytes = self.take(len);
        std::str::from_utf8(bytes).unwrap_or_else(|_| {
            self.fail();
            ""
        })
    }

    fn string(&mut self) -> String {
        self.str().to_owned()
    }

    fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> T) -> Option<T> {
        match self.byte() {
            0 => None,
            1 => Some(read(self)),
            _ => {
                self.fail();
                None
            }
        }
    }

    /// A sequence: its length, then each element. Room is made as elements arrive, never for
    /// the length a damaged piece may claim.
    fn seq<T>(&mut self, mut read: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let len = self.len();
        let mut out = Vec::with_capacity(len.min(self.bytes.len()));
        for _ in 0..len {
            if self.failed {
                break;
            }
            out.push(read(self));
        }
        out
    }

    /// An enum's variant without contents: its index into `variants`, in declaration order.
    fn pick<T: Copy, const N: usize>(&mut self, variants: [T; N]) -> T {
        let index = self.u32();
        match usize::try_from(index).ok().and_then(|index| variants.get(index)) {
            Some(&variant) => variant,
            None => {
                self.fail();
                variants[0]
            }
        }
    }
}

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

impl Read for Condition {
    fn read(r: &mut Reader<'_>) -> Self {
        Condition::parse(r.str()).unwrap_or_else(|_| {
            r.fail();
            let expr = Expr { kind: ExprKind::Literal(Literal::Bool(false)), span: Span::default() };
            Condition { source: String::new(), expr }
        })
    }
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
        0 => {
            // A Decimal is its scaled value, an i128 zigzag varint.
            let zigzag = r.varint(128);
            let scaled = ((zigzag >> 1) as i128) ^ -((zigzag & 1) as i128);
            Bound::Number(Decimal { scaled })
        }
        1 => date(r).map_or(Bound::Today, Bound::Date),
        2 => Bound::Today,
        _ => {
            r.fail();
            Bound::Today
        }
    }
}

fn pattern(r: &mut Reader<'_>) -> Pattern {
    let source = r.string();
    let message = text(r);
    let compiled = crate::pattern::compile(&source).unwrap_or_else(|_| {
        r.fail();
        crate::pattern::Compiled::default()
    });
    Pattern { source, compiled, message }
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
