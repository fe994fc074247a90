//! Finding a bundle on the home page (搜索): by its Chinese name, by full pinyin (`canyin`), by
//! pinyin initials (`qykb`), by its English name, or by the everyday words its catalog entry
//! lists (`餐厅`, `上户口`); tolerant of spaces and case.

use crate::catalog::pieces::{BundleCard, Index};

/// The query as compared: without spaces, full-width letters and digits (typed with a Chinese
/// input method) as plain ones, in lower case.
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            other => other,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether `bundle` answers `query`. An empty query matches everything.
pub fn matches(bundle: &BundleCard, query: &str) -> bool {
    let query = normalise(query);
    if query.is_empty() {
        return true;
    }
    let full: String = bundle.pinyin.concat();
    let initials: String = bundle.pinyin.iter().filter_map(|syllable| syllable.chars().next()).collect();
    // A search word is found inside a longer query too: "我想开饭店" finds 饭店.
    let words = bundle.search_words.iter().map(|word| normalise(word));
    [normalise(&bundle.name.zh), normalise(&bundle.name.en), full, initials]
        .iter()
        .any(|candidate| candidate.contains(&query))
        || words.into_iter().any(|word| word.contains(&query) || query.contains(&word))
}

/// The bundles of the catalog's `index` that answer `query`, in catalog order: the home page
/// searches before any bundle is loaded.
pub fn search<'a>(index: &'a Index, query: &str) -> Vec<&'a BundleCard> {
    index.cards.iter().filter(|bundle| matches(bundle, query)).collect()
}
