//! The compact catalog (目录的紧凑形式): a loaded catalog as JSON, read back without the TOML
//! parser or the checker. The app starts from it; only the catalog page for administrators
//! parses and checks TOML.

use serde::{Deserialize, Serialize};

use super::Catalog;

/// The `format` marker of a compact catalog.
pub const FORMAT: &str = "yibiao-catalog";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    catalog: &'a Catalog,
}

#[derive(Deserialize)]
struct Stored {
    format: String,
    version: u32,
    catalog: Catalog,
}

/// Writes a catalog (one that loaded without errors) in compact form.
pub fn encode(catalog: &Catalog) -> String {
    // Plain data with string keys always serialises.
    serde_json::to_string(&Envelope { format: FORMAT, version: VERSION, catalog }).unwrap_or_default()
}

/// Reads a compact catalog; `None` for anything else, damaged, or of another version.
pub fn decode(text: &str) -> Option<Catalog> {
    let stored: Stored = serde_json::from_str(text).ok()?;
    (stored.format == FORMAT && stored.version == VERSION).then_some(stored.catalog)
}
