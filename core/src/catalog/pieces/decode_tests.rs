//! The hand reader against postcard's, the reference: on every published index and piece of
//! the shipped catalog and of a county hall's generated one, the same values; on damaged copies
//! of them, the same answer (the same value, or both refusing).

use std::sync::OnceLock;

use proptest::prelude::*;

use super::*;
use crate::catalog::pieces::{publish, unframed, Published, INDEX_MAGIC, PIECE_MAGIC};
use crate::catalog::{load, read_folder};

/// The shipped catalog's and the generated bureau's, published.
fn published() -> &'static [Published] {
    static PUBLISHED: OnceLock<Vec<Published>> = OnceLock::new();
    PUBLISHED.get_or_init(|| {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog");
        let shipped = read_folder(&folder).expect("the shipped catalog");
        let bureau = vec![crate::catalog::bureau::bureau_scale()];
        let mut out: Vec<Published> = [&shipped, &bureau].iter().map(|sources| publish(&load(sources).0)).collect();
        out.push(publish(&every_kind(load(&shipped).0)));
        out
    })
}

/// `catalog` with a field of every kind in its first bundle's first item, so that the texts
/// read reach every kind and every derivation (the shipped bundles ask no landline, postcode or e-mail,
/// and derive only birth dates); the first of them with conditions and patterns that reach
/// every kind of node of a condition's tree and of a compiled pattern.
fn every_kind(mut catalog: crate::catalog::Catalog) -> crate::catalog::Catalog {
    let item = catalog.bundles[0].items[0].item.clone();
    let template = (**catalog.fields.values().next().expect("a field")).clone();
    let derivations = [Derivation::BirthDate, Derivation::Sex, Derivation::Age];
    for (n, kind) in FieldKind::ALL.into_iter().enumerate() {
        let id = FieldId::new(format!("every.{kind:?}"));
        let derived = derivations.get(n).map(|&derivation| Derived { from: id.clone(), derivation, editable: n == 0 });
        let mut field = Field { id: id.clone(), kind, condition: None, derived, ..template.clone() };
        if let Some(source) = EVERY_NODE.get(n) {
            field.condition = Some(Condition::parse(source).expect("parses"));
        }
        if let Some(source) = EVERY_PIECE.get(n) {
            let compiled = crate::pattern::compile(source).expect("compiles");
            let message = crate::Text { zh: "格式".to_owned(), en: "format".to_owned() };
            field.constraints.pattern = Some(Pattern { source: (*source).to_owned(), compiled, message });
        }
        catalog.fields.insert(id.clone(), Rc::new(field));
        catalog.items.get_mut(&item).expect("the item").fields.push(ItemField { field: id, form_label: None });
    }
    catalog
}

/// Conditions that hold every kind of node, literal and comparison between them.
const EVERY_NODE: [&str; 4] = [
    "every.Integer >= 18 and every.Integer <= 60.5 or every.Integer < 0",
    "not (every.Text == \"x\" or every.Text != \"y\") and every.Integer > 1",
    "every.OneOf in [\"a\", \"b\"] and every.OneOf not in [\"c\"]",
    "age(every.IdNumber) > 1 and is_set(every.YesNo) == true",
];

/// Patterns that hold any character, classes listed and refused, ranges, and every count.
const EVERY_PIECE: [&str; 2] = ["JY[0-9]{14}.?.*", "[^A-HJ-N京]+\\d{2,}x*"];

/// Every published text: the indexes, then the pieces.
fn bodies() -> Vec<(bool, &'static [u8])> {
    let indexes = published().iter().map(|p| (true, p.index.as_slice()));
    let pieces = published().iter().flat_map(|p| p.pieces.iter().map(|(_, bytes)| (false, bytes.as_slice())));
    indexes.chain(pieces).collect()
}

/// Both readers on `bytes` (an index or a piece): equal, and what they read.
fn both(index: bool, bytes: &[u8]) -> bool {
    if index {
        let hand = bytes.strip_prefix(INDEX_MAGIC).and_then(Reader::whole::<Index>);
        assert_eq!(hand, unframed::<Index>(INDEX_MAGIC, bytes), "the index");
        hand.is_some()
    } else {
        let hand = bytes.strip_prefix(PIECE_MAGIC).and_then(Reader::whole::<Piece>);
        assert_eq!(hand, unframed::<Piece>(PIECE_MAGIC, bytes), "a piece");
        hand.is_some()
    }
}

#[test]
fn every_published_index_and_piece_reads_as_postcard_reads_it() {
    let bodies = bodies();
    assert!(bodies.len() > 100, "the shipped pieces and the bureau's");
    for (index, bytes) in bodies {
        assert!(both(index, bytes), "a published text reads");
    }
}

/// What the published texts hold reaches every kind of value the reader reads: each enum's
/// variants, every optional part present and absent.
#[test]
fn the_published_texts_reach_every_variant() {
    let mut kinds = crate::sorted_map::SortedSet::new();
    let (mut bounds, mut patterns, mut derived, mut waivers, mut files) =
        ([false; 3], false, [false; 3], [false; 2], [false; 3]);
    let (mut nodes, mut sets) = (crate::sorted_map::SortedSet::new(), crate::sorted_map::SortedSet::new());
    for published in published() {
        let (_, catalog) = published.catalog().expect("reads");
        for field in catalog.fields.values() {
            kinds.insert(format!("{:?}", field.kind));
            for bound in [&field.constraints.min, &field.constraints.max].into_iter().flatten() {
                bounds[match bound {
                    Bound::Number(_) => 0,
                    Bound::Date(_) => 1,
                    Bound::Today => 2,
                }] = true;
            }
            patterns |= field.constraints.pattern.is_some();
            if let Some(pattern) = &field.constraints.pattern {
                for piece in &pattern.compiled.pieces {
                    sets.insert(format!("{:?} {}", std::mem::discriminant(&piece.set), piece.max.is_some()));
                    if let crate::pattern::Set::Class { negated, .. } = piece.set {
                        sets.insert(format!("negated {negated}"));
                    }
                }
            }
            if let Some(condition) = &field.condition {
                every_node(&condition.expr, &mut nodes);
            }
            if let Some(d) = &field.derived {
                derived[d.derivation as usize] = true;
            }
        }
        for item in catalog.items.values() {
            for need in &item.materials {
                if let Some(waiver) = &need.rules.waiver {
                    waivers[waiver.mode as usize] = true;
                }
            }
        }
        for material in catalog.materials.values() {
            for file in &material.file_types {
                files[*file as usize] = true;
            }
        }
    }
    assert_eq!(kinds.len(), FieldKind::ALL.len(), "every kind of field: {kinds:?}");
    // 9 kinds of node, 3 kinds of literal, 6 comparisons, `in` and `not in`.
    assert_eq!(nodes.len(), 9 + 3 + 6 + 2, "every node of a condition: {nodes:?}");
    assert_eq!(sets.len(), 2 + 2 + 2, "any and a class, with and without a most, both ways: {sets:?}");
    assert!(bounds.iter().all(|b| *b) && patterns, "bounds {bounds:?}, patterns {patterns}");
    assert!(
        derived.iter().all(|d| *d) && waivers.iter().all(|w| *w) && files.iter().all(|f| *f),
        "derived {derived:?}, waivers {waivers:?}, files {files:?}"
    );
}

/// The kinds of node under `expr`, with its literals' kinds, comparisons and `in` both ways.
fn every_node(expr: &Expr, found: &mut crate::sorted_map::SortedSet<String>) {
    let name = format!("{:?}", expr.kind);
    found.insert(name.split(['(', ' ', '{']).next().unwrap_or_default().to_owned());
    match &expr.kind {
        ExprKind::Literal(literal) => {
            found.insert(format!("{literal:?}").split('(').next().unwrap_or_default().to_owned());
        }
        ExprKind::Field(_) => {}
        ExprKind::Call { args, .. } | ExprKind::List(args) => args.iter().for_each(|arg| every_node(arg, found)),
        ExprKind::Not(inner) => every_node(inner, found),
        ExprKind::And(left, right) | ExprKind::Or(left, right) => {
            every_node(left, found);
            every_node(right, found);
        }
        ExprKind::Compare { op, left, right } => {
            found.insert(op.symbol().to_owned());
            every_node(left, found);
            every_node(right, found);
        }
        ExprKind::In { item, list, negated } => {
            found.insert(format!("in {negated}"));
            every_node(item, found);
            every_node(list, found);
        }
    }
}

/// A damage to a text: at a place (a fraction of its length), one of flipping a bit, setting a
/// byte, deleting or inserting one, or cutting the text there.
#[derive(Debug, Clone)]
enum Damage {
    Flip(f64, u8),
    Set(f64, u8),
    Delete(f64),
    Insert(f64, u8),
    Cut(f64),
}

fn damage(bytes: &mut Vec<u8>, damage: &Damage) {
    let at = |fraction: f64, len: usize| ((fraction * len as f64) as usize).min(len.saturating_sub(1));
    let len = bytes.len();
    match *damage {
        Damage::Flip(f, bit) if len > 0 => bytes[at(f, len)] ^= 1 << (bit % 8),
        Damage::Set(f, value) if len > 0 => bytes[at(f, len)] = value,
        Damage::Delete(f) if len > 0 => {
            bytes.remove(at(f, len));
        }
        Damage::Insert(f, value) => bytes.insert(at(f, len + 1), value),
        Damage::Cut(f) => bytes.truncate(at(f, len + 1)),
        _ => {}
    }
}

fn damages() -> impl Strategy<Value = Vec<Damage>> {
    let place = 0.0..1.0f64;
    let one = prop_oneof![
        (place.clone(), any::<u8>()).prop_map(|(f, b)| Damage::Flip(f, b)),
        (place.clone(), prop_oneof![Just(0u8), Just(1), Just(2), Just(0x7F), Just(0x80), Just(0xFF), any::<u8>()])
            .prop_map(|(f, b)| Damage::Set(f, b)),
        place.clone().prop_map(Damage::Delete),
        (place.clone(), any::<u8>()).prop_map(|(f, b)| Damage::Insert(f, b)),
        place.prop_map(Damage::Cut),
    ];
    proptest::collection::vec(one, 1..4)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_text_is_read_or_refused_as_postcard_does(which in any::<prop::sample::Index>(), harm in damages()) {
        let bodies = bodies();
        // The indexes and the shipped pieces as often as the bureau's many.
        let (index, bytes) = if which.index(2) == 0 { bodies[which.index(4) % bodies.len()] } else { *which.get(&bodies) };
        let mut damaged = bytes.to_vec();
        for each in &harm {
            damage(&mut damaged, each);
        }
        both(index, &damaged);
    }
}

/// The damages above reach both outcomes often: a damaged text read (a changed word in a
/// text, say) and one refused.
#[test]
fn the_damages_reach_both_outcomes() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let bodies = bodies();
    let (mut read, mut refused) = (0, 0);
    for n in 0..300 {
        let harm = damages().new_tree(&mut runner).expect("a value").current();
        let (index, bytes) = bodies[n % 20];
        let mut damaged = bytes.to_vec();
        harm.iter().for_each(|each| damage(&mut damaged, each));
        if both(index, &damaged) {
            read += 1
        } else {
            refused += 1
        }
    }
    assert!(read > 30 && refused > 30, "{read} read, {refused} refused");
}

/// One read from `bytes`: its value, or `None` when it failed.
fn one<'a, T>(bytes: &'a [u8], read: impl FnOnce(&mut Reader<'a>) -> T) -> Option<T> {
    let mut reader = Reader::new(bytes);
    let value = read(&mut reader);
    (!reader.failed).then_some(value)
}

#[test]
fn varints_are_held_to_their_width() {
    // u16: at most three bytes, the third holding two bits.
    assert_eq!(one(&[0xFF, 0xFF, 0x03], Reader::u16), Some(u16::MAX));
    assert_eq!(one(&[0xFF, 0xFF, 0x04], Reader::u16), None);
    assert_eq!(one(&[0x80, 0x80, 0x80, 0x00], Reader::u16), None);
    // A non-shortest form is read, as postcard reads it.
    assert_eq!(one(&[0x81, 0x00], Reader::u16), Some(1));
    assert_eq!(one(&[0xFF, 0xFF, 0xFF, 0xFF, 0x0F], Reader::u32), Some(u32::MAX));
    assert_eq!(one(&[0xFF, 0xFF, 0xFF, 0xFF, 0x10], Reader::u32), None);
    assert_eq!(one(&[0x80], Reader::u32), None, "cut short");
    // 128 bits (a decimal's scaled value): nineteen bytes, the last holding two bits; a third
    // bit there would be lost, and is refused.
    let widest = |last: u8| [[0xFF; 18].as_slice(), &[last]].concat();
    assert_eq!(one(&widest(0x03), |r| r.varint(128)), Some(u128::MAX));
    assert_eq!(one(&widest(0x04), |r| r.varint(128)), None);
    assert_eq!(one(&[2], Reader::bool), None);
    assert_eq!(one(&[2, 0xE4, 0xB8], Reader::str), None, "not UTF-8");
    assert_eq!(one(&[0xFF, 0xFF, 0xFF, 0xFF, 0x0F], |r| r.seq(Reader::byte)), None, "a length beyond the text");
}

/// A tree nested one deeper than a parse can make is refused by both readers (the evaluator
/// recurses on it); one as deep as a parse can make reads.
#[test]
fn a_condition_nested_deeper_than_a_parse_can_is_refused() {
    let nested = |depth: usize| {
        let mut expr = Expr { kind: ExprKind::Literal(Literal::Bool(true)), span: Span::default() };
        for _ in 1..depth {
            expr = Expr { kind: ExprKind::Not(Box::new(expr)), span: Span::default() };
        }
        Condition { source: "true".to_owned(), expr }
    };
    for (depth, reads) in [(MAX_DEPTH, true), (MAX_DEPTH + 1, false)] {
        let bytes = postcard::to_allocvec(&nested(depth)).expect("writes");
        assert_eq!(Reader::whole::<Condition>(&bytes).is_some(), reads, "depth {depth}");
        assert_eq!(postcard::from_bytes::<Condition>(&bytes).is_ok(), reads, "depth {depth}");
    }
}
