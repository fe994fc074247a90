//! The plan (办理方案) for one bundle and the answers so far: the items that apply, the combined
//! form (一表) with each field once, the one-time checklist (一次性告知) with each material once
//! under the strictest rules of the items that need it, and what is still pending on an
//! unanswered question. Everything carries its reason, and [`Plan::compare`] tells what another
//! answer would change.

use crate::sorted_map::SortedMap;
use std::rc::Rc;

use crate::catalog::{BundleId, Catalog, Condition, Field, FieldId, ItemId, Material, MaterialId, MaterialRules};
use crate::date::Date;
use crate::text::{zh_en, Lang, Text};

mod answers;
mod build;
mod typed;
mod what_if;

pub use answers::{derived_value, field_errors, shown_answer, typed_answer, typed_field_errors};
pub use typed::{Earlier, Parsed, ParsedAnswer, TypedAnswers};
pub use what_if::{alternatives, PlanChange};

/// The applicant's answers as typed, by field.
pub type Answers = SortedMap<FieldId, String>;

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

    /// This reason and `other` together, this one's answers first: what an item brought in by
    /// one answer needs under a condition of its own (or none) is needed because of both,
    /// never "always".
    fn and(&self, other: &Reason) -> Reason {
        match (&self.condition, &other.condition) {
            (None, _) => other.clone(),
            (_, None) => self.clone(),
            (Some(first), Some(second)) => {
                let mut read = self.read.clone();
                for answer in &other.read {
                    if !read.iter().any(|(field, _)| *field == answer.0) {
                        read.push(answer.clone());
                    }
                }
                Reason { condition: Some(format!("({first}) and ({second})")), read }
            }
        }
    }
}

/// A situation question to ask now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedQuestion {
    pub field: Rc<Field>,
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
    pub field: Rc<Field>,
    /// The items whose forms ask for it, in bundle order.
    pub asked_by: Vec<ItemId>,
    /// The label each departmental form gives it, where that differs from the combined form.
    pub form_labels: Vec<(ItemId, Rc<Text>)>,
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
    pub material: Rc<Material>,
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

/// How many different values a short list holds (the departments of a bundle's items): each
/// counted where it first appears, with no sort or set (each brings kilobytes of code into the
/// first load for the type it holds).
pub(crate) fn count_distinct<T: PartialEq>(values: impl Iterator<Item = T>) -> usize {
    let mut seen: Vec<T> = Vec::new();
    for value in values {
        if !seen.contains(&value) {
            seen.push(value);
        }
    }
    seen.len()
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
        match self {
            PlanError::UnknownBundle(id) => {
                zh_en!(lang, format!("目录中没有编号为“{id}”的一件事"), format!("The catalog has no bundle “{id}”"))
            }
            PlanError::UnknownItem { bundle, item } => zh_en!(
                lang,
                format!("一件事“{bundle}”引用了目录中不存在的事项“{item}”"),
                format!("Bundle “{bundle}” lists item “{item}”, which the catalog does not define")
            ),
            PlanError::UnknownQuestion { bundle, field } => zh_en!(
                lang,
                format!("一件事“{bundle}”的情形问题引用了目录中不存在的字段“{field}”"),
                format!("Bundle “{bundle}” asks question “{field}”, which the catalog does not define")
            ),
            PlanError::UnknownField { item, field } => zh_en!(
                lang,
                format!("事项“{item}”引用了目录中不存在的字段“{field}”"),
                format!("Item “{item}” asks for field “{field}”, which the catalog does not define")
            ),
            PlanError::UnknownMaterial { item, material } => zh_en!(
                lang,
                format!("事项“{item}”引用了目录中不存在的材料“{material}”"),
                format!("Item “{item}” needs material “{material}”, which the catalog does not define")
            ),
        }
    }
}

crate::text::bilingual_error!(PlanError);

impl Plan {
    /// Plans `bundle` for `answers` on `today`.
    ///
    /// Only what the plan asks counts. An answer to a question no longer asked (the new
    /// premises' tenure, once the change is a change of name) decides nothing, though it stays
    /// saved and shown; and a condition that waits only for questions that cannot be asked in
    /// this situation is false, not pending, so nothing waits forever for an answer the
    /// applicant is never asked for.
    pub fn new(catalog: &Catalog, bundle: &BundleId, answers: &Answers, today: Date) -> Result<Plan, PlanError> {
        Plan::from_typed(catalog, bundle, &TypedAnswers::new(catalog, answers, today))
    }

    /// [`Plan::new`] over answers parsed once, which the form's checks then read again.
    pub fn from_typed(catalog: &Catalog, bundle: &BundleId, typed: &TypedAnswers<'_>) -> Result<Plan, PlanError> {
        let answers = typed.answers();
        #[cfg(test)]
        BUILDS.with(|builds| builds.set(builds.get() + 1));
        let mut never: Vec<FieldId> = Vec::new();
        // `None`: every answer is used.
        let mut used: Option<Answers> = None;
        // Each round can only leave more out, so a few rounds settle any catalog. (One call
        // of the builder, so that it is compiled once.)
        let mut round = 0;
        loop {
            let plan = Plan::with_answers(catalog, bundle, typed, used.as_ref().unwrap_or(answers), &never)?;
            // The answers this plan asks are the ones it was made from (every answer, on the
            // usual path, with nothing copied); else plan again from them.
            let asks = plan.asked();
            let asked = crate::sorted::common(answers.keys(), asks.iter().copied());
            let settled = match &used {
                None => asked == answers.len(),
                Some(used) => asked == used.len() && crate::sorted::common(used.keys(), asks.iter().copied()) == asked,
            };
            let unaskable = plan.unaskable(catalog, &never);
            round += 1;
            if (settled && unaskable.is_empty()) || round == 8 {
                return Ok(plan);
            }
            never.extend(unaskable);
            let mut kept = answers.clone();
            kept.retain(|id, _| asks.binary_search(&id).is_ok());
            used = Some(kept);
        }
    }

    /// Every field the plan asks, as a situation question or on the form, sorted by id (a
    /// bundle's form is a few hundred fields at most: the small sort, not the standard one and
    /// its kilobytes of code in the first load).
    fn asked(&self) -> Vec<&FieldId> {
        let mut asked: Vec<&FieldId> = self
            .questions
            .iter()
            .map(|question| &question.field.id)
            .chain(self.fields().map(|f| &f.field.id))
            .collect();
        crate::sorted::insertion_sort_by_key(&mut asked, |id| *id);
        asked.dedup();
        asked
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

    /// Every field of the combined form, in form order.
    pub fn fields(&self) -> impl Iterator<Item = &PlannedField> {
        self.sections.iter().flat_map(|section| section.fields.iter())
    }

    /// How many departments the items belong to (one department may hold several items).
    pub fn department_count(&self) -> usize {
        count_distinct(self.items.iter().map(|item| &item.department.zh))
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
}

#[cfg(test)]
use crate::validate::{FieldError, Value};

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
