//! The catalog as published pieces (目录分片): a small index the app starts from, and one piece
//! per bundle that it loads when the bundle is opened, each named by its content's SHA-256.
//!
//! The index holds what the home page, search and the drafts list need: the catalog's version,
//! the sections of the form, the calendar, and a card per bundle (name, pinyin, search words,
//! group, the range of departments, the longest promised time) naming its piece's digest and
//! size. A piece holds one bundle and everything it reads: its items, every field and material
//! they name, and the fields its conditions and checks read, repeated in each piece that needs
//! them (a bundle never waits for a second piece). A piece whose bytes do not hash to the
//! digest its card names is refused before it is read.
//!
//! Both are postcard, like the compact catalog, each behind a mark of its own layout.

use crate::sorted_map::{SortedMap, SortedSet};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::{Bundle, BundleId, Catalog, Category, Field, FieldId, Item, ItemId, Material, MaterialId, Section};
use crate::calendar::HolidayCalendar;
use crate::text::{zh_en, Lang, Text};

mod decode;

const INDEX_MAGIC: &[u8; 4] = b"YBI1";
const PIECE_MAGIC: &[u8; 4] = b"YBP2";

/// What the home page shows of a bundle before its piece is loaded (一件事卡片).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleCard {
    pub id: BundleId,
    pub name: Text,
    pub summary: Text,
    pub category: Category,
    pub pinyin: Vec<String>,
    pub search_words: Vec<String>,
    /// How many departments at least (the items always needed) and at most (every item).
    pub departments_at_least: u16,
    pub departments_at_most: u16,
    /// The longest promised time of any item, in working days.
    pub promised_days_at_most: u16,
    /// The SHA-256 of the bundle's piece, in lowercase hexadecimal: also its file name.
    pub piece: String,
    /// The piece's size in bytes.
    pub piece_size: u32,
}

/// The catalog's index (目录索引): all the app needs until a bundle is opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub version: String,
    pub sections: Vec<Section>,
    pub calendar: HolidayCalendar,
    pub cards: Vec<BundleCard>,
}

/// One bundle's piece (一件事分片): the bundle and every definition it reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Piece {
    bundle: Bundle,
    items: Vec<Item>,
    fields: Vec<Rc<Field>>,
    materials: Vec<Rc<Material>>,
}

/// A catalog written as pieces: the index's bytes and each piece's (named by its digest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub index: Vec<u8>,
    /// `(digest, bytes)`, in the order of the index's cards.
    pub pieces: Vec<(String, Vec<u8>)>,
}

impl Published {
    /// The catalog's digest: the SHA-256 of its index, which names every piece's.
    pub fn digest(&self) -> String {
        sha256_hex(&self.index)
    }

    /// As text, for storage that holds only text and for the packet worker: the index, then
    /// each piece, in base64, a line each.
    pub fn encode_text(&self) -> String {
        let lines = std::iter::once(&self.index).chain(self.pieces.iter().map(|(_, bytes)| bytes));
        lines.map(|bytes| super::compact::base64_encode(bytes)).collect::<Vec<_>>().join("\n")
    }

    /// Reads the text form; each piece's digest is computed from its bytes, never taken on trust.
    pub fn decode_text(text: &str) -> Option<Published> {
        let mut lines = text.split('\n').map(super::compact::base64_decode);
        let index = lines.next()??;
        let pieces = lines.map(|bytes| bytes.map(|bytes| (sha256_hex(&bytes), bytes))).collect::<Option<_>>()?;
        Some(Published { index, pieces })
    }

    /// The index, and the catalog of every piece it holds absorbed: refused whole if the index
    /// or any piece is, or a piece belongs to no card.
    pub fn catalog(&self) -> Result<(Index, Catalog), PieceError> {
        let index = read_index(&self.index)?;
        let mut catalog = index.catalog();
        for (digest, bytes) in &self.pieces {
            let card = index.cards.iter().find(|card| &card.piece == digest).ok_or(PieceError::IndexUnreadable)?;
            absorb(&mut catalog, card, bytes)?;
        }
        Ok((index, catalog))
    }
}

/// Why a piece of the catalog was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PieceError {
    /// Occurs when the index is damaged or of another layout.
    IndexUnreadable,
    /// Occurs when a bundle's piece is not what its card names: changed on the way or on disk.
    Tampered { bundle: Text },
    /// Occurs when a piece hashes right but cannot be read, or holds another bundle.
    Unreadable { bundle: Text },
}

impl PieceError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PieceError::IndexUnreadable => lang
                .pick(
                    "事项目录的索引已损坏或格式不符，无法使用。",
                    "The catalog's index is damaged or of another layout and cannot be used.",
                )
                .to_owned(),
            PieceError::Tampered { bundle } => zh_en!(
                lang,
                format!("“{}”的内容与事项目录记载的指纹不符（可能在传输或存储中被改动），没有使用。", bundle.zh),
                format!(
                    "The contents of “{}” do not match the fingerprint the catalog names (changed on the way or on disk), so they were not used.",
                    bundle.en
                )
            ),
            PieceError::Unreadable { bundle } => zh_en!(
                lang,
                format!("“{}”的内容无法读取，没有使用。", bundle.zh),
                format!("The contents of “{}” cannot be read, so they were not used.", bundle.en)
            ),
        }
    }
}

crate::text::bilingual_error!(PieceError);

/// The SHA-256 of `bytes`, in lowercase hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    crate::text::hex(&Sha256::digest(bytes))
}

/// Writes `catalog` (one that loaded without errors) as an index and a piece per bundle.
pub fn publish(catalog: &Catalog) -> Published {
    let mut pieces = Vec::with_capacity(catalog.bundles.len());
    let mut cards = Vec::with_capacity(catalog.bundles.len());
    for bundle in &catalog.bundles {
        let bytes = piece_bytes(catalog, bundle);
        let digest = sha256_hex(&bytes);
        cards.push(card(catalog, bundle, digest.clone(), bytes.len()));
        pieces.push((digest, bytes));
    }
    let index = Index {
        version: catalog.version.clone(),
        sections: catalog.sections.clone(),
        calendar: catalog.calendar.clone(),
        cards,
    };
    Published { index: framed(INDEX_MAGIC, &index), pieces }
}

/// The digest of `bundle`'s piece: the content hash of the definition a draft of it is filled
/// against. The same from the whole catalog as from any catalog its piece was absorbed into:
/// the one recorded in `Catalog::definitions` when there is one, else computed.
pub fn piece_digest(catalog: &Catalog, bundle: &BundleId) -> Option<String> {
    let bundle = catalog.bundle(bundle)?;
    let recorded = catalog.definitions.get(&bundle.id).cloned();
    Some(recorded.unwrap_or_else(|| sha256_hex(&piece_bytes(catalog, bundle))))
}

/// Every bundle's definition: the digest of its piece.
pub fn definitions(catalog: &Catalog) -> SortedMap<BundleId, String> {
    catalog.bundles.iter().map(|bundle| (bundle.id.clone(), sha256_hex(&piece_bytes(catalog, bundle)))).collect()
}

/// Reads an index.
pub fn read_index(bytes: &[u8]) -> Result<Index, PieceError> {
    bytes.strip_prefix(INDEX_MAGIC).and_then(decode::Reader::whole).ok_or(PieceError::IndexUnreadable)
}

impl Index {
    /// The catalog to start from: no bundle yet, only what every bundle shares.
    pub fn catalog(&self) -> Catalog {
        Catalog {
            version: self.version.clone(),
            sections: self.sections.clone(),
            fields: SortedMap::new(),
            materials: SortedMap::new(),
            items: SortedMap::new(),
            bundles: Vec::new(),
            calendar: self.calendar.clone(),
            definitions: SortedMap::new(),
        }
    }

    pub fn card(&self, bundle: &BundleId) -> Option<&BundleCard> {
        self.cards.iter().find(|card| &card.id == bundle)
    }

    /// `bundle`'s name, whether or not its piece is loaded; its id when the index has no such
    /// bundle (a draft of a bundle another catalog had).
    pub fn bundle_name<'a>(&'a self, bundle: &'a BundleId, lang: Lang) -> &'a str {
        self.card(bundle).map_or(bundle.as_str(), |card| card.name.get(lang))
    }
}

/// Adds the piece `bytes` of `card`'s bundle to `catalog`, once it hashes to the digest the
/// card names and holds that bundle. On any error `catalog` is unchanged.
pub fn absorb(catalog: &mut Catalog, card: &BundleCard, bytes: &[u8]) -> Result<(), PieceError> {
    if sha256_hex(bytes) != card.piece {
        return Err(PieceError::Tampered { bundle: card.name.clone() });
    }
    let piece: Piece = (bytes.strip_prefix(PIECE_MAGIC).and_then(decode::Reader::whole))
        .filter(|piece: &Piece| piece.bundle.id == card.id)
        .ok_or_else(|| PieceError::Unreadable { bundle: card.name.clone() })?;
    if catalog.bundle(&card.id).is_some() {
        return Ok(());
    }
    for item in piece.items {
        catalog.items.entry(item.id.clone()).or_insert(item);
    }
    for field in piece.fields {
        catalog.fields.entry(field.id.clone()).or_insert(field);
    }
    for material in piece.materials {
        catalog.materials.entry(material.id.clone()).or_insert(material);
    }
    catalog.bundles.push(piece.bundle);
    catalog.definitions.insert(card.id.clone(), card.piece.clone());
    Ok(())
}

fn framed<T: Serialize>(magic: &[u8; 4], value: &T) -> Vec<u8> {
    let mut bytes = magic.to_vec();
    // Plain data always serialises.
    bytes.extend(postcard::to_allocvec(value).unwrap_or_default());
    bytes
}

/// Reads what `framed` wrote with postcard's own reader: the reference the hand reader
/// (`decode`) is held to.
#[cfg(test)]
fn unframed<T: for<'de> Deserialize<'de>>(magic: &[u8; 4], bytes: &[u8]) -> Option<T> {
    let (value, rest) = postcard::take_from_bytes::<T>(bytes.strip_prefix(magic)?).ok()?;
    rest.is_empty().then_some(value)
}

fn piece_bytes(catalog: &Catalog, bundle: &Bundle) -> Vec<u8> {
    let (items, fields, materials) = reads(catalog, bundle);
    let piece = Piece {
        bundle: bundle.clone(),
        items: items.iter().filter_map(|id| catalog.items.get(*id).cloned()).collect(),
        fields: fields.iter().filter_map(|id| catalog.fields.get(*id).cloned()).collect(),
        materials: materials.iter().filter_map(|id| catalog.materials.get(*id).cloned()).collect(),
    };
    framed(PIECE_MAGIC, &piece)
}

type Reads<'a> = (SortedSet<&'a ItemId>, SortedSet<&'a FieldId>, SortedSet<&'a MaterialId>);

/// Every item, field and material `bundle` reads, the fields its fields read in turn included,
/// each once and in id order (so a piece's bytes depend on its definitions alone).
fn reads<'a>(catalog: &'a Catalog, bundle: &'a Bundle) -> Reads<'a> {
    let mut items = SortedSet::new();
    let mut fields: SortedSet<&FieldId> = bundle.questions.iter().chain(&bundle.applicant).collect();
    let mut materials = SortedSet::new();
    for check in &bundle.checks {
        fields.insert(&check.field);
        fields.extend(check.check.rule.expr.fields());
    }
    for entry in &bundle.items {
        fields.extend(entry.condition.iter().flat_map(|condition| condition.expr.fields()));
        let Some(item) = catalog.items.get(&entry.item) else { continue };
        items.insert(&item.id);
        fields.extend(item.fields.iter().map(|field| &field.field));
        for need in &item.materials {
            materials.insert(&need.material);
            fields.extend(need.condition.iter().flat_map(|condition| condition.expr.fields()));
        }
    }
    // The fields a field reads (its condition, what it is derived from, its checks), until no
    // new one turns up.
    let mut unread: Vec<&FieldId> = fields.iter().copied().collect();
    while let Some(id) = unread.pop() {
        let Some(field) = catalog.fields.get(id) else { continue };
        let conditions = field.condition.iter().chain(field.checks.iter().map(|check| &check.rule));
        let read =
            conditions.flat_map(|condition| condition.expr.fields()).chain(field.derived.iter().map(|d| &d.from));
        for next in read {
            if fields.insert(next) {
                unread.push(next);
            }
        }
    }
    (items, fields, materials)
}

/// A bundle's card: what its home-page entry says before the piece is loaded.
fn card(catalog: &Catalog, bundle: &Bundle, piece: String, size: usize) -> BundleCard {
    let items: Vec<(&Item, bool)> = bundle
        .items
        .iter()
        .filter_map(|entry| catalog.items.get(&entry.item).map(|item| (item, entry.condition.is_none())))
        .collect();
    let departments = |always_only: bool| {
        let names = items.iter().filter(|(_, always)| *always || !always_only).map(|(item, _)| &item.department.zh);
        u16::try_from(names.collect::<SortedSet<_>>().len()).unwrap_or(u16::MAX)
    };
    BundleCard {
        id: bundle.id.clone(),
        name: bundle.name.clone(),
        summary: bundle.summary.clone(),
        category: bundle.category,
        pinyin: bundle.pinyin.clone(),
        search_words: bundle.search_words.clone(),
        departments_at_least: departments(true),
        departments_at_most: departments(false),
        promised_days_at_most: items.iter().map(|(item, _)| item.promised_days).max().unwrap_or(0),
        piece,
        piece_size: u32::try_from(size).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Condition;
    use crate::fixture::restaurant_catalog;

    /// A field read only by another field's condition, which is read only by an item, is in the
    /// piece: what a piece holds is closed under reading, however deep.
    #[test]
    fn a_piece_holds_the_fields_its_fields_read_in_turn() {
        let mut catalog = restaurant_catalog();
        let bundle = catalog.bundles[0].clone();
        let item = bundle.items[0].item.clone();
        let template = catalog.fields.values().next().cloned().expect("a field");
        let hidden = Field { id: FieldId::new("deep.hidden"), condition: None, ..(*template).clone() };
        let reader = Field {
            id: FieldId::new("deep.reader"),
            condition: Some(Condition::parse("deep.hidden == \"x\"").expect("parses")),
            ..(*template).clone()
        };
        catalog.fields.insert(hidden.id.clone(), Rc::new(hidden));
        catalog.fields.insert(reader.id.clone(), Rc::new(reader.clone()));
        let entry = catalog.items.get_mut(&item).expect("the item");
        entry.fields.push(crate::catalog::ItemField { field: reader.id.clone(), form_label: None });
        let published = publish(&catalog);
        let index = read_index(&published.index).expect("reads");
        let card = index.card(&bundle.id).expect("a card");
        let mut partial = index.catalog();
        absorb(&mut partial, card, &published.pieces[0].1).expect("accepted");
        assert!(partial.fields.contains_key(&FieldId::new("deep.reader")));
        assert!(partial.fields.contains_key(&FieldId::new("deep.hidden")));
    }
}
