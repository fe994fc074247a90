//! What the tests of the shipped catalog share: the catalog as `assets/catalog` holds it
//! (checked clean), the day they are set on, and a bundle's named set of answers.

use std::path::Path;

use yibiao_core::catalog::{load, read_folder};
use yibiao_core::plan::Answers;
use yibiao_core::{Catalog, Date, FieldId};

/// The shipped catalog; it must load without a diagnostic.
pub fn catalog() -> Catalog {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog");
    let (catalog, diagnostics) = load(&read_folder(&folder).expect("assets/catalog"));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    catalog
}

/// The day every test of the shipped catalog is set on.
pub fn today() -> Date {
    Date::from_ymd(2026, 11, 23).expect("valid")
}

/// A bundle and one named set of answers (a situation, or answers that contradict each other).
pub struct AnswerSet {
    pub bundle: &'static str,
    pub name: &'static str,
    pub answers: &'static [(&'static str, &'static str)],
}

impl AnswerSet {
    pub fn answers(&self) -> Answers {
        self.answers.iter().map(|(field, value)| (FieldId::new(*field), (*value).to_owned())).collect()
    }
}
