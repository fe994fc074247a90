//! Walks over sorted maps (the answers, the parsed answers): what differs between two, in one
//! pass over both.

use crate::sorted_map::SortedMap;

/// Sorts a short list in place, stably, by `key` (a home page's drafts): insertion sort, a few
/// instructions where the standard library's sort brings kilobytes into the first load for each
/// type it sorts.
pub fn insertion_sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 && key(&items[at - 1]) > key(&items[at]) {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// The keys whose values differ between two maps (present in one only, or unequal), in order:
/// one walk over both, without looking any key up: a keystroke changes one answer among
/// hundreds, and what changed is found in one pass.
pub fn differing_keys<'a, K: Ord, V: PartialEq>(ours: &'a SortedMap<K, V>, theirs: &'a SortedMap<K, V>) -> Vec<&'a K> {
    let (mut ours, mut theirs) = (ours.iter().peekable(), theirs.iter().peekable());
    let mut found = Vec::new();
    loop {
        match (ours.peek(), theirs.peek()) {
            (None, None) => return found,
            (Some((key, _)), None) => {
                found.push(*key);
                ours.next();
            }
            (None, Some((key, _))) => {
                found.push(*key);
                theirs.next();
            }
            (Some((a, value_a)), Some((b, value_b))) => match a.cmp(b) {
                std::cmp::Ordering::Less => {
                    found.push(*a);
                    ours.next();
                }
                std::cmp::Ordering::Greater => {
                    found.push(*b);
                    theirs.next();
                }
                std::cmp::Ordering::Equal => {
                    if value_a != value_b {
                        found.push(*a);
                    }
                    ours.next();
                    theirs.next();
                }
            },
        }
    }
}

/// How many items two sorted runs without repeats have in common, in one walk over both.
pub fn common<'a, K: Ord + 'a>(ours: impl Iterator<Item = &'a K>, theirs: impl Iterator<Item = &'a K>) -> usize {
    let (mut ours, mut theirs) = (ours.peekable(), theirs.peekable());
    let mut found = 0;
    while let (Some(a), Some(b)) = (ours.peek(), theirs.peek()) {
        match a.cmp(b) {
            std::cmp::Ordering::Less => drop(ours.next()),
            std::cmp::Ordering::Greater => drop(theirs.next()),
            std::cmp::Ordering::Equal => {
                found += 1;
                ours.next();
                theirs.next();
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The one walk finds what looking up every key of both maps finds.
        #[test]
        fn one_walk_finds_what_looking_up_every_key_finds(
            ours in proptest::collection::btree_map(0u8..40, 0u8..3, 0..30).prop_map(|each| each.into_iter().collect::<crate::sorted_map::SortedMap<u8, u8>>()),
            theirs in proptest::collection::btree_map(0u8..40, 0u8..3, 0..30).prop_map(|each| each.into_iter().collect::<crate::sorted_map::SortedMap<u8, u8>>()),
        ) {
            let mut expected: Vec<&u8> =
                ours.keys().chain(theirs.keys()).filter(|key| ours.get(*key) != theirs.get(*key)).collect();
            expected.sort();
            expected.dedup();
            prop_assert_eq!(super::differing_keys(&ours, &theirs), expected);
            let common = ours.keys().filter(|key| theirs.contains_key(*key)).count();
            prop_assert_eq!(super::common(ours.keys(), theirs.keys()), common);
        }

        /// The small sort orders as the standard library's stable sort does, ties included.
        #[test]
        fn insertion_sort_is_the_stable_sort(items in proptest::collection::vec((0u8..5, 0u8..255), 0..40)) {
            let mut ours = items.clone();
            super::insertion_sort_by_key(&mut ours, |item| item.0);
            let mut expected = items;
            expected.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, expected);
        }
    }
}
