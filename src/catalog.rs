//! The catalog the app uses: the one built in (assets/catalog, checked at build time and
//! embedded in compact form by build.rs), unless an administrator has loaded another one on this
//! device (on the separate catalog page, `admin.html`, the only part that parses TOML).

use yibiao_core::catalog::{compact, Source};
use yibiao_core::Catalog;

use crate::platform::catalog_store::StoredCatalog;

include!(concat!(env!("OUT_DIR"), "/catalog_sources.rs"));

/// The shipped catalog in compact form.
const SHIPPED_COMPACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));

/// Which catalog is in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogOrigin {
    /// The one built into the app.
    BuiltIn,
    /// One an administrator loaded on this device.
    Loaded,
}

/// The shipped catalog's TOML files, for the catalog page.
pub fn shipped_sources() -> Vec<Source> {
    CATALOG_SOURCES.iter().map(|(path, text)| Source { path: (*path).to_owned(), text: (*text).to_owned() }).collect()
}

/// The shipped catalog. The build refused any catalog with errors and wrote this one itself.
pub fn shipped() -> Catalog {
    compact::decode(SHIPPED_COMPACT).expect("build.rs wrote the shipped catalog in this very format")
}

/// The catalog to use: the one loaded on this device if it can still be read, else the shipped
/// one. The flag is set when a stored catalog had to be set aside (damaged, from another
/// version, or kept by an earlier version without its compact form: then it is loaded again).
pub fn active(loaded: Option<&StoredCatalog>) -> (Catalog, CatalogOrigin, bool) {
    match loaded {
        Some(loaded) => match compact::decode_text(&loaded.compact) {
            Some(catalog) => (catalog, CatalogOrigin::Loaded, false),
            None => (shipped(), CatalogOrigin::BuiltIn, true),
        },
        None => (shipped(), CatalogOrigin::BuiltIn, false),
    }
}
