//! Reads a catalog from TOML sources (目录加载): every file of `assets/catalog/`, or a file an
//! administrator picks at run time. Nothing here reads the disk; sources come in as text.
//!
//! It never stops at the first problem: it reads everything it can and returns the catalog with
//! every [`Diagnostic`], each placed at its file, line and column.

// Catalog files are untrusted: nothing here may index or count past an end.
#![deny(
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::arithmetic_side_effects,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::unreachable
)]

use std::collections::{BTreeMap, BTreeSet};

use toml::de::{DeArray, DeTable, DeValue};
use toml::Spanned;

use super::diagnostic::{Diagnostic, Problem, Severity};
use super::*;
use crate::calendar::{CalendarYear, HolidayCalendar};
use crate::cond::{self, ConditionError, Span};
use crate::date::Date;
use crate::text::{Lang, Text};
use crate::value::number::{parse_number, NumberKind};

/// One catalog file: its path (for messages) and its text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub path: String,
    pub text: String,
}

/// Why a file's bytes are not the text of a catalog file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotText {
    /// Occurs when the bytes are not UTF-8 from `offset` on (a file saved as GBK, or not text).
    NotUtf8 { offset: usize },
    /// Occurs when the bytes hold a NUL or many control characters: a binary file, an image
    /// or a spreadsheet picked by mistake.
    Binary,
}

/// The most problems listed for one file; past it one line says how many more there are. A
/// binary file given as TOML once listed 9,733 and froze the page for over a minute.
pub const MAX_PROBLEMS_PER_FILE: usize = 100;

/// Reads a picked or stored file's bytes as a catalog source, or says in one diagnostic why
/// they are not a catalog text. The browser and the checker command both read files this way,
/// so they give the same verdict on the same bytes. A UTF-8 byte-order mark is dropped.
pub fn decode_source(path: String, bytes: &[u8]) -> Result<Source, Box<Diagnostic>> {
    // Said of the file as a whole: at its start.
    let refuse = |path: String, reason: NotText| {
        Box::new(Diagnostic {
            severity: Severity::Error,
            file: path,
            span: Span::new(0, 0),
            problem: Problem::NotText(reason),
        })
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.valid_up_to();
            // Binary files are not UTF-8 either: say what they are rather than where they fail.
            let reason = if looks_binary(bytes) { NotText::Binary } else { NotText::NotUtf8 { offset } };
            return Err(refuse(path, reason));
        }
    };
    if looks_binary(text.as_bytes()) {
        return Err(refuse(path, NotText::Binary));
    }
    Ok(Source { path, text: text.to_owned() })
}

/// Reads files' bytes with [`decode_source`]: the sources, and one diagnostic for each file that
/// is not a text. Pass the diagnostics to [`Checking::finish_with`].
pub fn read_files(files: Vec<(String, Vec<u8>)>) -> (Vec<Source>, Vec<Diagnostic>) {
    let (mut sources, mut refused) = (Vec::new(), Vec::new());
    for (path, bytes) in files {
        match decode_source(path, &bytes) {
            Ok(source) => sources.push(source),
            Err(diagnostic) => refused.push(*diagnostic),
        }
    }
    (sources, refused)
}

/// A NUL, or more than one control character in a hundred (TOML allows only tab, line feed and
/// carriage return): not a text anyone wrote.
fn looks_binary(bytes: &[u8]) -> bool {
    let control = bytes.iter().filter(|b| b.is_ascii_control() && !matches!(b, b'\t' | b'\n' | b'\r')).count();
    bytes.contains(&0) || control > bytes.len() / 100
}

const TOP_KEYS: &[&str] = &["catalog", "section", "field", "material", "item", "bundle", "calendar"];
const CATALOG_KEYS: &[&str] = &["version"];
const SECTION_KEYS: &[&str] = &["id", "title"];
const FIELD_KEYS: &[&str] = &[
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
const CHECK_KEYS: &[&str] = &["rule", "message"];
const OPTION_KEYS: &[&str] = &["value", "zh", "en"];
const DERIVED_KEYS: &[&str] = &["from", "value", "editable"];
const MATERIAL_KEYS: &[&str] =
    &["id", "name", "description", "plain", "paper", "electronic", "file_types", "max_size_kb", "photo"];
const ITEM_KEYS: &[&str] = &["id", "name", "department", "legal_days", "promised_days", "fields", "material"];
const ITEM_FIELD_KEYS: &[&str] = &["field", "label"];
const NEED_KEYS: &[&str] =
    &["id", "originals", "copies", "condition", "key", "waiver", "commitment_letter", "e_certificate"];
const WAIVER_KEYS: &[&str] = &["mode", "days", "commitment"];
const BUNDLE_KEYS: &[&str] = &["id", "name", "summary", "category", "pinyin", "questions", "max_waived", "item"];
const BUNDLE_ITEM_KEYS: &[&str] = &["id", "condition"];
const CALENDAR_KEYS: &[&str] = &["year", "holidays", "working_weekends"];

const FIELD_KINDS: &[&str] = &[
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
const CATEGORIES: &[&str] = &["enterprise", "personal"];
const WAIVER_MODES: &[&str] = &["accept", "process"];
const FILE_TYPES: &[&str] = &["pdf", "jpeg", "png"];
const DERIVATIONS: &[&str] = &["birth_date", "sex", "age"];

fn field_kind(word: &str) -> Option<FieldKind> {
    FieldKind::ALL.into_iter().find(|kind| kind.word() == word)
}

fn span_of<T>(spanned: &Spanned<T>) -> Span {
    let range = spanned.span();
    Span::new(range.start, range.end)
}

/// Where an entry was defined, for messages about it found later.
#[derive(Debug, Clone, Copy)]
struct Place {
    file: usize,
    span: Span,
}

/// A condition waiting for the type check, which needs every field.
struct PendingCondition {
    place: Place,
    condition: Condition,
}

/// The loader's state across files.
struct Loader<'s> {
    sources: &'s [Source],
    diagnostics: Vec<Diagnostic>,
    catalog: Catalog,
    field_places: BTreeMap<FieldId, Place>,
    material_places: BTreeMap<MaterialId, Place>,
    item_places: BTreeMap<ItemId, Place>,
    bundle_places: BTreeMap<BundleId, Place>,
    section_places: BTreeMap<String, Place>,
    calendar_places: BTreeMap<u16, Place>,
    conditions: Vec<PendingCondition>,
    /// Field references to resolve once every file is read: (field, where, what refers).
    field_references: Vec<(FieldId, Place)>,
    material_references: Vec<(MaterialId, Place)>,
    item_references: Vec<(ItemId, Place)>,
    file: usize,
}

/// Stores catalog files as one JSON text (for a catalog an administrator loads at run time).
pub fn encode_sources(sources: &[Source]) -> String {
    serde_json::to_string(sources).unwrap_or_default()
}

/// Reads catalog files stored with [`encode_sources`]; `None` if the text is not such a list.
pub fn decode_sources(text: &str) -> Option<Vec<Source>> {
    serde_json::from_str(text).ok()
}

/// Whether any diagnostic is an error (warnings do not stop a catalog from being used).
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|diagnostic| diagnostic.severity == Severity::Error)
}

/// Reads the catalog from `sources`.
pub fn load(sources: &[Source]) -> (Catalog, Vec<Diagnostic>) {
    load_with(sources, Vec::new())
}

/// [`load`], after files refused as not text ([`read_files`]), whose diagnostics come first.
pub fn load_with(sources: &[Source], refused: Vec<Diagnostic>) -> (Catalog, Vec<Diagnostic>) {
    let mut checking = Checking::new(sources);
    while checking.step() {}
    checking.finish_with(refused)
}

/// A catalog check one file at a time, so that a page can show its progress and stay
/// responsive between files; [`load`] runs it to the end at once.
pub struct Checking<'s> {
    loader: Loader<'s>,
    next: usize,
}

impl std::fmt::Debug for Checking<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checking").field("read", &self.next).field("files", &self.loader.sources.len()).finish()
    }
}

impl<'s> Checking<'s> {
    pub fn new(sources: &'s [Source]) -> Checking<'s> {
        let loader = Loader {
            sources,
            diagnostics: Vec::new(),
            catalog: Catalog {
                version: String::new(),
                sections: Vec::new(),
                fields: BTreeMap::new(),
                materials: BTreeMap::new(),
                items: BTreeMap::new(),
                bundles: Vec::new(),
                calendar: HolidayCalendar::new(),
            },
            field_places: BTreeMap::new(),
            material_places: BTreeMap::new(),
            item_places: BTreeMap::new(),
            bundle_places: BTreeMap::new(),
            section_places: BTreeMap::new(),
            calendar_places: BTreeMap::new(),
            conditions: Vec::new(),
            field_references: Vec::new(),
            material_references: Vec::new(),
            item_references: Vec::new(),
            file: 0,
        };
        Checking { loader, next: 0 }
    }

    /// How many files there are, and how many are read.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.loader.sources.len())
    }

    /// Reads the next file; false once every file is read.
    pub fn step(&mut self) -> bool {
        let Some(source) = self.loader.sources.get(self.next) else { return false };
        self.loader.file = self.next;
        self.loader.read_file(&source.text);
        self.next = self.next.saturating_add(1);
        true
    }

    /// Checks what spans files (references, conditions, unused entries) and returns the
    /// catalog with every problem, sorted by file and place, at most
    /// [`MAX_PROBLEMS_PER_FILE`] for each file, after those of the files refused as not text
    /// ([`read_files`]; none for sources that were text already).
    pub fn finish_with(self, refused: Vec<Diagnostic>) -> (Catalog, Vec<Diagnostic>) {
        let mut loader = self.loader;
        loader.check_references();
        // Said only of a catalog otherwise clean: next to other errors, or a file refused, it
        // is noise.
        if loader.catalog.bundles.is_empty() && refused.is_empty() && !has_errors(&loader.diagnostics) {
            let file = loader.sources.first().map(|source| source.path.clone()).unwrap_or_default();
            let span = Span::new(0, 0);
            loader.diagnostics.push(Diagnostic { severity: Severity::Error, file, span, problem: Problem::NoBundles });
        }
        let mut diagnostics = loader.diagnostics;
        diagnostics.sort_by(|a, b| (a.file.as_str(), a.span.start).cmp(&(b.file.as_str(), b.span.start)));
        let checked = at_most_per_file(diagnostics, MAX_PROBLEMS_PER_FILE);
        (loader.catalog, refused.into_iter().chain(checked).collect())
    }
}

/// The first `limit` problems of each file (they come sorted by file), and for a file with more
/// one last diagnostic saying how many are not listed; an error if any of them is.
fn at_most_per_file(diagnostics: Vec<Diagnostic>, limit: usize) -> Vec<Diagnostic> {
    let mut kept = Vec::new();
    for file in diagnostics.chunk_by(|a, b| a.file == b.file) {
        let (shown, left_out) = file.split_at_checked(limit).unwrap_or((file, &[]));
        kept.extend_from_slice(shown);
        if let Some(first) = left_out.first() {
            let severity = left_out.iter().map(|d| d.severity).min().unwrap_or(Severity::Warning);
            let problem = Problem::MoreProblems { count: left_out.len() };
            kept.push(Diagnostic { severity, file: first.file.clone(), span: first.span, problem });
        }
    }
    kept
}

impl<'s> Loader<'s> {
    fn report_at(&mut self, place: Place, severity: Severity, problem: Problem) {
        let file = self.sources.get(place.file).map(|source| source.path.clone()).unwrap_or_default();
        self.diagnostics.push(Diagnostic { severity, file, span: place.span, problem });
    }

    fn error(&mut self, span: Span, problem: Problem) {
        self.report_at(Place { file: self.file, span }, Severity::Error, problem);
    }

    fn place(&self, span: Span) -> Place {
        Place { file: self.file, span }
    }

    fn line_of(&self, place: Place) -> usize {
        let text = self.sources.get(place.file).map_or("", |source| source.text.as_str());
        cond::line_column(text, place.span.start).0
    }

    fn read_file(&mut self, text: &'s str) {
        let (document, errors) = DeTable::parse_recoverable(text);
        for error in errors {
            let span = error.span().map_or(Span::new(0, 0), |range| Span::new(range.start, range.end));
            self.error(span, Problem::Syntax { detail: error.message().to_owned() });
        }
        for (key, value) in document.get_ref().iter() {
            let key_span = span_of(key);
            match key.get_ref().as_ref() {
                "catalog" => {
                    if let Some(table) = self.table(value, "catalog") {
                        let mut reader = Reader::new(table, span_of(value), CATALOG_KEYS);
                        if let Some((version, _)) = reader.required_text(self, "version") {
                            self.catalog.version = version;
                        }
                        reader.finish(self);
                    }
                }
                "section" => self.each_table(value, "section", Self::read_section),
                "field" => self.each_table(value, "field", Self::read_field),
                "material" => self.each_table(value, "material", Self::read_material),
                "item" => self.each_table(value, "item", Self::read_item),
                "bundle" => self.each_table(value, "bundle", Self::read_bundle),
                "calendar" => self.each_table(value, "calendar", Self::read_calendar),
                other => self.error(key_span, Problem::UnknownKey { key: other.to_owned(), known: TOP_KEYS }),
            }
        }
    }

    fn table<'v>(&mut self, value: &'v Spanned<DeValue<'s>>, key: &str) -> Option<&'v DeTable<'s>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            _ => {
                self.error(span_of(value), Problem::WrongType { key: key.to_owned(), expected: "a table" });
                None
            }
        }
    }

    /// Calls `read` for each table of an array of tables (`[[field]]`).
    fn each_table(&mut self, value: &Spanned<DeValue<'s>>, key: &str, read: fn(&mut Self, &DeTable<'s>, Span)) {
        match value.get_ref() {
            DeValue::Array(array) => {
                for entry in array.iter() {
                    match entry.get_ref() {
                        DeValue::Table(table) => read(self, table, span_of(entry)),
                        _ => {
                            self.error(span_of(entry), Problem::WrongType { key: key.to_owned(), expected: "a table" })
                        }
                    }
                }
            }
            _ => self.error(span_of(value), Problem::WrongType { key: key.to_owned(), expected: "a list" }),
        }
    }

    /// Parses a condition written at `span` (a quoted TOML string) and queues its type check.
    fn condition(&mut self, source: &str, span: Span) -> Option<Condition> {
        // The text starts after the opening quote (escapes are rare in conditions).
        let offset = span.start.saturating_add(1);
        match Condition::parse(source) {
            Ok(condition) => {
                self.conditions.push(PendingCondition { place: self.place(span), condition: condition.clone() });
                Some(condition)
            }
            Err(error) => {
                let inner = error.span;
                let end = inner.end.max(inner.start.saturating_add(1));
                let at = Span::new(offset.saturating_add(inner.start), offset.saturating_add(end));
                self.error(at, Problem::Condition(ConditionError::Parse(error)));
                None
            }
        }
    }

    fn register<K: Ord + Clone>(
        &mut self,
        places: fn(&mut Self) -> &mut BTreeMap<K, Place>,
        kind: &'static str,
        id: &K,
        shown: &str,
        span: Span,
    ) -> bool {
        let place = self.place(span);
        if let Some(first) = places(self).get(id).copied() {
            let first_line = self.line_of(first);
            self.error(span, Problem::DuplicateId { kind, id: shown.to_owned(), first_line });
            return false;
        }
        places(self).insert(id.clone(), place);
        true
    }

    fn read_section(&mut self, table: &DeTable<'s>, span: Span) {
        let mut reader = Reader::new(table, span, SECTION_KEYS);
        let id = reader.required_text(self, "id");
        let title = reader.bilingual(self, "title", true);
        reader.finish(self);
        if let (Some((id, id_span)), Some(title)) = (id, title) {
            if self.register(|l| &mut l.section_places, "section", &id, &id, id_span) {
                self.catalog.sections.push(Section { id, title });
            }
        }
    }

    fn read_field(&mut self, table: &DeTable<'s>, span: Span) {
        let mut reader = Reader::new(table, span, FIELD_KEYS);
        let id = reader.required_text(self, "id");
        let kind = reader.word(self, "kind", FIELD_KINDS, true).and_then(|(word, _)| field_kind(&word));
        let label = reader.bilingual(self, "label", true);
        let help = reader.bilingual(self, "help", false);
        let plain = reader.bilingual(self, "plain", false);
        let required = reader.boolean(self, "required").unwrap_or(false);
        let condition = reader.text(self, "condition").and_then(|(text, at)| self.condition(&text, at));
        let mut options = Vec::new();
        if let Some(list) = reader.array(self, "options") {
            for entry in list.iter() {
                let Some(option) = self.table(entry, "options") else {
                    continue;
                };
                let mut option_reader = Reader::new(option, span_of(entry), OPTION_KEYS);
                let value = option_reader.required_text(self, "value");
                let zh = option_reader.required_text(self, "zh");
                let en = option_reader.required_text(self, "en");
                option_reader.finish(self);
                if let (Some((value, _)), Some((zh, _)), Some((en, _))) = (value, zh, en) {
                    options.push(FieldOption { value, label: Text::new(zh, en) });
                }
            }
        }
        let min_length = reader.count(self, "min_length");
        let max_length = reader.count(self, "max_length");
        let min = reader.text(self, "min").and_then(|(text, at)| self.bound(&text, at, "min"));
        let max = reader.text(self, "max").and_then(|(text, at)| self.bound(&text, at, "max"));
        let pattern_source = reader.text(self, "pattern");
        let pattern_message = reader.bilingual(self, "pattern_message", pattern_source.is_some());
        let pattern = pattern_source.and_then(|(source, at)| match crate::pattern::compile(&source) {
            Ok(compiled) => Some(Pattern { source, compiled, message: pattern_message? }),
            Err(error) => {
                let problem = Problem::BadValue {
                    key: "pattern".into(),
                    value: format!("{source} ({error})"),
                    expected: "a pattern of characters, [classes] and counts such as {6} or {6,20}",
                };
                self.error(at, problem);
                None
            }
        });
        let mut checks = Vec::new();
        if let Some(list) = reader.array(self, "check") {
            for entry in list.iter() {
                let Some(check_table) = self.table(entry, "check") else { continue };
                let mut check_reader = Reader::new(check_table, span_of(entry), CHECK_KEYS);
                let rule = check_reader.required_text(self, "rule").and_then(|(text, at)| self.condition(&text, at));
                let message = check_reader.bilingual(self, "message", true);
                check_reader.finish(self);
                if let (Some(rule), Some(message)) = (rule, message) {
                    checks.push(CrossCheck { rule, message });
                }
            }
        }
        let derived = reader.sub_table(self, "derived").and_then(|(derived_table, derived_span)| {
            let mut derived_reader = Reader::new(derived_table, derived_span, DERIVED_KEYS);
            let from = derived_reader.required_text(self, "from");
            let value = derived_reader.word(self, "value", DERIVATIONS, true);
            let editable = derived_reader.boolean(self, "editable").unwrap_or(true);
            derived_reader.finish(self);
            let (from, from_span) = from?;
            let derivation = match value?.0.as_str() {
                "birth_date" => Derivation::BirthDate,
                "sex" => Derivation::Sex,
                _ => Derivation::Age,
            };
            self.field_references.push((FieldId::new(from.as_str()), self.place(from_span)));
            Some(Derived { from: FieldId::new(from), derivation, editable })
        });
        reader.finish(self);
        let Some((id, id_span)) = id else { return };
        let field_id = FieldId::new(id.as_str());
        let (Some(kind), Some(label)) = (kind, label) else {
            // Still known by id, so that references to it do not report it missing as well.
            self.field_places.entry(field_id).or_insert(Place { file: self.file, span: id_span });
            return;
        };
        if let Some(existing) = self.catalog.fields.get(&field_id) {
            if existing.kind != kind {
                let problem = Problem::ConflictingFieldKind { id: id.clone(), first: existing.kind, second: kind };
                self.error(id_span, problem);
                return;
            }
        }
        if !self.register(|l| &mut l.field_places, "field", &field_id, &id, id_span) {
            return;
        }
        if matches!(kind, FieldKind::OneOf | FieldKind::ManyOf) && options.is_empty() {
            self.error(id_span, Problem::ChoiceWithoutOptions { field: id.clone() });
        }
        let constraints = Constraints { min_length, max_length, min, max, pattern };
        let field = Field {
            id: field_id.clone(),
            kind,
            label,
            help,
            plain,
            required,
            condition,
            derived,
            checks,
            options,
            constraints,
        };
        self.catalog.fields.insert(field_id, field);
    }

    fn bound(&mut self, text: &str, span: Span, key: &str) -> Option<Bound> {
        if text == "today" {
            return Some(Bound::Today);
        }
        if let Some(date) = Date::parse_iso(text) {
            return Some(Bound::Date(date));
        }
        match parse_number(text, NumberKind::Decimal) {
            Ok(number) => Some(Bound::Number(number)),
            Err(_) => {
                let problem = Problem::BadValue {
                    key: key.to_owned(),
                    value: text.to_owned(),
                    expected: "a number, a date or \"today\"",
                };
                self.error(span, problem);
                None
            }
        }
    }

    fn read_material(&mut self, table: &DeTable<'s>, span: Span) {
        let mut reader = Reader::new(table, span, MATERIAL_KEYS);
        let id = reader.required_text(self, "id");
        let name = reader.bilingual(self, "name", true);
        let description = reader.bilingual(self, "description", true);
        let plain = reader.bilingual(self, "plain", false);
        let paper = reader.boolean(self, "paper").unwrap_or(true);
        let electronic = reader.boolean(self, "electronic").unwrap_or(true);
        let mut file_types = Vec::new();
        if let Some(list) = reader.array(self, "file_types") {
            for entry in list.iter() {
                match entry.get_ref() {
                    DeValue::String(word) => match word.as_ref() {
                        "pdf" => file_types.push(FileType::Pdf),
                        "jpeg" => file_types.push(FileType::Jpeg),
                        "png" => file_types.push(FileType::Png),
                        other => {
                            let problem = Problem::UnknownValue {
                                key: "file_types".into(),
                                value: other.to_owned(),
                                allowed: FILE_TYPES,
                            };
                            self.error(span_of(entry), problem);
                        }
                    },
                    _ => self.error(
                        span_of(entry),
                        Problem::WrongType { key: "file_types".into(), expected: "a list of texts" },
                    ),
                }
            }
        } else {
            file_types = vec![FileType::Pdf, FileType::Jpeg, FileType::Png];
        }
        let max_size_kb = reader.count(self, "max_size_kb").unwrap_or(10_240);
        let photo = reader.boolean(self, "photo").unwrap_or(false);
        reader.finish(self);
        let Some((id, id_span)) = id else { return };
        let material_id = MaterialId::new(id.as_str());
        let (Some(name), Some(description)) = (name, description) else {
            self.material_places.entry(material_id).or_insert(Place { file: self.file, span: id_span });
            return;
        };
        if self.register(|l| &mut l.material_places, "material", &material_id, &id, id_span) {
            let material = Material {
                id: material_id.clone(),
                name,
                description,
                plain,
                paper,
                electronic,
                file_types,
                max_size_kb,
                photo,
            };
            self.catalog.materials.insert(material_id, material);
        }
    }

    fn read_item(&mut self, table: &DeTable<'s>, span: Span) {
        let mut reader = Reader::new(table, span, ITEM_KEYS);
        let id = reader.required_text(self, "id");
        let name = reader.bilingual(self, "name", true);
        let department = reader.bilingual(self, "department", true);
        let legal_days = reader.count(self, "legal_days").unwrap_or(0);
        let promised_days = reader.count(self, "promised_days").unwrap_or(0);
        let mut fields = Vec::new();
        if let Some(list) = reader.array(self, "fields") {
            for entry in list.iter() {
                match entry.get_ref() {
                    DeValue::String(field) => {
                        self.field_references.push((FieldId::new(field.as_ref()), self.place(span_of(entry))));
                        fields.push(ItemField::new(FieldId::new(field.as_ref())));
                    }
                    DeValue::Table(field_table) => {
                        let mut field_reader = Reader::new(field_table, span_of(entry), ITEM_FIELD_KEYS);
                        let field = field_reader.required_text(self, "field");
                        let label = field_reader.bilingual(self, "label", true);
                        field_reader.finish(self);
                        if let Some((field, field_span)) = field {
                            self.field_references.push((FieldId::new(field.as_str()), self.place(field_span)));
                            fields.push(ItemField { field: FieldId::new(field), form_label: label });
                        }
                    }
                    _ => {
                        let problem = Problem::WrongType {
                            key: "fields".into(),
                            expected: "a field id or a table with field and label",
                        };
                        self.error(span_of(entry), problem);
                    }
                }
            }
        }
        let mut materials = Vec::new();
        let item_name = id.as_ref().map(|(id, _)| id.clone()).unwrap_or_default();
        if let Some(list) = reader.array(self, "material") {
            for entry in list.iter() {
                if let Some(need_table) = self.table(entry, "material") {
                    if let Some(need) = self.read_need(need_table, span_of(entry), &item_name) {
                        materials.push(need);
                    }
                }
            }
        }
        reader.finish(self);
        let Some((id, id_span)) = id else { return };
        let (Some(name), Some(department)) = (name, department) else {
            self.item_places.entry(ItemId::new(id.as_str())).or_insert(Place { file: self.file, span: id_span });
            return;
        };
        if promised_days > legal_days {
            let problem = Problem::PromisedOverLegal {
                item: id.clone(),
                promised: saturate(promised_days),
                legal: saturate(legal_days),
            };
            self.error(id_span, problem);
        }
        let item_id = ItemId::new(id.as_str());
        if self.register(|l| &mut l.item_places, "item", &item_id, &id, id_span) {
            let item = Item {
                id: item_id.clone(),
                name,
                department,
                legal_days: saturate(legal_days),
                promised_days: saturate(promised_days),
                fields,
                materials,
            };
            self.catalog.items.insert(item_id, item);
        }
    }

    fn read_need(&mut self, table: &DeTable<'s>, span: Span, item: &str) -> Option<MaterialNeed> {
        let mut reader = Reader::new(table, span, NEED_KEYS);
        let id = reader.required_text(self, "id");
        let originals = reader.count(self, "originals").unwrap_or(0);
        let copies = reader.count(self, "copies").unwrap_or(0);
        let condition = reader.text(self, "condition").and_then(|(text, at)| self.condition(&text, at));
        let key = reader.boolean(self, "key").unwrap_or(false);
        let declared_waiver = reader.sub_table(self, "waiver");
        let waiver_span = declared_waiver.map(|(_, span)| span);
        let waiver = declared_waiver.and_then(|(waiver_table, waiver_span)| {
            let mut waiver_reader = Reader::new(waiver_table, waiver_span, WAIVER_KEYS);
            let mode = waiver_reader.word(self, "mode", WAIVER_MODES, true);
            let days = waiver_reader.count(self, "days");
            if days.is_none() {
                self.error(waiver_span, Problem::MissingKey { key: "days" });
            }
            let commitment = waiver_reader.bilingual(self, "commitment", true);
            waiver_reader.finish(self);
            let mode = if mode?.0 == "accept" { WaiverMode::Accept } else { WaiverMode::Process };
            Some(Waiver { mode, days: saturate(days?), commitment: commitment? })
        });
        let commitment_letter = reader.bilingual(self, "commitment_letter", false);
        let e_certificate = reader.bilingual(self, "e_certificate", false);
        reader.finish(self);
        let (id, id_span) = id?;
        // Declared is enough: a key material may never be waivable, complete waiver or not.
        if let (true, Some(waiver_span)) = (key, waiver_span) {
            self.error(waiver_span, Problem::KeyMaterialWaivable { item: item.to_owned(), material: id.clone() });
        }
        self.material_references.push((MaterialId::new(id.as_str()), self.place(id_span)));
        let rules = MaterialRules { key, waiver, commitment_letter, e_certificate };
        Some(MaterialNeed {
            material: MaterialId::new(id),
            originals: saturate_u8(originals),
            copies: saturate_u8(copies),
            condition,
            rules,
        })
    }

    /// The pinyin of a bundle's name: lower-case syllables without tones, one per Chinese
    /// character of the name. Missing, search by pinyin cannot find the bundle (a warning).
    fn pinyin(&mut self, id: &str, name: &Text, pinyin: Option<(String, Span)>, id_span: Span) -> Vec<String> {
        let characters = name.zh.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
        let Some((text, span)) = pinyin else {
            self.report_at(self.place(id_span), Severity::Warning, Problem::NoPinyin { bundle: id.to_owned() });
            return Vec::new();
        };
        let syllables: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
        let well_formed = syllables.iter().all(|s| s.chars().all(|c| c.is_ascii_lowercase() || c == 'ü'));
        if !well_formed || syllables.len() != characters {
            let problem = Problem::PinyinMismatch { bundle: id.to_owned(), syllables: syllables.len(), characters };
            self.error(span, problem);
        }
        syllables
    }

    fn read_bundle(&mut self, table: &DeTable<'s>, span: Span) {
        let mut reader = Reader::new(table, span, BUNDLE_KEYS);
        let id = reader.required_text(self, "id");
        let name = reader.bilingual(self, "name", true);
        let summary = reader.bilingual(self, "summary", true);
        let category = reader.word(self, "category", CATEGORIES, true).map(|(word, _)| {
            if word == "enterprise" {
                Category::Enterprise
            } else {
                Category::Personal
            }
        });
        let pinyin = reader.text(self, "pinyin");
        let mut questions = Vec::new();
        if let Some(list) = reader.array(self, "questions") {
            for entry in list.iter() {
                match entry.get_ref() {
                    DeValue::String(field) => {
                        self.field_references.push((FieldId::new(field.as_ref()), self.place(span_of(entry))));
                        questions.push((FieldId::new(field.as_ref()), span_of(entry)));
                    }
                    _ => self.error(
                        span_of(entry),
                        Problem::WrongType { key: "questions".into(), expected: "a list of texts" },
                    ),
                }
            }
        }
        let max_waived = reader.count(self, "max_waived").map(saturate_u8);
        let mut items = Vec::new();
        if let Some(list) = reader.array(self, "item") {
            for entry in list.iter() {
                let Some(item_table) = self.table(entry, "item") else {
                    continue;
                };
                let mut item_reader = Reader::new(item_table, span_of(entry), BUNDLE_ITEM_KEYS);
                let item = item_reader.required_text(self, "id");
                let condition = item_reader.text(self, "condition").and_then(|(text, at)| self.condition(&text, at));
                item_reader.finish(self);
                if let Some((item, item_span)) = item {
                    self.item_references.push((ItemId::new(item.as_str()), self.place(item_span)));
                    items.push(BundleItem { item: ItemId::new(item), condition });
                }
            }
        }
        reader.finish(self);
        let (Some((id, id_span)), Some(name), Some(summary), Some(category)) = (id, name, summary, category) else {
            return;
        };
        if items.is_empty() {
            self.error(id_span, Problem::BundleWithoutItems { bundle: id.clone() });
        }
        let syllables = self.pinyin(&id, &name, pinyin, id_span);
        let bundle_id = BundleId::new(id.as_str());
        if self.register(|l| &mut l.bundle_places, "bundle", &bundle_id, &id, id_span) {
            for (question, question_span) in &questions {
                self.conditions.push(PendingCondition {
                    place: self.place(*question_span),
                    condition: Condition { source: String::new(), expr: question_marker(question) },
                });
            }
            self.catalog.bundles.push(Bundle {
                id: bundle_id,
                name,
                summary,
                category,
                pinyin: syllables,
                questions: questions.into_iter().map(|(field, _)| field).collect(),
                items,
                waiver_policy: WaiverPolicy { max_waived },
            });
        }
    }

    fn read_calendar(&mut self, table: &DeTable<'s>, span: Span) {
        let mut reader = Reader::new(table, span, CALENDAR_KEYS);
        let year = reader.count(self, "year");
        let mut arrangement = CalendarYear::default();
        let holidays = reader.array(self, "holidays").map(|list| self.dates(list, "holidays", year));
        let working = reader.array(self, "working_weekends").map(|list| self.dates(list, "working_weekends", year));
        reader.finish(self);
        let Some(year) = year else {
            self.error(span, Problem::MissingKey { key: "year" });
            return;
        };
        arrangement.holidays = holidays.unwrap_or_default();
        arrangement.working_weekends = working.unwrap_or_default();
        let year = saturate(year);
        if self.register(|l| &mut l.calendar_places, "calendar year", &year, &year.to_string(), span) {
            self.catalog.calendar.insert_year(year, arrangement);
        }
    }

    /// Reads dates and ranges (`2026-10-01..2026-10-08`) of one calendar year.
    fn dates(&mut self, list: &DeArray<'s>, key: &str, year: Option<u32>) -> BTreeSet<Date> {
        let mut dates = BTreeSet::new();
        for entry in list.iter() {
            let entry_span = span_of(entry);
            let DeValue::String(text) = entry.get_ref() else {
                self.error(entry_span, Problem::WrongType { key: key.to_owned(), expected: "a list of texts" });
                continue;
            };
            let (from, to) = text.split_once("..").unwrap_or((text.as_ref(), text.as_ref()));
            // A holiday lasts days, not years: a range longer than a year is a typo, and would
            // otherwise list millions of days.
            let range = match (Date::parse_iso(from.trim()), Date::parse_iso(to.trim())) {
                (Some(from), Some(to)) => {
                    Some((from, to.days_since_epoch().saturating_sub(from.days_since_epoch()).max(0)))
                        .filter(|(_, length)| *length <= 366)
                }
                _ => None,
            };
            let Some((from, length)) = range else {
                let problem = Problem::BadValue {
                    key: key.to_owned(),
                    value: text.to_string(),
                    expected: "a date (2026-01-31) or a range (2026-10-01..2026-10-08)",
                };
                self.error(entry_span, problem);
                continue;
            };
            for offset in 0..=length {
                let Some(date) = from.add_days(offset) else {
                    continue;
                };
                if year.is_some_and(|year| u32::from(date.year()) != year) {
                    let problem =
                        Problem::CalendarDateOutsideYear { year: saturate(year.unwrap_or(0)), date: date.to_string() };
                    self.error(entry_span, problem);
                    break;
                }
                dates.insert(date);
            }
        }
        dates
    }

    /// Cross-file checks, once every file is read.
    fn check_references(&mut self) {
        for (field, place) in std::mem::take(&mut self.field_references) {
            if !self.field_places.contains_key(&field) {
                self.report_at(
                    place,
                    Severity::Error,
                    Problem::UnknownReference { kind: "field", id: field.to_string() },
                );
            }
        }
        for (material, place) in std::mem::take(&mut self.material_references) {
            if !self.material_places.contains_key(&material) {
                let problem = Problem::UnknownReference { kind: "material", id: material.to_string() };
                self.report_at(place, Severity::Error, problem);
            }
        }
        for (item, place) in std::mem::take(&mut self.item_references) {
            if !self.item_places.contains_key(&item) {
                self.report_at(
                    place,
                    Severity::Error,
                    Problem::UnknownReference { kind: "item", id: item.to_string() },
                );
            }
        }
        for pending in std::mem::take(&mut self.conditions) {
            if pending.condition.source.is_empty() {
                // A situation question: it must be a yes/no or one-of field.
                if let cond::ExprKind::Field(field) = &pending.condition.expr.kind {
                    let is_choice =
                        self.catalog.field(field).map(|f| matches!(f.kind, FieldKind::YesNo | FieldKind::OneOf));
                    if is_choice == Some(false) {
                        self.report_at(
                            pending.place,
                            Severity::Error,
                            Problem::QuestionNotAChoice { field: field.to_string() },
                        );
                    }
                }
                continue;
            }
            let offset = pending.place.span.start.saturating_add(1);
            for error in super::cond_check::check(&pending.condition.expr, &self.catalog.fields) {
                let span = Span::new(offset.saturating_add(error.span.start), offset.saturating_add(error.span.end));
                let place = Place { file: pending.place.file, span };
                self.report_at(place, Severity::Error, Problem::Condition(ConditionError::Type(error)));
            }
        }
        let derived: Vec<(FieldId, FieldId)> = self
            .catalog
            .fields
            .values()
            .filter_map(|field| field.derived.as_ref().map(|derived| (field.id.clone(), derived.from.clone())))
            .collect();
        for (field, from) in derived {
            if self.catalog.field(&from).is_some_and(|source| source.kind != FieldKind::IdNumber) {
                let Some(&place) = self.field_places.get(&field) else { continue };
                self.report_at(
                    place,
                    Severity::Error,
                    Problem::DerivedFromNonId { field: field.to_string(), from: from.to_string() },
                );
            }
        }
        // The calendar must have no gaps between its first and last year.
        let years: Vec<u16> = self.catalog.calendar.years().map(|(year, _)| *year).collect();
        if let (Some(first), Some(last)) = (years.first(), years.last()) {
            for year in *first..=*last {
                if !years.contains(&year) {
                    let Some(&place) = self.calendar_places.get(last) else { continue };
                    self.report_at(place, Severity::Error, Problem::CalendarGap { year });
                }
            }
        }
        self.check_unused();
        self.check_conditions_read_asked_fields();
    }

    /// Every field a bundle's conditions read must be one the bundle asks: a situation question,
    /// a field of one of its items' forms, or a field derived from one of those.
    fn check_conditions_read_asked_fields(&mut self) {
        let mut problems = Vec::new();
        for bundle in &self.catalog.bundles {
            let items: Vec<&Item> =
                bundle.items.iter().filter_map(|entry| self.catalog.items.get(&entry.item)).collect();
            let mut asked: BTreeSet<&FieldId> = bundle.questions.iter().collect();
            asked.extend(items.iter().flat_map(|item| item.fields.iter().map(|field| &field.field)));
            let derived_from_asked = |id: &FieldId| {
                self.catalog.field(id).and_then(|field| field.derived.as_ref()).is_some_and(|d| asked.contains(&d.from))
            };
            // (what reads, its condition)
            let mut readers: Vec<(String, &Condition)> = Vec::new();
            for entry in &bundle.items {
                if let Some(condition) = &entry.condition {
                    readers.push((entry.item.to_string(), condition));
                }
            }
            for item in &items {
                for need in &item.materials {
                    if let Some(condition) = &need.condition {
                        readers.push((format!("{} / {}", item.id, need.material), condition));
                    }
                }
            }
            for id in &asked {
                if let Some(field) = self.catalog.field(id) {
                    if let Some(condition) = &field.condition {
                        readers.push((field.id.to_string(), condition));
                    }
                    for check in &field.checks {
                        readers.push((field.id.to_string(), &check.rule));
                    }
                }
            }
            for (read_by, condition) in readers {
                for field in condition.expr.fields() {
                    if !asked.contains(field) && !derived_from_asked(field) && self.catalog.field(field).is_some() {
                        let problem = Problem::ConditionReadsUnasked {
                            bundle: bundle.id.to_string(),
                            field: field.to_string(),
                            read_by: read_by.clone(),
                        };
                        if !problems.contains(&(bundle.id.clone(), problem.clone())) {
                            problems.push((bundle.id.clone(), problem));
                        }
                    }
                }
            }
        }
        for (bundle, problem) in problems {
            if let Some(place) = self.bundle_places.get(&bundle).copied() {
                self.report_at(place, Severity::Error, problem);
            }
        }
    }

    fn check_unused(&mut self) {
        let mut used_fields: BTreeSet<FieldId> = BTreeSet::new();
        let mut used_materials: BTreeSet<MaterialId> = BTreeSet::new();
        let mut used_items: BTreeSet<ItemId> = BTreeSet::new();
        for bundle in &self.catalog.bundles {
            used_fields.extend(bundle.questions.iter().cloned());
            for entry in &bundle.items {
                used_items.insert(entry.item.clone());
                if let Some(condition) = &entry.condition {
                    used_fields.extend(condition.expr.fields().into_iter().cloned());
                }
            }
        }
        // A field a condition reads is used; whether the bundle asks it is checked separately.
        for item in self.catalog.items.values() {
            used_fields.extend(item.fields.iter().map(|field| field.field.clone()));
            used_materials.extend(item.materials.iter().map(|need| need.material.clone()));
            for condition in item.materials.iter().filter_map(|need| need.condition.as_ref()) {
                used_fields.extend(condition.expr.fields().into_iter().cloned());
            }
        }
        for field in self.catalog.fields.values() {
            if let Some(derived) = &field.derived {
                used_fields.insert(derived.from.clone());
            }
        }
        let unused: Vec<(Place, &'static str, String)> = self
            .field_places
            .iter()
            .filter(|(id, _)| !used_fields.contains(*id))
            .map(|(id, place)| (*place, "field", id.to_string()))
            .chain(
                self.material_places
                    .iter()
                    .filter(|(id, _)| !used_materials.contains(*id))
                    .map(|(id, place)| (*place, "material", id.to_string())),
            )
            .chain(
                self.item_places
                    .iter()
                    .filter(|(id, _)| !used_items.contains(*id))
                    .map(|(id, place)| (*place, "item", id.to_string())),
            )
            .collect();
        for (place, kind, id) in unused {
            self.report_at(place, Severity::Warning, Problem::Unused { kind, id });
        }
    }
}

/// Stands for a situation question in the queue of checks (an empty source marks it).
fn question_marker(field: &FieldId) -> cond::Expr {
    cond::Expr { kind: cond::ExprKind::Field(field.clone()), span: Span::default() }
}

/// Reads the keys of one table, remembering which it used so that unknown ones are reported.
struct Reader<'t, 's> {
    table: &'t DeTable<'s>,
    span: Span,
    known: &'static [&'static str],
}

impl<'t, 's> Reader<'t, 's> {
    fn new(table: &'t DeTable<'s>, span: Span, known: &'static [&'static str]) -> Self {
        Reader { table, span, known }
    }

    fn get(&self, key: &str) -> Option<&'t Spanned<DeValue<'s>>> {
        self.table.iter().find(|(name, _)| name.get_ref().as_ref() == key).map(|(_, value)| value)
    }

    fn text(&self, loader: &mut Loader<'s>, key: &str) -> Option<(String, Span)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(text) => Some((text.to_string(), span_of(value))),
            _ => {
                loader.error(span_of(value), Problem::WrongType { key: key.to_owned(), expected: "a text" });
                None
            }
        }
    }

    fn required_text(&self, loader: &mut Loader<'s>, key: &'static str) -> Option<(String, Span)> {
        if self.get(key).is_none() {
            loader.error(self.span, Problem::MissingKey { key });
            return None;
        }
        self.text(loader, key).filter(|(text, span)| {
            if text.trim().is_empty() {
                loader.error(*span, Problem::MissingKey { key });
            }
            !text.trim().is_empty()
        })
    }

    fn word(
        &self,
        loader: &mut Loader<'s>,
        key: &'static str,
        allowed: &'static [&'static str],
        required: bool,
    ) -> Option<(String, Span)> {
        let (word, span) = if required { self.required_text(loader, key)? } else { self.text(loader, key)? };
        if !allowed.contains(&word.as_str()) {
            loader.error(span, Problem::UnknownValue { key: key.to_owned(), value: word, allowed });
            return None;
        }
        Some((word, span))
    }

    fn boolean(&self, loader: &mut Loader<'s>, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(flag) => Some(*flag),
            _ => {
                loader.error(span_of(value), Problem::WrongType { key: key.to_owned(), expected: "true or false" });
                None
            }
        }
    }

    fn count(&self, loader: &mut Loader<'s>, key: &str) -> Option<u32> {
        let value = self.get(key)?;
        let number = match value.get_ref() {
            DeValue::Integer(integer) => u64::from_str_radix(&integer.as_str().replace('_', ""), integer.radix()).ok(),
            _ => None,
        };
        if number.is_none() {
            loader.error(span_of(value), Problem::WrongType { key: key.to_owned(), expected: "a whole number" });
        }
        number.and_then(|n| u32::try_from(n).ok())
    }

    fn array(&self, loader: &mut Loader<'s>, key: &str) -> Option<&'t DeArray<'s>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Array(array) => Some(array),
            _ => {
                loader.error(span_of(value), Problem::WrongType { key: key.to_owned(), expected: "a list" });
                None
            }
        }
    }

    fn sub_table(&self, loader: &mut Loader<'s>, key: &str) -> Option<(&'t DeTable<'s>, Span)> {
        let value = self.get(key)?;
        loader.table(value, key).map(|table| (table, span_of(value)))
    }

    /// A `{ zh = "…", en = "…" }` table; both languages must be there and non-empty.
    fn bilingual(&self, loader: &mut Loader<'s>, key: &str, required: bool) -> Option<Text> {
        let Some(value) = self.get(key) else {
            if required {
                loader.error(self.span, Problem::MissingKey { key: static_key(key) });
            }
            return None;
        };
        let DeValue::Table(table) = value.get_ref() else {
            loader
                .error(span_of(value), Problem::WrongType { key: key.to_owned(), expected: "a table with zh and en" });
            return None;
        };
        let mut inner = Reader::new(table, span_of(value), &["zh", "en"]);
        let mut read = |lang: Lang, name: &str| match inner.text(loader, name) {
            Some((text, _)) if !text.trim().is_empty() => Some(text),
            _ => {
                loader.error(span_of(value), Problem::MissingTranslation { key: key.to_owned(), lang });
                None
            }
        };
        let zh = read(Lang::Zh, "zh");
        let en = read(Lang::En, "en");
        inner.finish(loader);
        Some(Text::new(zh?, en?))
    }

    fn finish(&mut self, loader: &mut Loader<'s>) {
        for (name, _) in self.table.iter() {
            if !self.known.contains(&name.get_ref().as_ref()) {
                loader.error(span_of(name), Problem::UnknownKey { key: name.get_ref().to_string(), known: self.known });
            }
        }
    }
}

/// The static name of a required bilingual key, for [`Problem::MissingKey`].
fn static_key(key: &str) -> &'static str {
    ["title", "label", "name", "description", "department", "summary", "commitment", "message", "pattern_message"]
        .into_iter()
        .find(|known| *known == key)
        .unwrap_or("text")
}

fn saturate(value: u32) -> u16 {
    u16::try_from(value).unwrap_or(u16::MAX)
}

fn saturate_u8(value: u32) -> u8 {
    u8::try_from(value).unwrap_or(u8::MAX)
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
