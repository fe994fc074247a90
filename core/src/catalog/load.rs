//! Reads a catalog from TOML sources (目录加载): every file of `assets/catalog/`, or a file an
//! administrator picks at run time. Nothing here reads the disk; sources come in as text.
//!
//! It never stops at the first problem: it reads everything it can and returns the catalog with
//! every [`Diagnostic`], each placed at its file, line and column.

// Catalog files are untrusted: nothing here may index or count past an end (the lints of
// `untrusted_input!`, where `catalog/mod.rs` declares this module).

use crate::sorted_map::{SortedMap, SortedSet};

use toml::de::{DeArray, DeTable, DeValue};
use toml::Spanned;

use super::diagnostic::{Diagnostic, Problem, Severity};
use super::*;
use crate::calendar::{CalendarYear, HolidayCalendar};
use crate::cond::{self, ConditionError, Span};
use crate::date::Date;
use crate::text::{Lang, Text};
use crate::value::number::{parse_number, NumberKind};

mod fields;
mod bundles;
mod items;
mod keys;
mod reader;
mod references;

use keys::*;
use reader::*;
use references::*;

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
    field_places: SortedMap<FieldId, Place>,
    material_places: SortedMap<MaterialId, Place>,
    item_places: SortedMap<ItemId, Place>,
    bundle_places: SortedMap<BundleId, Place>,
    section_places: SortedMap<String, Place>,
    calendar_places: SortedMap<u16, Place>,
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
                fields: SortedMap::new(),
                materials: SortedMap::new(),
                items: SortedMap::new(),
                bundles: Vec::new(),
                calendar: HolidayCalendar::new(),
                definitions: SortedMap::new(),
            },
            field_places: SortedMap::new(),
            material_places: SortedMap::new(),
            item_places: SortedMap::new(),
            bundle_places: SortedMap::new(),
            section_places: SortedMap::new(),
            calendar_places: SortedMap::new(),
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
        let mut catalog = loader.catalog;
        if !has_errors(&checked) {
            catalog.definitions = super::pieces::definitions(&catalog);
        }
        (catalog, refused.into_iter().chain(checked).collect())
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
        places: fn(&mut Self) -> &mut SortedMap<K, Place>,
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
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
