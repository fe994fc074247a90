//! What a bundle involves before any answer (一件事概况), for its card on the home page.

use crate::catalog::{BundleId, Catalog, Item};

/// What a bundle involves before any answer, for its card on the home page: how many
/// departments at least (the items always needed) and at most (every item), and the longest
/// promised time of any item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundleFacts {
    pub departments_at_least: usize,
    pub departments_at_most: usize,
    pub promised_days_at_most: u16,
}

/// The facts of `bundle`; `None` for an unknown bundle.
pub fn bundle_facts(catalog: &Catalog, bundle: &BundleId) -> Option<BundleFacts> {
    let bundle = catalog.bundle(bundle)?;
    let items: Vec<(&Item, bool)> = bundle
        .items
        .iter()
        .filter_map(|entry| catalog.items.get(&entry.item).map(|item| (item, entry.condition.is_none())))
        .collect();
    let departments = |always_only: bool| {
        let departments =
            items.iter().filter(|(_, always)| *always || !always_only).map(|(item, _)| &item.department.zh);
        super::count_distinct(departments)
    };
    Some(BundleFacts {
        departments_at_least: departments(true),
        departments_at_most: departments(false),
        promised_days_at_most: items.iter().map(|(item, _)| item.promised_days).max().unwrap_or(0),
    })
}
