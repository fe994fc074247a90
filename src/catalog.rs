//! The catalog the app uses (使用中的目录). The applicants' app starts from the published index
//! served beside it (`catalog-index.bin`, written by `yibiao-catalog publish`) and loads a
//! bundle's piece when the bundle, or a draft of it, is opened; each piece is checked against
//! the digest its card names. A catalog an administrator loaded on this device (on the separate
//! catalog page, `admin.html`, the only part that parses TOML) is kept in the same pieces, all
//! of them on the device, and wins over the published one.

use std::rc::Rc;

use yibiao_core::catalog::pieces::{self, BundleCard, Index, PieceError, Published};
use yibiao_core::catalog::Source;
use yibiao_core::{BundleId, Catalog};

use crate::platform::catalog_store::StoredCatalog;

include!(concat!(env!("OUT_DIR"), "/catalog_sources.rs"));

/// The published index's file name, beside the app.
pub const INDEX_FILE: &str = "catalog-index.bin";

/// A bundle's piece's file name, beside the app.
pub fn piece_file(card: &BundleCard) -> String {
    format!("catalog-{}.bin", card.piece)
}

/// The bytes of `card`'s piece: on a page, read from the service worker's cache when it keeps
/// it; else fetched beside the app (from a page or the packet worker; through the service
/// worker's cache when offline). Not yet checked: `InUse::with_piece` and `pieces::absorb` do
/// that (and a refused copy is dropped from the cache).
pub async fn fetch_piece(card: &BundleCard) -> Result<Vec<u8>, PieceFailure> {
    let file = piece_file(card);
    if let Some(kept) = crate::platform::service_worker::kept_piece(&file).await {
        return Ok(kept);
    }
    crate::platform::fetch::bytes(&file).await.map_err(PieceFailure::from)
}

/// Which catalog is in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogOrigin {
    /// The one published beside the app.
    BuiltIn,
    /// One an administrator loaded on this device.
    Loaded,
}

/// The catalog in use: its index, and the catalog of every piece read so far with their bytes
/// (which the packet worker is sent, and checks again).
#[derive(Debug, Clone)]
pub struct InUse {
    pub index: Rc<Index>,
    pub catalog: Catalog,
    pub published: Rc<Published>,
    pub origin: CatalogOrigin,
}

/// Two are the same catalog when they share the index and have as many bundles loaded: every
/// piece is checked against that index and bundles are only ever added, so nothing else can
/// differ (and catalogs are never compared definition by definition, which would cost the module
/// the comparison of every catalog type).
impl PartialEq for InUse {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.index, &other.index) && self.catalog.bundles.len() == other.catalog.bundles.len()
    }
}

impl InUse {
    /// The catalog of a published index, with no bundle loaded yet.
    pub fn from_index(bytes: Vec<u8>) -> Result<InUse, PieceError> {
        let index = pieces::read_index(&bytes)?;
        let catalog = index.catalog();
        let published = Published { index: bytes, pieces: Vec::new() };
        Ok(InUse { index: Rc::new(index), catalog, published: Rc::new(published), origin: CatalogOrigin::BuiltIn })
    }

    /// No catalog at all: its index could not be had. Drafts stay; nothing can be opened.
    pub fn none() -> InUse {
        let index =
            Index { version: String::new(), sections: Vec::new(), calendar: Default::default(), cards: Vec::new() };
        let published = Published { index: Vec::new(), pieces: Vec::new() };
        InUse {
            catalog: index.catalog(),
            index: Rc::new(index),
            published: Rc::new(published),
            origin: CatalogOrigin::BuiltIn,
        }
    }

    /// Only the bundles a hall's terminal offers (`kiosk.json`): the others are not shown,
    /// found or opened there.
    pub fn offering(self, kiosk: &yibiao_core::kiosk::Kiosk) -> InUse {
        if kiosk.bundles.is_none() {
            return self;
        }
        let mut index = (*self.index).clone();
        index.cards.retain(|card| kiosk.offers(&card.id));
        InUse { index: Rc::new(index), ..self }
    }

    /// Whether `bundle`'s piece is loaded.
    pub fn has(&self, bundle: &BundleId) -> bool {
        self.catalog.bundle(bundle).is_some()
    }

    /// This catalog with `bundle`'s piece `bytes` added, once they are what its card names.
    pub fn with_piece(&self, bundle: &BundleId, bytes: Vec<u8>) -> Result<InUse, PieceError> {
        let Some(card) = self.index.card(bundle) else { return Err(PieceError::IndexUnreadable) };
        let mut next = self.clone();
        pieces::absorb(&mut next.catalog, card, &bytes)?;
        let mut published = (*self.published).clone();
        published.pieces.push((card.piece.clone(), bytes));
        next.published = Rc::new(published);
        Ok(next)
    }

    /// What the packet worker is sent: the index and the pieces loaded.
    pub fn worker_text(&self) -> String {
        self.published.encode_text()
    }

    /// The catalog an administrator loaded, every piece of it on the device; `None` when it
    /// cannot be read (damaged, or kept by an earlier version in another form).
    pub fn stored(stored: &StoredCatalog) -> Option<InUse> {
        let published = Published::decode_text(&stored.published)?;
        let (index, catalog) = published.catalog().ok()?;
        Some(InUse { index: Rc::new(index), catalog, published: Rc::new(published), origin: CatalogOrigin::Loaded })
    }

    /// A whole catalog, every piece loaded: the built-in one for the catalog page and the tests.
    pub fn whole(catalog: &Catalog, origin: CatalogOrigin) -> InUse {
        let published = pieces::publish(catalog);
        match published.catalog() {
            Ok((index, catalog)) => InUse { index: Rc::new(index), catalog, published: Rc::new(published), origin },
            Err(_) => InUse::none(),
        }
    }
}

/// The shipped catalog's TOML files, for the catalog page.
pub fn shipped_sources() -> Vec<Source> {
    CATALOG_SOURCES.iter().map(|(path, text)| Source { path: (*path).to_owned(), text: (*text).to_owned() }).collect()
}

/// The shipped catalog, for the catalog page and the in-browser tests (the applicants' app reads
/// the published one instead). The build refused any catalog with errors and wrote this one.
pub fn shipped() -> Catalog {
    const SHIPPED_COMPACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));
    yibiao_core::catalog::compact::decode(SHIPPED_COMPACT)
        .expect("build.rs wrote the shipped catalog in this very format")
}

/// Why the catalog's index or a bundle's piece could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum PieceFailure {
    /// Offline and never kept on this device, or the server is down.
    Unreachable,
    /// The server has no such file (this status).
    Status(u16),
    /// It came, and was refused: not what the index names, or unreadable.
    Refused(PieceError),
}

impl From<crate::platform::fetch::FetchFailure> for PieceFailure {
    fn from(failure: crate::platform::fetch::FetchFailure) -> PieceFailure {
        match failure {
            crate::platform::fetch::FetchFailure::Unreachable => PieceFailure::Unreachable,
            crate::platform::fetch::FetchFailure::Status(status) => PieceFailure::Status(status),
        }
    }
}

/// The catalog to start from, and why it is not the one wanted, if it is not: the one an
/// administrator loaded on this device, else the published index. The pieces of `bundles` (those
/// of the saved drafts) are loaded before the app shows, so that a draft opens where it was left;
/// one that cannot be had is said on its draft.
pub async fn starting(stored: Option<&StoredCatalog>, bundles: &[BundleId]) -> (InUse, Option<crate::notice::Notice>) {
    use crate::notice::Notice;
    let mut problem = None;
    if let Some(stored) = stored {
        match InUse::stored(stored) {
            Some(in_use) => return (in_use, None),
            None => problem = Some(Notice::LoadedCatalogUnusable),
        }
    }
    let index = crate::platform::fetch::bytes(INDEX_FILE).await.map_err(PieceFailure::from);
    let in_use = match index.and_then(|bytes| InUse::from_index(bytes).map_err(PieceFailure::Refused)) {
        Ok(in_use) => in_use,
        Err(failure) => return (InUse::none(), Some(Notice::CatalogUnavailable(failure))),
    };
    (with_saved(in_use, bundles).await, problem)
}

/// `in_use` with the pieces of `bundles` (those of the saved drafts) it lacks, as many as can
/// be had; one that cannot is said on its draft.
pub async fn with_saved(mut in_use: InUse, bundles: &[BundleId]) -> InUse {
    for bundle in bundles {
        if in_use.has(bundle) {
            continue;
        }
        let Some(card) = in_use.index.card(bundle) else { continue };
        let Ok(bytes) = fetch_piece(card).await else { continue };
        if let Ok(next) = in_use.with_piece(bundle, bytes) {
            in_use = next;
        }
    }
    in_use
}

/// The published catalog the first module handed over to the whole app (issue 16), growing
/// `in_use` (from its index when there is none yet) by the pieces it lacks, each checked
/// against the index as if fetched. `None` when the index cannot be read, for the start to
/// read the published one itself.
pub fn handed(in_use: Option<InUse>, published: Published) -> Option<InUse> {
    let mut in_use = match in_use {
        Some(in_use) => in_use,
        None => InUse::from_index(published.index).ok()?,
    };
    for (digest, bytes) in published.pieces {
        let Some(card) = in_use.index.cards.iter().find(|card| card.piece == digest) else { continue };
        let bundle = card.id.clone();
        if in_use.has(&bundle) {
            continue;
        }
        if let Ok(next) = in_use.with_piece(&bundle, bytes) {
            in_use = next;
        }
    }
    Some(in_use)
}
