//! The sorted vector against the standard B-tree, the reference: after any sequence of
//! operations the same entries in the same order, the same answers on the way, and the same
//! bytes when serialised (JSON and postcard).

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::*;

#[derive(Debug, Clone)]
enum Op {
    Insert(u8, u16),
    Remove(u8),
    OrInsert(u8, u16),
    OrDefaultAdd(u8),
    Retain(u8),
    GetMut(u8),
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    let key = 0u8..40;
    proptest::collection::vec(
        prop_oneof![
            4 => (key.clone(), any::<u16>()).prop_map(|(k, v)| Op::Insert(k, v)),
            2 => key.clone().prop_map(Op::Remove),
            1 => (key.clone(), any::<u16>()).prop_map(|(k, v)| Op::OrInsert(k, v)),
            1 => key.clone().prop_map(Op::OrDefaultAdd),
            1 => (1u8..5).prop_map(Op::Retain),
            1 => key.prop_map(Op::GetMut),
        ],
        0..120,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn a_sorted_map_does_what_a_btree_map_does(ops in ops()) {
        let (mut ours, mut theirs) = (SortedMap::new(), BTreeMap::new());
        for op in ops {
            match op {
                Op::Insert(k, v) => prop_assert_eq!(ours.insert(k, v), theirs.insert(k, v)),
                Op::Remove(k) => prop_assert_eq!(ours.remove(&k), theirs.remove(&k)),
                Op::OrInsert(k, v) => prop_assert_eq!(*ours.entry(k).or_insert(v), *theirs.entry(k).or_insert(v)),
                Op::OrDefaultAdd(k) => {
                    let (a, b): (&mut u16, &mut u16) = (ours.entry(k).or_default(), theirs.entry(k).or_default());
                    (*a, *b) = (a.wrapping_add(1), b.wrapping_add(1));
                }
                Op::Retain(m) => {
                    ours.retain(|k, v| u16::from(*k).wrapping_add(*v) % u16::from(m) != 0);
                    theirs.retain(|k, v| u16::from(*k).wrapping_add(*v) % u16::from(m) != 0);
                }
                Op::GetMut(k) => {
                    if let Some(v) = ours.get_mut(&k) { *v = v.wrapping_add(7) }
                    if let Some(v) = theirs.get_mut(&k) { *v = v.wrapping_add(7) }
                }
            }
            prop_assert_eq!(ours.len(), theirs.len());
        }
        prop_assert_eq!(ours.iter().collect::<Vec<_>>(), theirs.iter().collect::<Vec<_>>());
        for k in 0u8..40 {
            prop_assert_eq!(ours.get(&k), theirs.get(&k));
            prop_assert_eq!(ours.contains_key(&k), theirs.contains_key(&k));
        }
        prop_assert_eq!(ours.last_key_value(), theirs.last_key_value());
        prop_assert_eq!(serde_json::to_string(&ours).ok(), serde_json::to_string(&theirs).ok());
        prop_assert_eq!(postcard::to_allocvec(&ours).ok(), postcard::to_allocvec(&theirs).ok());
        let back: SortedMap<u8, u16> = serde_json::from_str(&serde_json::to_string(&theirs).unwrap_or_default()).unwrap_or_default();
        prop_assert_eq!(back, ours.clone());
        let collected: SortedMap<u8, u16> = theirs.iter().rev().map(|(k, v)| (*k, *v)).collect();
        prop_assert_eq!(collected, ours);
    }

    #[test]
    fn a_sorted_set_does_what_a_btree_set_does(inserted in proptest::collection::vec(0u8..30, 0..60), removed in proptest::collection::vec(0u8..30, 0..20)) {
        let (mut ours, mut theirs) = (SortedSet::new(), BTreeSet::new());
        for e in &inserted {
            prop_assert_eq!(ours.insert(*e), theirs.insert(*e));
        }
        let other: SortedSet<u8> = removed.iter().copied().collect();
        let other_theirs: BTreeSet<u8> = removed.iter().copied().collect();
        prop_assert_eq!(ours.difference(&other).collect::<Vec<_>>(), theirs.difference(&other_theirs).collect::<Vec<_>>());
        for e in &removed {
            prop_assert_eq!(ours.remove(e), theirs.remove(e));
        }
        prop_assert_eq!(ours.iter().collect::<Vec<_>>(), theirs.iter().collect::<Vec<_>>());
        prop_assert_eq!(serde_json::to_string(&ours).ok(), serde_json::to_string(&theirs).ok());
        prop_assert_eq!(postcard::to_allocvec(&ours).ok(), postcard::to_allocvec(&theirs).ok());
    }
}

#[test]
fn a_later_value_for_a_key_wins_when_read_as_serde_reads_a_btree_map() {
    let text = r#"{"a":1,"b":2,"a":3}"#;
    let ours: SortedMap<String, u8> = serde_json::from_str(text).expect("reads");
    let theirs: BTreeMap<String, u8> = serde_json::from_str(text).expect("reads");
    assert_eq!(ours.iter().collect::<Vec<_>>(), theirs.iter().collect::<Vec<_>>());
    assert_eq!(ours.get("a"), Some(&3), "looked up by a borrowed key");
}
