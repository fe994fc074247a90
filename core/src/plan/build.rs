//! Building the plan for one set of answers (方案生成): the questions asked, the items whose
//! conditions hold, the combined form with each field once, and the checklist with each
//! material once under the strictest rules of the items that need it.

use super::answers::{truth_of, waiting_for};
use super::typed::TypedAnswers;
use super::{
    Answers, ChecklistEntry, FormSection, Pending, PendingKind, Plan, PlanError, PlannedField, PlannedItem,
    PlannedQuestion, Reason, Savings,
};
use crate::catalog::{BundleId, Catalog, Condition, FieldId, Item, MaterialId, MaterialRules, Waiver};
use crate::cond::Truth;
use crate::text::Text;

impl Plan {
    /// The plan for `answers`, where the fields in `never` cannot be asked: a condition left
    /// waiting only for them is false.
    pub(super) fn with_answers(
        catalog: &Catalog,
        bundle: &BundleId,
        typed: &TypedAnswers<'_>,
        answers: &Answers,
        never: &[FieldId],
    ) -> Result<Plan, PlanError> {
        let bundle_entry = catalog.bundle(bundle).ok_or_else(|| PlanError::UnknownBundle(bundle.clone()))?;
        let truth = |condition: Option<&Condition>| truth_of(condition, typed, answers, never);
        let mut pending = Vec::new();

        // Situation questions: asked once their own condition holds.
        let mut questions = Vec::new();
        for question in &bundle_entry.questions {
            let field = catalog
                .field(question)
                .ok_or_else(|| PlanError::UnknownQuestion { bundle: bundle.clone(), field: question.clone() })?;
            match truth(field.condition.as_ref()) {
                Truth::True => questions.push(PlannedQuestion {
                    field: field.clone(),
                    answered: answers.get(question).is_some_and(|value| !crate::validate::is_blank_answer(value)),
                    reason: field.condition.as_ref().map_or_else(Reason::always, |c| Reason::of(c, answers)),
                }),
                Truth::Unknown => pending.push(Pending {
                    kind: PendingKind::Field(question.clone()),
                    waiting_for: waiting_for(field.condition.as_ref(), typed, answers, never),
                }),
                Truth::False => {}
            }
        }

        // Items whose condition holds, in bundle order.
        let mut items: Vec<(&Item, Reason)> = Vec::new();
        for entry in &bundle_entry.items {
            let item = catalog
                .items
                .get(&entry.item)
                .ok_or_else(|| PlanError::UnknownItem { bundle: bundle.clone(), item: entry.item.clone() })?;
            match truth(entry.condition.as_ref()) {
                Truth::True => {
                    let reason = entry.condition.as_ref().map_or_else(Reason::always, |c| Reason::of(c, answers));
                    items.push((item, reason));
                }
                Truth::Unknown => pending.push(Pending {
                    kind: PendingKind::Item(item.id.clone()),
                    waiting_for: waiting_for(entry.condition.as_ref(), typed, answers, never),
                }),
                Truth::False => {}
            }
        }

        // Fields once each, in order of first appearance; situation questions are not asked again.
        let mut form: Vec<PlannedField> = Vec::new();
        let mut checklist: Vec<ChecklistEntry> = Vec::new();
        // Where each field and material is in them, sorted by id, so that a bundle of hundreds
        // of fields is merged without comparing each with every other.
        let mut in_form: Vec<(&FieldId, usize)> = Vec::new();
        let mut in_checklist: Vec<(&MaterialId, usize)> = Vec::new();
        let (mut fields_separate, mut materials_separate) = (0, 0);
        // What an item asks and needs is there because the item is: its reason goes with them,
        // after their own (the more telling one, named first).
        for (item, item_reason) in &items {
            for item_field in &item.fields {
                let field = catalog.field(&item_field.field).ok_or_else(|| PlanError::UnknownField {
                    item: item.id.clone(),
                    field: item_field.field.clone(),
                })?;
                match truth(field.condition.as_ref()) {
                    Truth::False => continue,
                    Truth::Unknown => {
                        let kind = PendingKind::Field(field.id.clone());
                        if !pending.iter().any(|p| p.kind == kind) {
                            let waiting = waiting_for(field.condition.as_ref(), typed, answers, never);
                            pending.push(Pending { kind, waiting_for: waiting });
                        }
                        continue;
                    }
                    Truth::True => {}
                }
                fields_separate += 1;
                if bundle_entry.questions.contains(&field.id) {
                    continue;
                }
                let own = field.condition.as_ref().map_or_else(Reason::always, |c| Reason::of(c, answers));
                let reason = own.and(item_reason);
                let at = position(&mut in_form, &field.id, form.len());
                let planned = match form.get_mut(at) {
                    Some(planned) => {
                        // Asked by an item that is always there, it is always asked.
                        if reason.condition.is_none() {
                            planned.reason = reason;
                        }
                        planned
                    }
                    None => {
                        form.push(PlannedField {
                            field: field.clone(),
                            asked_by: Vec::new(),
                            form_labels: Vec::new(),
                            required: field.required,
                            reason,
                        });
                        form.last_mut().expect("just pushed")
                    }
                };
                if !planned.asked_by.contains(&item.id) {
                    planned.asked_by.push(item.id.clone());
                }
                if let Some(label) = item_field.form_label.as_ref().filter(|label| ***label != field.label) {
                    planned.form_labels.push((item.id.clone(), std::rc::Rc::clone(label)));
                }
            }
            for need in &item.materials {
                let material = catalog.materials.get(&need.material).ok_or_else(|| PlanError::UnknownMaterial {
                    item: item.id.clone(),
                    material: need.material.clone(),
                })?;
                match truth(need.condition.as_ref()) {
                    Truth::False => continue,
                    Truth::Unknown => {
                        let kind = PendingKind::Material(material.id.clone());
                        if !pending.iter().any(|p| p.kind == kind) {
                            let waiting = waiting_for(need.condition.as_ref(), typed, answers, never);
                            pending.push(Pending { kind, waiting_for: waiting });
                        }
                        continue;
                    }
                    Truth::True => {}
                }
                materials_separate += 1;
                let own = need.condition.as_ref().map_or_else(Reason::always, |c| Reason::of(c, answers));
                let reason = own.and(item_reason);
                let at = position(&mut in_checklist, &material.id, checklist.len());
                match checklist.get_mut(at) {
                    Some(entry) => {
                        entry.originals = entry.originals.max(need.originals);
                        entry.copies = entry.copies.max(need.copies);
                        entry.rules = strictest(&entry.rules, &need.rules);
                        if !entry.needed_by.contains(&item.id) {
                            entry.needed_by.push(item.id.clone());
                            entry.reasons.push((item.id.clone(), reason));
                        }
                    }
                    None => {
                        let mut rules = need.rules.clone();
                        if rules.key {
                            rules.waiver = None;
                        }
                        checklist.push(ChecklistEntry {
                            material: material.clone(),
                            originals: need.originals,
                            copies: need.copies,
                            needed_by: vec![item.id.clone()],
                            rules,
                            reasons: vec![(item.id.clone(), reason)],
                        });
                    }
                }
            }
        }
        // Something pending is no longer pending once it is in the plan through another item.
        pending.retain(|p| match &p.kind {
            PendingKind::Material(id) => in_checklist.binary_search_by_key(&id, |(id, _)| *id).is_err(),
            PendingKind::Field(id) => in_form.binary_search_by_key(&id, |(id, _)| *id).is_err(),
            PendingKind::Item(_) => true,
        });

        let savings = Savings {
            fields_separate,
            fields_combined: form.len() + questions.len(),
            materials_separate,
            materials_combined: checklist.len(),
        };
        let sections = group_into_sections(catalog, form);
        let items = items
            .into_iter()
            .map(|(item, reason)| PlannedItem {
                id: item.id.clone(),
                name: item.name.clone(),
                department: item.department.clone(),
                legal_days: item.legal_days,
                promised_days: item.promised_days,
                reason,
            })
            .collect();
        Ok(Plan { bundle: bundle.clone(), questions, items, sections, checklist, pending, savings })
    }
}

/// Where `id` is in a list indexed by `index` (sorted by id), or `next` once noted there.
fn position<'a, Id: Ord>(index: &mut Vec<(&'a Id, usize)>, id: &'a Id, next: usize) -> usize {
    match index.binary_search_by_key(&id, |(id, _)| *id) {
        Ok(found) => index.get(found).map_or(next, |(_, at)| *at),
        Err(place) => {
            index.insert(place, (id, next));
            next
        }
    }
}

/// The strictest combination of two items' rules for the same material.
fn strictest(a: &MaterialRules, b: &MaterialRules) -> MaterialRules {
    let key = a.key || b.key;
    let waiver = match (&a.waiver, &b.waiver) {
        (Some(first), Some(second)) if !key => Some(Waiver {
            mode: first.mode.min(second.mode),
            days: first.days.min(second.days),
            commitment: first.commitment.clone(),
        }),
        _ => None,
    };
    let both = |x: &Option<Text>, y: &Option<Text>| match (x, y) {
        (Some(first), Some(_)) => Some(first.clone()),
        _ => None,
    };
    MaterialRules {
        key,
        waiver,
        commitment_letter: both(&a.commitment_letter, &b.commitment_letter),
        e_certificate: both(&a.e_certificate, &b.e_certificate),
    }
}

/// Groups fields by section: declared sections first, in catalog order, then any others.
fn group_into_sections(catalog: &Catalog, form: Vec<PlannedField>) -> Vec<FormSection> {
    let mut sections: Vec<FormSection> = catalog
        .sections
        .iter()
        .map(|section| FormSection { id: section.id.clone(), title: section.title.clone(), fields: Vec::new() })
        .collect();
    for planned in form {
        let section_id = planned.field.section();
        match sections.iter_mut().find(|section| section.id == section_id) {
            Some(section) => section.fields.push(planned),
            None => sections.push(FormSection {
                title: Text::new(section_id, section_id),
                id: section_id.to_owned(),
                fields: vec![planned],
            }),
        }
    }
    sections.retain(|section| !section.fields.is_empty());
    sections
}
