//! The catalog the app uses: the TOML files of `assets/catalog`, embedded and checked at build
//! time (build.rs), unless an administrator has loaded another one on this device, which is
//! checked again at every start-up.

use yibiao_core::catalog::{decode_sources, has_errors, load, Source};
use yibiao_core::Catalog;

use crate::platform::storage::Storage;

include!(concat!(env!("OUT_DIR"), "/catalog_sources.rs"));

/// Where a loaded catalog is kept. It holds no personal data.
pub const CATALOG_KEY: &str = "yibiao.catalog";

/// Which catalog is in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogOrigin {
    /// The one built into the app.
    BuiltIn,
    /// One an administrator loaded on this device.
    Loaded,
}

/// The shipped catalog's files.
pub fn shipped_sources() -> Vec<Source> {
    CATALOG_SOURCES.iter().map(|(path, text)| Source { path: (*path).to_owned(), text: (*text).to_owned() }).collect()
}

/// The shipped catalog. The build refused any catalog with errors, so this loads clean.
pub fn shipped() -> Catalog {
    load(&shipped_sources()).0
}

/// The catalog to use: a loaded one if it still checks clean, else the shipped one. The flag
/// is set when a stored catalog had to be set aside.
pub fn active(storage: &Storage) -> (Catalog, CatalogOrigin, bool) {
    if let Ok(Some(text)) = storage.get(CATALOG_KEY) {
        if let Some(sources) = decode_sources(&text) {
            let (catalog, diagnostics) = load(&sources);
            if !has_errors(&diagnostics) {
                return (catalog, CatalogOrigin::Loaded, false);
            }
        }
        return (shipped(), CatalogOrigin::BuiltIn, true);
    }
    (shipped(), CatalogOrigin::BuiltIn, false)
}
