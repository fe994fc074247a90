//! The catalog the app ships: the TOML files of `assets/catalog`, embedded and checked at build
//! time (build.rs), read once at start-up.

use yibiao_core::catalog::{load, Source};
use yibiao_core::Catalog;

include!(concat!(env!("OUT_DIR"), "/catalog_sources.rs"));

/// The shipped catalog. The build refused any catalog with errors, so this loads clean.
pub fn shipped() -> Catalog {
    let sources: Vec<Source> = CATALOG_SOURCES
        .iter()
        .map(|(path, text)| Source { path: (*path).to_owned(), text: (*text).to_owned() })
        .collect();
    load(&sources).0
}
