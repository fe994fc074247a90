//! The plan (办理方案) for one bundle: its items, the combined form (一表) with each field once,
//! and the one-time checklist (一次性告知) with each material once.

use std::collections::BTreeMap;
use std::fmt;

use crate::catalog::{BundleId, Catalog, Field, FieldId, Item, ItemId, Material, MaterialId};
use crate::text::{Lang, Text};

/// An item that applies, as the applicant sees it in the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedItem {
    pub id: ItemId,
    pub name: Text,
    pub department: Text,
    pub legal_days: u16,
    pub promised_days: u16,
}

/// A field of the combined form with where it comes from (字段来源).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedField {
    pub field: Field,
    /// The items whose forms ask for it, in bundle order.
    pub asked_by: Vec<ItemId>,
}

/// A part of the combined form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormSection {
    pub id: String,
    pub title: Text,
    pub fields: Vec<PlannedField>,
}

/// One line of the checklist: a material once, however many items need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistEntry {
    pub material: Material,
    /// The largest number of originals any item asks for.
    pub originals: u8,
    /// The largest number of copies any item asks for.
    pub copies: u8,
    pub needed_by: Vec<ItemId>,
}

/// What the combined form saves, counted from the catalog (never claimed by hand).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Savings {
    /// The sum of the fields of every departmental form.
    pub fields_separate: usize,
    /// The fields of the combined form.
    pub fields_combined: usize,
    /// The sum of the materials of every item.
    pub materials_separate: usize,
    /// The lines of the checklist.
    pub materials_combined: usize,
}

impl Savings {
    /// The share of fields no longer asked, in whole percent.
    pub fn fields_saved_percent(&self) -> usize {
        percent_saved(self.fields_separate, self.fields_combined)
    }

    /// The share of materials no longer asked, in whole percent.
    pub fn materials_saved_percent(&self) -> usize {
        percent_saved(self.materials_separate, self.materials_combined)
    }
}

fn percent_saved(separate: usize, combined: usize) -> usize {
    if separate == 0 {
        return 0;
    }
    (separate.saturating_sub(combined) * 100 + separate / 2) / separate
}

/// The whole plan for one bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub bundle: BundleId,
    pub items: Vec<PlannedItem>,
    pub sections: Vec<FormSection>,
    pub checklist: Vec<ChecklistEntry>,
    pub savings: Savings,
}

/// Why no plan could be made: the catalog refers to something it does not define.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PlanError {
    /// Occurs when no bundle has the id.
    UnknownBundle(BundleId),
    /// Occurs when a bundle lists an item the catalog does not define.
    UnknownItem { bundle: BundleId, item: ItemId },
    /// Occurs when an item lists a field the catalog does not define.
    UnknownField { item: ItemId, field: FieldId },
    /// Occurs when an item lists a material the catalog does not define.
    UnknownMaterial { item: ItemId, material: MaterialId },
}

impl PlanError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PlanError::UnknownBundle(id), Lang::Zh) => format!("目录中没有编号为“{id}”的一件事"),
            (PlanError::UnknownBundle(id), Lang::En) => format!("The catalog has no bundle “{id}”"),
            (PlanError::UnknownItem { bundle, item }, Lang::Zh) => {
                format!("一件事“{bundle}”引用了目录中不存在的事项“{item}”")
            }
            (PlanError::UnknownItem { bundle, item }, Lang::En) => {
                format!("Bundle “{bundle}” lists item “{item}”, which the catalog does not define")
            }
            (PlanError::UnknownField { item, field }, Lang::Zh) => {
                format!("事项“{item}”引用了目录中不存在的字段“{field}”")
            }
            (PlanError::UnknownField { item, field }, Lang::En) => {
                format!("Item “{item}” asks for field “{field}”, which the catalog does not define")
            }
            (PlanError::UnknownMaterial { item, material }, Lang::Zh) => {
                format!("事项“{item}”引用了目录中不存在的材料“{material}”")
            }
            (PlanError::UnknownMaterial { item, material }, Lang::En) => {
                format!(
                    "Item “{item}” needs material “{material}”, which the catalog does not define"
                )
            }
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PlanError {}

impl Plan {
    /// Plans `bundle` from `catalog`: merges the items' forms and materials in bundle order.
    pub fn for_bundle(catalog: &Catalog, bundle: &BundleId) -> Result<Plan, PlanError> {
        let bundle_entry = catalog
            .bundle(bundle)
            .ok_or_else(|| PlanError::UnknownBundle(bundle.clone()))?;
        let items: Vec<&Item> = bundle_entry
            .items
            .iter()
            .map(|id| {
                catalog.items.get(id).ok_or_else(|| PlanError::UnknownItem {
                    bundle: bundle.clone(),
                    item: id.clone(),
                })
            })
            .collect::<Result<_, _>>()?;

        // Fields in order of first appearance, each once, remembering who asks.
        let mut field_order: Vec<&Field> = Vec::new();
        let mut asked_by: BTreeMap<&FieldId, Vec<ItemId>> = BTreeMap::new();
        let mut checklist: Vec<ChecklistEntry> = Vec::new();
        let mut fields_separate = 0;
        let mut materials_separate = 0;
        for item in &items {
            for field_id in &item.fields {
                let field = catalog
                    .field(field_id)
                    .ok_or_else(|| PlanError::UnknownField {
                        item: item.id.clone(),
                        field: field_id.clone(),
                    })?;
                fields_separate += 1;
                let askers = asked_by.entry(&field.id).or_default();
                if askers.is_empty() {
                    field_order.push(field);
                }
                if !askers.contains(&item.id) {
                    askers.push(item.id.clone());
                }
            }
            for need in &item.materials {
                let material = catalog.materials.get(&need.material).ok_or_else(|| {
                    PlanError::UnknownMaterial {
                        item: item.id.clone(),
                        material: need.material.clone(),
                    }
                })?;
                materials_separate += 1;
                match checklist
                    .iter_mut()
                    .find(|entry| entry.material.id == material.id)
                {
                    Some(entry) => {
                        entry.originals = entry.originals.max(need.originals);
                        entry.copies = entry.copies.max(need.copies);
                        if !entry.needed_by.contains(&item.id) {
                            entry.needed_by.push(item.id.clone());
                        }
                    }
                    None => checklist.push(ChecklistEntry {
                        material: material.clone(),
                        originals: need.originals,
                        copies: need.copies,
                        needed_by: vec![item.id.clone()],
                    }),
                }
            }
        }

        let sections = group_into_sections(catalog, &field_order, &asked_by);
        let savings = Savings {
            fields_separate,
            fields_combined: field_order.len(),
            materials_separate,
            materials_combined: checklist.len(),
        };
        let items = items
            .into_iter()
            .map(|item| PlannedItem {
                id: item.id.clone(),
                name: item.name.clone(),
                department: item.department.clone(),
                legal_days: item.legal_days,
                promised_days: item.promised_days,
            })
            .collect();
        Ok(Plan {
            bundle: bundle.clone(),
            items,
            sections,
            checklist,
            savings,
        })
    }

    /// Every field of the combined form, in form order.
    pub fn fields(&self) -> impl Iterator<Item = &PlannedField> {
        self.sections
            .iter()
            .flat_map(|section| section.fields.iter())
    }

    pub fn item(&self, id: &ItemId) -> Option<&PlannedItem> {
        self.items.iter().find(|item| &item.id == id)
    }

    /// The departments that ask for a field, for "used by" hints.
    pub fn departments_of(&self, field: &PlannedField) -> Vec<&Text> {
        field
            .asked_by
            .iter()
            .filter_map(|id| self.item(id))
            .map(|item| &item.department)
            .collect()
    }

    /// The longest promised time of the items, in working days: they run in parallel.
    pub fn promised_days(&self) -> u16 {
        self.items
            .iter()
            .map(|item| item.promised_days)
            .max()
            .unwrap_or(0)
    }
}

/// Groups fields by section: declared sections first, in catalog order, then any others.
fn group_into_sections(
    catalog: &Catalog,
    field_order: &[&Field],
    asked_by: &BTreeMap<&FieldId, Vec<ItemId>>,
) -> Vec<FormSection> {
    let mut sections: Vec<FormSection> = catalog
        .sections
        .iter()
        .map(|section| FormSection {
            id: section.id.clone(),
            title: section.title.clone(),
            fields: Vec::new(),
        })
        .collect();
    for field in field_order {
        let planned = PlannedField {
            field: (*field).clone(),
            asked_by: asked_by[&field.id].clone(),
        };
        match sections
            .iter_mut()
            .find(|section| section.id == field.section())
        {
            Some(section) => section.fields.push(planned),
            None => sections.push(FormSection {
                id: field.section().to_owned(),
                title: Text::new(field.section(), field.section()),
                fields: vec![planned],
            }),
        }
    }
    sections.retain(|section| !section.fields.is_empty());
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{demo_catalog, ENTERPRISE_OPENING};

    fn demo_plan() -> Plan {
        Plan::for_bundle(&demo_catalog(), &BundleId::new(ENTERPRISE_OPENING)).expect("demo plans")
    }

    fn field_ids(plan: &Plan) -> Vec<&str> {
        plan.fields()
            .map(|planned| planned.field.id.as_str())
            .collect()
    }

    #[test]
    fn merges_the_forms_asking_each_field_once_grouped_by_section() {
        let plan = demo_plan();
        assert_eq!(
            field_ids(&plan),
            [
                "applicant.name",
                "applicant.id_number",
                "applicant.mobile",
                "enterprise.name",
                "enterprise.address",
                "finance.contact_name"
            ]
        );
        let sections: Vec<&str> = plan
            .sections
            .iter()
            .map(|section| section.id.as_str())
            .collect();
        assert_eq!(sections, ["applicant", "enterprise", "finance"]);
        let name = plan
            .fields()
            .find(|f| f.field.id.as_str() == "enterprise.name")
            .expect("present");
        assert_eq!(
            name.asked_by,
            [
                ItemId::new("company_registration"),
                ItemId::new("new_taxpayer")
            ]
        );
        let departments: Vec<&str> = plan
            .departments_of(name)
            .iter()
            .map(|text| text.zh.as_str())
            .collect();
        assert_eq!(departments, ["市场监督管理局", "税务局"]);
    }

    #[test]
    fn merges_materials_taking_the_largest_counts() {
        let plan = demo_plan();
        let lines: Vec<(&str, u8, u8, usize)> = plan
            .checklist
            .iter()
            .map(|entry| {
                (
                    entry.material.id.as_str(),
                    entry.originals,
                    entry.copies,
                    entry.needed_by.len(),
                )
            })
            .collect();
        assert_eq!(
            lines,
            [
                ("id_card", 1, 2, 2),
                ("articles_of_association", 1, 0, 1),
                ("premises_proof", 0, 1, 1)
            ]
        );
    }

    #[test]
    fn counts_the_savings() {
        let savings = demo_plan().savings;
        assert_eq!(
            savings,
            Savings {
                fields_separate: 10,
                fields_combined: 6,
                materials_separate: 4,
                materials_combined: 3
            }
        );
        assert_eq!(savings.fields_saved_percent(), 40);
        assert_eq!(savings.materials_saved_percent(), 25);
        assert_eq!(percent_saved(0, 0), 0);
        assert_eq!(percent_saved(3, 2), 33);
    }

    #[test]
    fn reports_dangling_references_instead_of_panicking() {
        let mut catalog = demo_catalog();
        let bundle = BundleId::new(ENTERPRISE_OPENING);
        assert_eq!(
            Plan::for_bundle(&catalog, &BundleId::new("nope")),
            Err(PlanError::UnknownBundle(BundleId::new("nope")))
        );
        if let Some(item) = catalog.items.get_mut(&ItemId::new("new_taxpayer")) {
            item.fields.push(FieldId::new("ghost.field"));
        }
        let error = Plan::for_bundle(&catalog, &bundle).expect_err("dangling field");
        assert!(error.message(Lang::Zh).contains("ghost.field"), "{error}");
        catalog.bundles[0].items.push(ItemId::new("ghost_item"));
        catalog.items.remove(&ItemId::new("new_taxpayer"));
        assert!(matches!(
            Plan::for_bundle(&catalog, &bundle),
            Err(PlanError::UnknownItem { .. })
        ));
    }
}
