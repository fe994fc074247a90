//! The keys each kind of table may hold and the words each key takes: anything else is
//! reported as unknown, with the nearest known one.

use super::*;

pub(super) const TOP_KEYS: &[&str] = &["catalog", "section", "field", "material", "item", "bundle", "calendar"];
pub(super) const CATALOG_KEYS: &[&str] = &["version"];
pub(super) const SECTION_KEYS: &[&str] = &["id", "title"];
pub(super) const FIELD_KEYS: &[&str] = &[
    "id",
    "kind",
    "label",
    "help",
    "plain",
    "required",
    "condition",
    "options",
    "min_length",
    "max_length",
    "min",
    "max",
    "pattern",
    "pattern_message",
    "derived",
    "check",
];
pub(super) const CHECK_KEYS: &[&str] = &["rule", "message"];
pub(super) const OPTION_KEYS: &[&str] = &["value", "zh", "en"];
pub(super) const DERIVED_KEYS: &[&str] = &["from", "value", "editable"];
pub(super) const MATERIAL_KEYS: &[&str] =
    &["id", "name", "description", "plain", "paper", "electronic", "file_types", "max_size_kb", "photo"];
pub(super) const ITEM_KEYS: &[&str] =
    &["id", "name", "department", "legal_days", "promised_days", "fields", "material"];
pub(super) const ITEM_FIELD_KEYS: &[&str] = &["field", "label"];
pub(super) const NEED_KEYS: &[&str] =
    &["id", "originals", "copies", "condition", "key", "waiver", "commitment_letter", "e_certificate"];
pub(super) const WAIVER_KEYS: &[&str] = &["mode", "days", "commitment"];
pub(super) const BUNDLE_KEYS: &[&str] =
    &["id", "name", "summary", "category", "pinyin", "applicant", "search", "questions", "max_waived", "item", "check"];
pub(super) const BUNDLE_CHECK_KEYS: &[&str] = &["field", "rule", "message"];
pub(super) const BUNDLE_ITEM_KEYS: &[&str] = &["id", "condition"];
pub(super) const CALENDAR_KEYS: &[&str] = &["year", "holidays", "working_weekends"];

pub(super) const FIELD_KINDS: &[&str] = &[
    "text",
    "long_text",
    "integer",
    "decimal",
    "money",
    "date",
    "yes_no",
    "one_of",
    "many_of",
    "id_number",
    "credit_code",
    "mobile",
    "landline",
    "postcode",
    "email",
    "bank_card",
    "person_name",
    "address",
];
pub(super) const CATEGORIES: &[&str] = &["enterprise", "personal"];
pub(super) const WAIVER_MODES: &[&str] = &["accept", "process"];
pub(super) const FILE_TYPES: &[&str] = &["pdf", "jpeg", "png"];
pub(super) const DERIVATIONS: &[&str] = &["birth_date", "sex", "age"];

pub(super) fn field_kind(word: &str) -> Option<FieldKind> {
    FieldKind::ALL.into_iter().find(|kind| kind.word() == word)
}
