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
use crate::date::Date;
use crate::decimal::Decimal;
use crate::ids::{BundleId, FieldId, ItemId, MaterialId};
use crate::text::Text;

/// The bytes still to read.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes }
    }

    /// Reads a whole `T`: `None` unless it is well formed and nothing follows it.
    pub(super) fn whole<T: Read>(bytes: &[u8]) -> Option<T> {
        let mut reader = Reader::new(bytes);
        let value = T::read(&mut reader)?;
        reader.bytes.is_empty().then_some(value)
    }

    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(first)
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (taken, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(taken)
    }

    /// A varint of a `bits`-wide number: at most `ceil(bits / 7)` bytes, and in the last of
    /// that many only the bits left over.
    fn varint(&mut self, bits: u32) -> Option<u128> {
        let most = bits.div_ceil(7);
        let mut value: u128 = 0;
        for i in 0..most {
            let byte = self.byte()?;
            value |= u128::from(byte & 0x7F) << (7 * i);
            if byte & 0x80 == 0 {
                let last_max = (1u16 << (bits % 7)) - 1;
                return (i + 1 < most || u16::from(byte) <= last_max).then_some(value);
            }
        }
        None
    }

    fn u16(&mut self) -> Option<u16> {
        self.varint(16).and_then(|value| u16::try_from(value).ok())
    }

    fn u32(&mut self) -> Option<u32> {
        self.varint(32).and_then(|value| u32::try_from(value).ok())
    }

    /// A length: postcard writes a `usize` as a 64-bit varint.
    fn len(&mut self) -> Option<usize> {
        self.varint(64).and_then(|value| usize::try_from(value).ok())
    }

    fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn str(&mut self) -> Option<&'a str> {
        let len = self.len()?;
        std::str::from_utf8(self.take(len)?).ok()
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_owned)
    }

    fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            1 => read(self).map(Some),
            _ => None,
        }
    }

    /// A sequence: its length, then each element. Room is made as elements arrive, never for
    /// the length a damaged piece may claim.
    fn seq<T>(&mut self, mut read: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let len = self.len()?;
        let mut out = Vec::with_capacity(len.min(self.bytes.len()));
        for _ in 0..len {
            out.push(read(self)?);
        }
        Some(out)
    }

    /// An enum's variant without contents: its index into `variants`, in declaration order.
    fn pick<T: Copy>(&mut self, variants: &[T]) -> Option<T> {
        variants.get(usize::try_from(self.u32()?).ok()?).copied()
    }
}

/// A type read from postcard's bytes.
pub(super) trait Read: Sized {
    fn read(reader: &mut Reader<'_>) -> Option<Self>;
}

impl Read for Text {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some(Text { zh: r.string()?, en: r.string()? })
    }
}

fn text(r: &mut Reader<'_>) -> Option<Text> {
    Text::read(r)
}

fn texts(r: &mut Reader<'_>) -> Option<Vec<String>> {
    r.seq(Reader::string)
}

macro_rules! read_id {
    ($($id:ident),*) => {$(
        impl Read for $id {
            fn read(r: &mut Reader<'_>) -> Option<Self> {
                r.str().map($id::new)
            }
        }
    )*};
}
read_id!(FieldId, MaterialId, ItemId, BundleId);

impl Read for Condition {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Condition::parse(r.str()?).ok()
    }
}

impl Read for Date {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Date::parse_iso(r.str()?)
    }
}

impl Read for Category {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        r.pick(&[Category::Enterprise, Category::Personal])
    }
}

impl Read for Section {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some(Section { id: r.string()?, title: text(r)? })
    }
}

impl Read for CrossCheck {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some(CrossCheck { rule: Condition::read(r)?, message: text(r)? })
    }
}

impl Read for Bound {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        match r.u32()? {
            0 => {
                // A Decimal is its scaled value, an i128 zigzag varint.
                let zigzag = r.varint(128)?;
                let scaled = ((zigzag >> 1) as i128) ^ -((zigzag & 1) as i128);
                Some(Bound::Number(Decimal { scaled }))
            }
            1 => Date::read(r).map(Bound::Date),
            2 => Some(Bound::Today),
            _ => None,
        }
    }
}

impl Read for Pattern {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        let source = r.string()?;
        let message = text(r)?;
        let compiled = crate::pattern::compile(&source).ok()?;
        Some(Pattern { source, compiled, message })
    }
}

impl Read for Constraints {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some(Constraints {
            min_length: r.option(Reader::u32)?,
            max_length: r.option(Reader::u32)?,
            min: r.option(Bound::read)?,
            max: r.option(Bound::read)?,
            pattern: r.option(Pattern::read)?,
        })
    }
}

impl Read for Field {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some(Field {
            id: FieldId::read(r)?,
            kind: r.pick(&FieldKind::ALL)?,
            label: text(r)?,
            help: r.option(text)?,
            plain: r.option(text)?,
            required: r.bool()?,
            condition: r.option(Condition::read)?,
            derived: r.option(|r| {
                let from = FieldId::read(r)?;
                let derivation = r.pick(&[Derivation::BirthDate, Derivation::Sex, Derivation::Age])?;
                Some(Derived { from, derivation, editable: r.bool()? })
            })?,
            checks: r.seq(CrossCheck::read)?,
            options: r.seq(|r| Some(FieldOption { value: r.string()?, label: text(r)? }))?,
            constraints: Constraints::read(r)?,
        })
    }
}

impl Read for Material {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some(Material {
            id: MaterialId::read(r)?,
            name: text(r)?,
            description: text(r)?,
            plain: r.option(text)?,
            paper: r.bool()?,
            electronic: r.bool()?,
            file_types: r.seq(|r| r.pick(&[FileType::Pdf, FileType::Jpeg, FileType::Png]))?,
            max_size_kb: r.u32()?,
            photo: r.bool()?,
        })
    }
}

impl Read for MaterialNeed {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some(MaterialNeed {
            material: MaterialId::read(r)?,
            originals: r.byte()?,
            copies: r.byte()?,
            condition: r.option(Condition::read)?,
            rules: MaterialRules {
                key: r.bool()?,
                waiver: r.option(|r| {
                    let mode = r.pick(&[WaiverMode::Accept, WaiverMode::Process])?;
                    Some(Waiver { mode, days: r.u16()?, commitment: text(r)? })
                })?,
                commitment_letter: r.option(text)?,
                e_certificate: r.option(text)?,
            },
        })
    }
}

impl Read for Item {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some(Item {
            id: ItemId::read(r)?,
            name: text(r)?,
            department: text(r)?,
            legal_days: r.u16()?,
            promised_days: r.u16()?,
            fields: r
                .seq(|r| Some(ItemField { field: FieldId::read(r)?, form_label: r.option(text)?.map(Rc::new) }))?,
            materials: r.seq(MaterialNeed::read)?,
        })
    }
}

impl Read for Bundle {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some(Bundle {
            id: BundleId::read(r)?,
            name: text(r)?,
            summary: text(r)?,
            category: Category::read(r)?,
            pinyin: texts(r)?,
            questions: r.seq(FieldId::read)?,
            items: r.seq(|r| Some(BundleItem { item: ItemId::read(r)?, condition: r.option(Condition::read)? }))?,
            waiver_policy: WaiverPolicy { max_waived: r.option(Reader::byte)? },
            applicant: r.option(FieldId::read)?,
            search_words: texts(r)?,
            checks: r.seq(|r| Some(BundleCheck { field: FieldId::read(r)?, check: CrossCheck::read(r)? }))?,
        })
    }
}

impl Read for Piece {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some(Piece {
            bundle: Bundle::read(r)?,
            items: r.seq(Item::read)?,
            fields: r.seq(|r| Field::read(r).map(Rc::new))?,
            materials: r.seq(|r| Material::read(r).map(Rc::new))?,
        })
    }
}

/// A set as serde reads one: each element inserted, a repeated one kept once.
fn dates(r: &mut Reader<'_>) -> Option<SortedSet<Date>> {
    let mut set = SortedSet::new();
    for date in r.seq(Date::read)? {
        set.insert(date);
    }
    Some(set)
}

impl Read for HolidayCalendar {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        // A map as serde reads one: a repeated key's later value wins.
        let mut years = SortedMap::new();
        for _ in 0..r.len()? {
            let year = r.u16()?;
            years.insert(year, CalendarYear { holidays: dates(r)?, working_weekends: dates(r)? });
        }
        Some(HolidayCalendar::from_years(years))
    }
}

impl Read for BundleCard {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some(BundleCard {
            id: BundleId::read(r)?,
            name: text(r)?,
            summary: text(r)?,
            category: Category::read(r)?,
            pinyin: texts(r)?,
            search_words: texts(r)?,
            departments_at_least: r.u16()?,
            departments_at_most: r.u16()?,
            promised_days_at_most: r.u16()?,
            piece: r.string()?,
            piece_size: r.u32()?,
        })
    }
}

impl Read for Index {
    fn read(r: &mut Reader<'_>) -> Option<Self> {
        Some(Index {
            version: r.string()?,
            sections: r.seq(Section::read)?,
            calendar: HolidayCalendar::read(r)?,
            cards: r.seq(BundleCard::read)?,
        })
    }
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;
