//! What a new catalog version changes for one applicant (目录更新说明). A draft keeps a
//! snapshot of what its plan asked under the catalog it was made with; when the catalog has
//! changed since, the snapshot and the new plan give a plain report, and answers that no longer
//! map to anything asked stay visible instead of vanishing.

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, FieldId, ItemId, MaterialId};
use crate::plan::{Answers, Plan};
use crate::text::Text;

/// What a plan asked, with the words it used, under one catalog version.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Snapshot {
    pub catalog_version: String,
    pub items: Vec<(ItemId, Text)>,
    pub fields: Vec<(FieldId, Text)>,
    pub materials: Vec<(MaterialId, Text)>,
    /// Whether `fields` holds only the fields that were answered (a snapshot read from a
    /// packet, whose document keeps no blank answer): a field asked now that it lacks may have
    /// been asked before too, so it is not told as new.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub answered_only: bool,
}

impl Snapshot {
    /// What `plan` asks now: its items, its questions and fields, its materials.
    pub fn of(catalog: &Catalog, plan: &Plan) -> Snapshot {
        let questions = plan.questions.iter().map(|q| (q.field.id.clone(), q.field.label.clone()));
        let fields = plan.fields().map(|f| (f.field.id.clone(), f.field.label.clone()));
        Snapshot {
            catalog_version: catalog.version.clone(),
            items: plan.items.iter().map(|item| (item.id.clone(), item.name.clone())).collect(),
            fields: questions.chain(fields).collect(),
            materials: plan
                .checklist
                .iter()
                .map(|entry| (entry.material.id.clone(), entry.material.name.clone()))
                .collect(),
            answered_only: false,
        }
    }

    /// Whether this is what `plan` asks under `catalog` already: the same version and the same
    /// items, fields and materials in the same order (under one catalog their words are the
    /// same too). Told without copying a word, so a keystroke that changes none keeps it.
    pub fn is_of(&self, catalog: &Catalog, plan: &Plan) -> bool {
        let questions = plan.questions.iter().map(|question| &question.field.id);
        let fields = questions.chain(plan.fields().map(|planned| &planned.field.id));
        self.catalog_version == catalog.version
            && self.items.iter().map(|(id, _)| id).eq(plan.items.iter().map(|item| &item.id))
            && self.fields.iter().map(|(id, _)| id).eq(fields)
            && self.materials.iter().map(|(id, _)| id).eq(plan.checklist.iter().map(|entry| &entry.material.id))
    }
}

/// What changed for this applicant between the snapshot and the plan under the new catalog.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CatalogChange {
    pub from_version: String,
    pub to_version: String,
    pub items_added: Vec<Text>,
    pub items_removed: Vec<Text>,
    /// A question or field asked under another label: (before, now).
    pub fields_renamed: Vec<(Text, Text)>,
    pub fields_added: Vec<Text>,
    pub materials_added: Vec<Text>,
    pub materials_removed: Vec<Text>,
    /// Answers to questions or fields no longer asked: (the label they had, the answer).
    pub unused_answers: Vec<(Text, String)>,
}

impl CatalogChange {
    /// Whether nothing that the applicant sees changed (only the version number).
    pub fn is_empty(&self) -> bool {
        self.items_added.is_empty()
            && self.items_removed.is_empty()
            && self.fields_renamed.is_empty()
            && self.fields_added.is_empty()
            && self.materials_added.is_empty()
            && self.materials_removed.is_empty()
            && self.unused_answers.is_empty()
    }
}

/// Compares what was asked before with `plan` under `catalog`.
pub fn compare(before: &Snapshot, catalog: &Catalog, plan: &Plan, answers: &Answers) -> CatalogChange {
    let now = Snapshot::of(catalog, plan);
    let added = |old: &[(String, Text)], new: &[(String, Text)]| -> Vec<Text> {
        new.iter().filter(|(id, _)| !old.iter().any(|(o, _)| o == id)).map(|(_, t)| t.clone()).collect()
    };
    let ids = |list: &[(ItemId, Text)]| list.iter().map(|(id, t)| (id.to_string(), t.clone())).collect::<Vec<_>>();
    let field_ids =
        |list: &[(FieldId, Text)]| list.iter().map(|(id, t)| (id.to_string(), t.clone())).collect::<Vec<_>>();
    let material_ids =
        |list: &[(MaterialId, Text)]| list.iter().map(|(id, t)| (id.to_string(), t.clone())).collect::<Vec<_>>();
    let (old_items, new_items) = (ids(&before.items), ids(&now.items));
    let (old_fields, new_fields) = (field_ids(&before.fields), field_ids(&now.fields));
    let (old_materials, new_materials) = (material_ids(&before.materials), material_ids(&now.materials));
    let fields_renamed = before
        .fields
        .iter()
        .filter_map(|(id, old)| {
            let new = now.fields.iter().find(|(n, _)| n == id).map(|(_, t)| t)?;
            (new != old).then(|| (old.clone(), new.clone()))
        })
        .collect();
    let unused_answers = answers
        .iter()
        .filter(|(id, value)| !value.trim().is_empty() && !now.fields.iter().any(|(asked, _)| asked == *id))
        .map(|(id, value)| {
            let label = before
                .fields
                .iter()
                .find(|(old, _)| old == id)
                .map(|(_, t)| t.clone())
                .or_else(|| catalog.field(id).map(|field| field.label.clone()))
                .unwrap_or_else(|| Text::new(id.as_str(), id.as_str()));
            (label, value.clone())
        })
        .collect();
    CatalogChange {
        from_version: before.catalog_version.clone(),
        to_version: now.catalog_version.clone(),
        items_added: added(&old_items, &new_items),
        items_removed: added(&new_items, &old_items),
        fields_renamed,
        fields_added: if before.answered_only { Vec::new() } else { added(&old_fields, &new_fields) },
        materials_added: added(&old_materials, &new_materials),
        materials_removed: added(&new_materials, &old_materials),
        unused_answers,
    }
}

/// What replacing the catalog in use with another changes for everyone at a device (目录替换),
/// for the administrator to confirm first: the versions, and the bundles and items that come
/// and go (in the new catalog's order, then the old one's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub version_before: String,
    pub version_after: String,
    pub bundles_added: Vec<Text>,
    pub bundles_removed: Vec<Text>,
    /// Bundles in both.
    pub bundles_kept: usize,
    pub items_added: Vec<Text>,
    pub items_removed: Vec<Text>,
}

impl Replacement {
    pub fn between(in_use: &Catalog, new: &Catalog) -> Replacement {
        let has_bundle = |catalog: &Catalog, id| catalog.bundles.iter().any(|bundle| &bundle.id == id);
        let bundles_added = new.bundles.iter().filter(|b| !has_bundle(in_use, &b.id)).map(|b| b.name.clone()).collect();
        let bundles_removed =
            in_use.bundles.iter().filter(|b| !has_bundle(new, &b.id)).map(|b| b.name.clone()).collect();
        let bundles_kept = new.bundles.iter().filter(|b| has_bundle(in_use, &b.id)).count();
        let items_added =
            new.items.values().filter(|i| !in_use.items.contains_key(&i.id)).map(|i| i.name.clone()).collect();
        let items_removed =
            in_use.items.values().filter(|i| !new.items.contains_key(&i.id)).map(|i| i.name.clone()).collect();
        Replacement {
            version_before: in_use.version.clone(),
            version_after: new.version.clone(),
            bundles_added,
            bundles_removed,
            bundles_kept,
            items_added,
            items_removed,
        }
    }
}

#[cfg(test)]
mod replacement_tests {
    use super::*;

    #[test]
    fn a_replacement_names_the_bundles_and_items_that_come_and_go() {
        let in_use = crate::demo::demo_catalog();
        let mut new = in_use.clone();
        new.version = "next".to_owned();
        let removed = new.bundles.remove(0);
        let same = Replacement::between(&in_use, &in_use);
        assert_eq!((same.bundles_added.len(), same.bundles_removed.len(), same.items_added.len()), (0, 0, 0));
        assert_eq!(same.bundles_kept, in_use.bundles.len());
        let change = Replacement::between(&in_use, &new);
        assert_eq!((change.version_before.as_str(), change.version_after.as_str()), (in_use.version.as_str(), "next"));
        assert_eq!(change.bundles_removed, vec![removed.name.clone()]);
        assert_eq!(change.bundles_kept, in_use.bundles.len() - 1);
        let back = Replacement::between(&new, &in_use);
        assert_eq!(back.bundles_added, vec![removed.name]);
    }
}
