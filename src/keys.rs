//! Every name the app keeps something under on the device (存储键名), in one place, so that no
//! two parts ever write the same key and a reader sees at once what a device holds.
//! `localStorage` keys first, then the IndexedDB databases.

/// The drafts: one versioned document (`yibiao_core::draft`).
pub const DRAFT: &str = "yibiao.draft";
/// The first copy of a draft this version could not read; further copies have a number after
/// it (`.2` … `.100`), and each copy's time is under its key followed by
/// [`SET_ASIDE_FOUND`] (`crate::set_aside`).
pub const SET_ASIDE_FIRST: &str = "yibiao.draft.unreadable";
/// The suffix of the key holding when a copy was set aside (milliseconds since 1970).
pub const SET_ASIDE_FOUND: &str = ".found";
/// Set while a catalog an administrator loaded is kept in [`CATALOG_DATABASE`], so that the
/// app starts at once, without opening the database, on the many devices that have none.
pub const CATALOG_MARKER: &str = "yibiao.catalog.indexeddb";
/// Where earlier versions kept a loaded catalog's compact form and its TOML files; read once
/// to move them into the database, then removed.
pub const OLD_CATALOG_COMPACT: &str = "yibiao.catalog.compact";
pub const OLD_CATALOG_SOURCES: &str = "yibiao.catalog";

/// The IndexedDB database of attached files, by content id (`platform::file_store`).
pub const FILES_DATABASE: &str = "yibiao";
/// The IndexedDB database of a catalog loaded on this device (`platform::catalog_store`).
pub const CATALOG_DATABASE: &str = "yibiao-catalog";
