//! What another answer would change (如果…会怎样): the difference between two plans, and for
//! each possible answer to a situation question, what it would bring in or take out.

use super::{Answers, Plan, PlanError};
use crate::catalog::{BundleId, Catalog, FieldId, FieldKind, ItemId, MaterialId};
use crate::date::Date;
use crate::validate::{NO, YES};

impl Plan {
    /// What changes from this plan to `other` (for "what if I answered differently?").
    pub fn compare(&self, other: &Plan) -> PlanChange {
        fn diff<T: PartialEq + Clone>(before: &[T], after: &[T]) -> (Vec<T>, Vec<T>) {
            let added = after.iter().filter(|x| !before.contains(x)).cloned().collect();
            let removed = before.iter().filter(|x| !after.contains(x)).cloned().collect();
            (added, removed)
        }
        let items = |plan: &Plan| plan.items.iter().map(|item| item.id.clone()).collect::<Vec<_>>();
        let fields = |plan: &Plan| {
            plan.questions
                .iter()
                .map(|q| q.field.id.clone())
                .chain(plan.fields().map(|f| f.field.id.clone()))
                .collect::<Vec<_>>()
        };
        let materials = |plan: &Plan| plan.checklist.iter().map(|entry| entry.material.id.clone()).collect::<Vec<_>>();
        let (items_added, items_removed) = diff(&items(self), &items(other));
        let (fields_added, fields_removed) = diff(&fields(self), &fields(other));
        let (materials_added, materials_removed) = diff(&materials(self), &materials(other));
        PlanChange { items_added, items_removed, fields_added, fields_removed, materials_added, materials_removed }
    }
}

/// The difference between two plans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanChange {
    pub items_added: Vec<ItemId>,
    pub items_removed: Vec<ItemId>,
    pub fields_added: Vec<FieldId>,
    pub fields_removed: Vec<FieldId>,
    pub materials_added: Vec<MaterialId>,
    pub materials_removed: Vec<MaterialId>,
}

impl PlanChange {
    pub fn is_empty(&self) -> bool {
        *self == PlanChange::default()
    }
}

/// What each possible answer to a situation question would change (for "what if").
pub fn alternatives(
    catalog: &Catalog,
    bundle: &BundleId,
    answers: &Answers,
    question: &FieldId,
    today: Date,
) -> Result<Vec<(String, PlanChange)>, PlanError> {
    let current = Plan::new(catalog, bundle, answers, today)?;
    let Some(field) = catalog.field(question) else {
        return Ok(Vec::new());
    };
    let values: Vec<String> = match field.kind {
        FieldKind::YesNo => vec![YES.to_owned(), NO.to_owned()],
        _ => field.options.iter().map(|option| option.value.clone()).collect(),
    };
    let mut result = Vec::new();
    for value in values {
        if answers.get(question) == Some(&value) {
            continue;
        }
        let mut changed = answers.clone();
        changed.insert(question.clone(), value.clone());
        let other = Plan::new(catalog, bundle, &changed, today)?;
        result.push((value, current.compare(&other)));
    }
    Ok(result)
}
