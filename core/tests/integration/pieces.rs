//! The catalog as published pieces (issue 16): a bundle planned from the index and its own piece
//! alone is planned exactly as from the whole catalog, for every golden situation and every
//! contradiction; a piece that is not what its card names is refused by the bundle's name.

use yibiao_core::catalog::pieces::{self, Index, PieceError, Published};
use yibiao_core::{BundleId, Catalog, Lang};

use crate::shipped::catalog;

fn published() -> (Catalog, Published, Index) {
    let whole = catalog();
    let published = pieces::publish(&whole);
    let index = pieces::read_index(&published.index).expect("the index reads back");
    (whole, published, index)
}

/// The catalog as the app holds it after opening `bundle`: the index and that one piece.
fn with_piece(published: &Published, index: &Index, bundle: &str) -> Catalog {
    let card = index.card(&BundleId::new(bundle)).expect("a card per bundle");
    let (_, bytes) = published.pieces.iter().find(|(digest, _)| *digest == card.piece).expect("its piece");
    let mut catalog = index.catalog();
    pieces::absorb(&mut catalog, card, bytes).expect("a published piece is accepted");
    catalog
}

#[test]
fn the_index_has_a_card_per_bundle_and_each_piece_is_named_by_its_digest() {
    let (whole, published, index) = published();
    assert_eq!(index.version, whole.version);
    assert_eq!(index.sections, whole.sections);
    assert_eq!(index.calendar, whole.calendar);
    let ids: Vec<&BundleId> = index.cards.iter().map(|card| &card.id).collect();
    assert_eq!(ids, whole.bundles.iter().map(|bundle| &bundle.id).collect::<Vec<_>>());
    for (card, (digest, bytes)) in index.cards.iter().zip(&published.pieces) {
        assert_eq!(&card.piece, digest);
        assert_eq!(pieces::sha256_hex(bytes), *digest);
        assert_eq!(card.piece_size as usize, bytes.len());
        assert_eq!(pieces::piece_digest(&whole, &card.id).as_ref(), Some(digest));
        let bundle = whole.bundle(&card.id).expect("exists");
        assert_eq!(
            (&card.name, &card.search_words, &card.pinyin),
            (&bundle.name, &bundle.search_words, &bundle.pinyin)
        );
        assert!(card.departments_at_least >= 1 && card.departments_at_least <= card.departments_at_most);
    }
    let again = pieces::publish(&whole);
    assert_eq!(again, published, "publishing is byte-stable");
}

#[test]
fn a_bundle_is_planned_from_its_piece_exactly_as_from_the_whole_catalog() {
    let (whole, published, index) = published();
    for scenario in crate::golden::SCENARIOS {
        let partial = with_piece(&published, &index, scenario.bundle);
        let expected = crate::golden::render(&whole, scenario, &crate::golden::plan(&whole, scenario));
        let got = crate::golden::render(&partial, scenario, &crate::golden::plan(&partial, scenario));
        assert_eq!(got, expected, "{} / {}", scenario.bundle, scenario.name);
        assert_eq!(
            pieces::piece_digest(&partial, &BundleId::new(scenario.bundle)),
            pieces::piece_digest(&whole, &BundleId::new(scenario.bundle)),
            "a piece's digest is the same from the piece alone"
        );
    }
    for set in crate::consistency::SETS {
        let partial = with_piece(&published, &index, set.bundle);
        let messages = |catalog: &Catalog| -> Vec<String> {
            let (_, found) = crate::consistency::contradictions(catalog, set);
            found.iter().map(|(field, blocker)| format!("{field}: {}", blocker.message(catalog, Lang::En))).collect()
        };
        assert_eq!(messages(&partial), messages(&whole), "{} / {}", set.bundle, set.name);
    }
}

#[test]
fn a_piece_that_is_not_what_its_card_names_is_refused_by_the_bundles_name() {
    let (_, published, index) = published();
    let (first, second) = (&index.cards[0], &index.cards[1]);
    let piece = |card: &pieces::BundleCard| {
        published
            .pieces
            .iter()
            .find(|(digest, _)| *digest == card.piece)
            .map(|(_, bytes)| bytes.clone())
            .expect("its piece")
    };
    let mut catalog = index.catalog();
    let mut tampered = piece(first);
    let last = tampered.len() - 1;
    tampered[last] ^= 1;
    let error = pieces::absorb(&mut catalog, first, &tampered).expect_err("refused");
    assert_eq!(error, PieceError::Tampered { bundle: first.name.clone() });
    assert!(error.message(Lang::Zh).contains(&first.name.zh), "{}", error.message(Lang::Zh));
    assert!(error.message(Lang::En).contains(&first.name.en));
    assert_eq!(catalog, index.catalog(), "a refused piece changes nothing");
    // Another bundle's genuine piece, offered under this card with its digest, is still refused.
    let swapped = pieces::BundleCard { piece: second.piece.clone(), ..first.clone() };
    let error = pieces::absorb(&mut catalog, &swapped, &piece(second)).expect_err("refused");
    assert_eq!(error, PieceError::Unreadable { bundle: first.name.clone() });
    assert_eq!(pieces::read_index(b"YBI1garbage"), Err(PieceError::IndexUnreadable));
    assert_eq!(pieces::read_index(&published.pieces[0].1), Err(PieceError::IndexUnreadable), "a piece is no index");
    // Absorbed twice, a piece is there once.
    pieces::absorb(&mut catalog, first, &piece(first)).expect("accepted");
    let once = catalog.clone();
    pieces::absorb(&mut catalog, first, &piece(first)).expect("accepted");
    assert_eq!(catalog, once);
    assert_eq!(catalog.bundles.len(), 1);
}

/// Each piece carries only what its bundle reads: none is near the whole catalog's size, and the
/// pieces together are what a first visit no longer downloads.
#[test]
fn each_piece_is_a_fraction_of_the_catalog() {
    let (whole, published, _) = published();
    let compact = yibiao_core::catalog::compact::encode(&whole).len();
    let largest = published.pieces.iter().map(|(_, bytes)| bytes.len()).max().expect("pieces");
    println!("index {} bytes, largest piece {largest} bytes, compact catalog {compact} bytes", published.index.len());
    assert!(largest * 3 < compact, "the largest piece ({largest} bytes) is a third of the catalog ({compact}) or more");
    assert!(published.index.len() * 4 < compact, "the index is a quarter of the catalog or more");
}

#[test]
fn the_text_form_carries_the_index_and_any_pieces_and_is_checked_again_when_read() {
    let (whole, published, index) = published();
    let text = published.encode_text();
    let back = Published::decode_text(&text).expect("reads");
    assert_eq!(back, published);
    let (read, catalog) = back.catalog().expect("every piece is accepted");
    assert_eq!(read, index);
    assert_eq!(catalog.bundles.len(), whole.bundles.len());
    let one = Published { index: published.index.clone(), pieces: vec![published.pieces[3].clone()] };
    let (_, partial) = Published::decode_text(&one.encode_text()).expect("reads").catalog().expect("accepted");
    assert_eq!(partial.bundles.len(), 1);
    let none = Published { index: published.index.clone(), pieces: Vec::new() };
    assert!(Published::decode_text(&none.encode_text())
        .expect("reads")
        .catalog()
        .expect("accepted")
        .1
        .bundles
        .is_empty());
    // A piece changed in the text is refused whole.
    let mut damaged = one.clone();
    damaged.pieces[0].1[10] ^= 0x40;
    let refused = Published::decode_text(&damaged.encode_text()).expect("reads").catalog();
    assert!(refused.is_err());
    assert!(Published::decode_text("not base64!").is_none());
}

/// A draft records its bundle's definition: a new catalog that changes another bundle changes
/// nothing for it, whatever its version says; one that changes its own bundle is reported. A
/// draft from before definitions were recorded compares the version, as it did.
#[test]
fn a_draft_follows_its_bundles_definition_not_the_catalogs_version() {
    use yibiao_core::session::{reduce, Action, Env, State};
    let before = catalog();
    // A field asked by one bundle only, relabelled in the next version.
    let asked_by = |field: &yibiao_core::FieldId| {
        let reads = |bundle: &yibiao_core::catalog::Bundle| {
            bundle
                .items
                .iter()
                .filter_map(|entry| before.items.get(&entry.item))
                .any(|item| item.fields.iter().any(|f| &f.field == field))
        };
        before.bundles.iter().filter(|bundle| reads(bundle)).map(|bundle| bundle.id.clone()).collect::<Vec<_>>()
    };
    let (field, changed) = before
        .fields
        .keys()
        .find_map(|field| match asked_by(field).as_slice() {
            [only] => Some((field.clone(), only.clone())),
            _ => None,
        })
        .expect("a field of one bundle only");
    let unchanged = before.bundles.iter().map(|bundle| bundle.id.clone()).find(|id| *id != changed).expect("another");
    let mut after = before.clone();
    after.version = "2027.01-1".to_owned();
    let relabelled = std::rc::Rc::make_mut(after.fields.get_mut(&field).expect("the field"));
    relabelled.label.zh.push_str("（新）");
    after.definitions = pieces::definitions(&after);
    assert_ne!(after.definitions[&changed], before.definitions[&changed]);
    assert_eq!(after.definitions[&unchanged], before.definitions[&unchanged]);

    let env = Env { catalog: &before, today: crate::shipped::today(), now_ms: 1 };
    let started = |bundle: &BundleId| {
        let state = reduce(&State::default(), Action::StartDraft(bundle.clone()), env).expect("starts");
        (*state.drafts[0]).clone()
    };
    let (mine, other) = (started(&changed), started(&unchanged));
    assert_eq!(mine.definition, before.definitions[&changed], "recorded when started");
    assert!(other.on_catalog(&after), "another bundle changed: nothing to tell");
    assert_eq!(other.catalog_change(&after, crate::shipped::today()), None);
    assert!(!mine.on_catalog(&after));
    let change = mine.catalog_change(&after, crate::shipped::today()).expect("its bundle changed");
    assert_eq!((change.from_version.as_str(), change.to_version.as_str()), (before.version.as_str(), "2027.01-1"));
    assert!(change.fields_renamed.iter().any(|(_, now)| now.zh.ends_with("（新）")), "{change:?}");
    // Recorded by an earlier version: no definition, so the version decides.
    let earlier = yibiao_core::session::Application { definition: String::new(), ..other.clone() };
    assert!(!earlier.on_catalog(&after));
    assert!(earlier.on_catalog(&before));
    // A draft accepting the new catalog records its definition there.
    let state = State { drafts: vec![mine.clone().into()], open: Some(mine.id.clone()), ..State::default() };
    let accepted = reduce(&state, Action::AcceptCatalog, Env { catalog: &after, ..env }).expect("accepted");
    assert_eq!(accepted.drafts[0].definition, after.definitions[&changed]);
    assert!(accepted.drafts[0].on_catalog(&after));
}
