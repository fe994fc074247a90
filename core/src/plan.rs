//! The plan (办理方案) for one bundle and the answers so far: the items that apply, the combined
//! form (一表) with each field once, the one-time checklist (一次性告知) with each material once
//! under the strictest rules of the items that need it, and what is still pending on an
//! unanswered question. Everything carries its reason, and [`Plan::compare`] tells what another
//! answer would change.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::catalog::{
    BundleId, Catalog, Condition, Derivation, Field, FieldId, FieldKind, Item, ItemId, Material, MaterialId,
    MaterialRules, Waiver,
};
use crate::cond::{evaluate, Truth};
use crate::date::Date;
use crate::text::{Lang, Text};
use crate::validate::{check_value, parse_value, Decimal, FieldError, Sex, Value, NO, YES};

/// The applicant's answers as typed, by field.
pub type Answers = BTreeMap<FieldId, String>;

/// Why something is in the plan: the condition that brought it in and the answers it read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// The catalog's condition; `None` when it is always needed.
    pub condition: Option<String>,
    /// The fields the condition read, with the answer given (`None` if unanswered).
    pub read: Vec<(FieldId, Option<String>)>,
}

impl Reason {
    fn always() -> Reason {
        Reason { condition: None, read: Vec::new() }
    }

    fn of(condition: &Condition, answers: &Answers) -> Reason {
        let read = condition
            .expr
            .fields()
            .into_iter()
            .map(|field| {
                (field.clone(), answers.get(field).filter(|value| !crate::validate::is_blank_answer(value)).cloned())
            })
            .collect();
        Reason { condition: Some(condition.source.clone()), read }
    }
}

/// A situation question to ask now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedQuestion {
    pub field: Field,
    pub answered: bool,
    pub reason: Reason,
}

/// An item that applies, as the applicant sees it in the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedItem {
    pub id: ItemId,
    pub name: Text,
    pub department: Text,
    pub legal_days: u16,
    pub promised_days: u16,
    pub reason: Reason,
}

/// A field of the combined form with where it comes from (字段来源).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedField {
    pub field: Field,
    /// The items whose forms ask for it, in bundle order.
    pub asked_by: Vec<ItemId>,
    /// The label each departmental form gives it, where that differs from the combined form.
    pub form_labels: Vec<(ItemId, Text)>,
    /// Whether it must be answered now.
    pub required: bool,
    /// The field's own condition, if it has one.
    pub reason: Reason,
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
    /// The strictest rules of the items that need it.
    pub rules: MaterialRules,
    /// Why each item needs it.
    pub reasons: Vec<(ItemId, Reason)>,
}

/// Something whose need depends on a question not answered yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingKind {
    Item(ItemId),
    Field(FieldId),
    Material(MaterialId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub kind: PendingKind,
    /// The unanswered fields its condition reads.
    pub waiting_for: Vec<FieldId>,
}

/// What the combined form saves, counted from the catalog (never claimed by hand).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Savings {
    /// The sum of the fields of every applicable departmental form.
    pub fields_separate: usize,
    /// The questions and fields asked here.
    pub fields_combined: usize,
    /// The sum of the materials of every applicable item.
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

#[cfg(test)]
thread_local! {
    /// How many plans this thread has made, for the tests that hold each change to one.
    pub(crate) static BUILDS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The whole plan for one bundle and the answers so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub bundle: BundleId,
    pub questions: Vec<PlannedQuestion>,
    pub items: Vec<PlannedItem>,
    pub sections: Vec<FormSection>,
    pub checklist: Vec<ChecklistEntry>,
    pub pending: Vec<Pending>,
    pub savings: Savings,
}

/// Why no plan could be made: the catalog refers to something it does not define. The
/// catalog check reports these before a catalog ships; the plan never panics on them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PlanError {
    /// Occurs when no bundle has the id.
    UnknownBundle(BundleId),
    /// Occurs when a bundle lists an item the catalog does not define.
    UnknownItem { bundle: BundleId, item: ItemId },
    /// Occurs when a bundle asks a situation question the catalog does not define.
    UnknownQuestion { bundle: BundleId, field: FieldId },
    /// Occurs when an item names a field the catalog does not define.
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
            (PlanError::UnknownQuestion { bundle, field }, Lang::Zh) => {
                format!("一件事“{bundle}”的情形问题引用了目录中不存在的字段“{field}”")
            }
            (PlanError::UnknownQuestion { bundle, field }, Lang::En) => {
                format!("Bundle “{bundle}” asks question “{field}”, which the catalog does not define")
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
                format!("Item “{item}” needs material “{material}”, which the catalog does not define")
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
        items
            .iter()
            .filter(|(_, always)| *always || !always_only)
            .map(|(item, _)| item.department.zh.as_str())
            .collect::<BTreeSet<_>>()
            .len()
    };
    Some(BundleFacts {
        departments_at_least: departments(true),
        departments_at_most: departments(false),
        promised_days_at_most: items.iter().map(|(item, _)| item.promised_days).max().unwrap_or(0),
    })
}

/// The answer a condition sees for a field: the valid typed answer, or the value derived
/// from an ID number when the field is derived and unanswered.
pub fn typed_answer(catalog: &Catalog, answers: &Answers, field_id: &FieldId, today: Date) -> Option<Value> {
    let field = catalog.field(field_id)?;
    if let Some(text) = answers.get(field_id).filter(|text| !crate::validate::is_blank_answer(text)) {
        return parse_value(field, text, today).ok().flatten();
    }
    derived_value(catalog, answers, field, today).and_then(|text| parse_value(field, &text, today).ok().flatten())
}

/// What a field shows: the applicant's answer, or, while there is none, the value derived
/// from an ID number (a birth date, a sex), which the applicant may still change where the
/// catalog allows.
pub fn shown_answer(catalog: &Catalog, answers: &Answers, field: &Field, today: Date) -> String {
    match answers.get(&field.id).filter(|text| !crate::validate::is_blank_answer(text)) {
        Some(answer) => answer.clone(),
        None => derived_value(catalog, answers, field, today).unwrap_or_default(),
    }
}

/// The value a derived field takes from its source ID number, as text in the field's format.
pub fn derived_value(catalog: &Catalog, answers: &Answers, field: &Field, today: Date) -> Option<String> {
    let derived = field.derived.as_ref()?;
    let Some(Value::IdNumber(id)) = typed_answer(catalog, answers, &derived.from, today) else {
        return None;
    };
    Some(match derived.derivation {
        Derivation::BirthDate => id.birth_date().to_string(),
        Derivation::Sex => if id.sex() == Sex::Male { "male" } else { "female" }.to_owned(),
        Derivation::Age => Decimal::from_integer(i64::from(id.age_on(today))).to_string(),
    })
}

/// Every error of the situation questions and the combined form, in the order asked: each
/// answer against its field's kind and constraints, then against the field's cross-field checks. A check that cannot be decided
/// yet (it reads an unanswered field) is not an error.
pub fn field_errors(catalog: &Catalog, plan: &Plan, answers: &Answers, today: Date) -> Vec<(FieldId, FieldError)> {
    let lookup = |id: &FieldId| typed_answer(catalog, answers, id, today);
    let questions = plan.questions.iter().map(|question| (&question.field, question.field.required));
    let fields = plan.fields().map(|planned| (&planned.field, planned.required));
    questions
        .chain(fields)
        .filter_map(|(field, required)| {
            let answer = answers.get(&field.id).map(String::as_str).unwrap_or_default();
            let checked = if required == field.required {
                check_value(field, answer, today)
            } else {
                check_value(&Field { required, ..field.clone() }, answer, today)
            };
            if let Err(error) = checked {
                return Some((field.id.clone(), error));
            }
            if crate::validate::is_blank_answer(answer) {
                return None;
            }
            field
                .checks
                .iter()
                .find(|check| evaluate(&check.rule.expr, &lookup, today) == Truth::False)
                .map(|check| (field.id.clone(), FieldError::CrossCheckFailed { message: check.message.clone() }))
        })
        .collect()
}

/// The truth of a condition. One left waiting only for fields in `never` (which this
/// situation cannot ask) is false.
fn truth_of(
    condition: Option<&Condition>,
    catalog: &Catalog,
    answers: &Answers,
    never: &[FieldId],
    today: Date,
) -> Truth {
    let Some(condition) = condition else { return Truth::True };
    let answer = |field: &FieldId| typed_answer(catalog, answers, field, today);
    match evaluate(&condition.expr, &answer, today) {
        Truth::Unknown
            if condition.expr.fields().iter().any(|field| never.contains(field))
                && waiting_for(Some(condition), catalog, answers, never, today).is_empty() =>
        {
            Truth::False
        }
        truth => truth,
    }
}

/// The unanswered fields a condition reads, but for those in `never`.
fn waiting_for(
    condition: Option<&Condition>,
    catalog: &Catalog,
    answers: &Answers,
    never: &[FieldId],
    today: Date,
) -> Vec<FieldId> {
    condition
        .map(|condition| {
            condition
                .expr
                .fields()
                .into_iter()
                .filter(|field| !never.contains(field) && typed_answer(catalog, answers, field, today).is_none())
                .cloned()
                .collect()
        })
        .unwrap_or_default()
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

impl Plan {
    /// Plans `bundle` for `answers` on `today`.
    ///
    /// Only what the plan asks counts. An answer to a question no longer asked (the new
    /// premises' tenure, once the change is a change of name) decides nothing, though it stays
    /// saved and shown; and a condition that waits only for questions that cannot be asked in
    /// this situation is false, not pending, so nothing waits forever for an answer the
    /// applicant is never asked for.
    pub fn new(catalog: &Catalog, bundle: &BundleId, answers: &Answers, today: Date) -> Result<Plan, PlanError> {
        #[cfg(test)]
        BUILDS.with(|builds| builds.set(builds.get() + 1));
        let mut never: Vec<FieldId> = Vec::new();
        // `None`: every answer is used.
        let mut used: Option<Answers> = None;
        // Each round can only leave more out, so a few rounds settle any catalog. (One call
        // of the builder, so that it is compiled once.)
        let mut round = 0;
        loop {
            let plan = Plan::with_answers(catalog, bundle, used.as_ref().unwrap_or(answers), &never, today)?;
            // The answers this plan asks are the ones it was made from (every answer, on the
            // usual path, with nothing copied); else plan again from them.
            let asks = plan.asked();
            let asked = answers.keys().filter(|id| asks.contains(id)).count();
            let settled = match &used {
                None => asked == answers.len(),
                Some(used) => asked == used.len() && used.keys().all(|id| asks.contains(id)),
            };
            let unaskable = plan.unaskable(catalog, &never);
            round += 1;
            if (settled && unaskable.is_empty()) || round == 8 {
                return Ok(plan);
            }
            never.extend(unaskable);
            let mut kept = answers.clone();
            kept.retain(|id, _| asks.contains(id));
            used = Some(kept);
        }
    }

    /// Every field the plan asks, as a situation question or on the form.
    fn asked(&self) -> BTreeSet<&FieldId> {
        self.questions.iter().map(|question| &question.field.id).chain(self.fields().map(|f| &f.field.id)).collect()
    }

    /// Whether the plan asks `field`, as a situation question or on the form.
    pub fn asks(&self, field: &FieldId) -> bool {
        self.questions.iter().any(|question| &question.field.id == field) || self.fields().any(|f| &f.field.id == field)
    }

    /// Whether `field` is asked, or may be once a pending question is answered.
    fn may_ask(&self, catalog: &Catalog, field: &FieldId) -> bool {
        self.asks(field)
            || self.pending.iter().any(|pending| match &pending.kind {
                PendingKind::Field(id) => id == field,
                PendingKind::Item(item) => {
                    catalog.items.get(item).is_some_and(|item| item.fields.iter().any(|f| &f.field == field))
                }
                PendingKind::Material(_) => false,
            })
    }

    /// The fields something waits for that this situation can never ask, beyond `known`.
    fn unaskable(&self, catalog: &Catalog, known: &[FieldId]) -> Vec<FieldId> {
        let mut found: Vec<FieldId> = Vec::new();
        for field in self.pending.iter().flat_map(|pending| &pending.waiting_for) {
            if !known.contains(field) && !found.contains(field) && !self.may_ask(catalog, field) {
                found.push(field.clone());
            }
        }
        found
    }

    /// The plan for `answers`, where the fields in `never` cannot be asked: a condition left
    /// waiting only for them is false.
    fn with_answers(
        catalog: &Catalog,
        bundle: &BundleId,
        answers: &Answers,
        never: &[FieldId],
        today: Date,
    ) -> Result<Plan, PlanError> {
        let bundle_entry = catalog.bundle(bundle).ok_or_else(|| PlanError::UnknownBundle(bundle.clone()))?;
        let truth = |condition: Option<&Condition>| truth_of(condition, catalog, answers, never, today);
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
                    waiting_for: waiting_for(field.condition.as_ref(), catalog, answers, never, today),
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
                    waiting_for: waiting_for(entry.condition.as_ref(), catalog, answers, never, today),
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
        for (item, _) in &items {
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
                            let waiting = waiting_for(field.condition.as_ref(), catalog, answers, never, today);
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
                let at = position(&mut in_form, &field.id, form.len());
                let planned = match form.get_mut(at) {
                    Some(planned) => planned,
                    None => {
                        form.push(PlannedField {
                            field: field.clone(),
                            asked_by: Vec::new(),
                            form_labels: Vec::new(),
                            required: field.required,
                            reason: field.condition.as_ref().map_or_else(Reason::always, |c| Reason::of(c, answers)),
                        });
                        form.last_mut().expect("just pushed")
                    }
                };
                if !planned.asked_by.contains(&item.id) {
                    planned.asked_by.push(item.id.clone());
                }
                if let Some(label) = item_field.form_label.as_ref().filter(|label| **label != field.label) {
                    planned.form_labels.push((item.id.clone(), label.clone()));
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
                            let waiting = waiting_for(need.condition.as_ref(), catalog, answers, never, today);
                            pending.push(Pending { kind, waiting_for: waiting });
                        }
                        continue;
                    }
                    Truth::True => {}
                }
                materials_separate += 1;
                let reason = need.condition.as_ref().map_or_else(Reason::always, |c| Reason::of(c, answers));
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

    /// Every field of the combined form, in form order.
    pub fn fields(&self) -> impl Iterator<Item = &PlannedField> {
        self.sections.iter().flat_map(|section| section.fields.iter())
    }

    pub fn item(&self, id: &ItemId) -> Option<&PlannedItem> {
        self.items.iter().find(|item| &item.id == id)
    }

    /// The departments that ask for a field, for "used by" hints.
    pub fn departments_of(&self, field: &PlannedField) -> Vec<&Text> {
        let mut departments: Vec<&Text> = Vec::new();
        for department in field.asked_by.iter().filter_map(|id| self.item(id)).map(|item| &item.department) {
            if !departments.contains(&department) {
                departments.push(department);
            }
        }
        departments
    }

    /// The longest promised time of the items, in working days: they run in parallel.
    pub fn promised_days(&self) -> u16 {
        self.items.iter().map(|item| item.promised_days).max().unwrap_or(0)
    }

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

/// Groups fields by section: declared sections first, in catalog order, then any others.
fn group_into_sections(catalog: &Catalog, form: Vec<PlannedField>) -> Vec<FormSection> {
    let mut sections: Vec<FormSection> = catalog
        .sections
        .iter()
        .map(|section| FormSection { id: section.id.clone(), title: section.title.clone(), fields: Vec::new() })
        .collect();
    for planned in form {
        let section_id = planned.field.section().to_owned();
        match sections.iter_mut().find(|section| section.id == section_id) {
            Some(section) => section.fields.push(planned),
            None => sections.push(FormSection {
                title: Text::new(section_id.as_str(), section_id.as_str()),
                id: section_id,
                fields: vec![planned],
            }),
        }
    }
    sections.retain(|section| !section.fields.is_empty());
    sections
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
