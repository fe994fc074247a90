//! Opens a packet again: unzip within limits, verify the bag, read the document, check the
//! fingerprint and every file against it, and give back a draft to continue (or to show at the
//! window), with its files.

use crate::sorted_map::SortedMap;

use super::document::{self, ApplicationDocument};
use super::export::PacketError;
use super::sha256_hex;
use super::unzip::{self, Limits};
use super::verify::{verify, VerifyError};
use crate::attachment::Attachment;
use crate::catalog::{BundleId, Catalog, MaterialId};
use crate::provision::Provision;
use crate::session::{Application, DraftId};

/// A packet opened and checked: the document, and the draft it continues as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub fingerprint: String,
    pub document: ApplicationDocument,
    /// The draft to continue, with the id given.
    pub application: Application,
    /// The attached files' bytes, by attachment id (their SHA-256).
    pub files: SortedMap<String, Vec<u8>>,
}

/// Opens a packet: every check of the container, the bag and the document, in that order.
pub fn open(bytes: &[u8], catalog: &Catalog, id: DraftId, now_ms: u64) -> Result<Opened, PacketError> {
    let entries = unzip::read(bytes, Limits::default()).map_err(PacketError::Unzip)?;
    let bag = verify(entries).map_err(PacketError::Bag)?;
    let json =
        bag.payload.get("application.json").ok_or_else(|| PacketError::Document { detail: "missing".to_owned() })?;
    let fingerprint = sha256_hex(json);
    if bag.info("External-Identifier").is_some_and(|named| named != fingerprint) {
        return Err(PacketError::Fingerprint);
    }
    let header: serde_json::Value = serde_json::from_slice(json)
        .map_err(|error| PacketError::Document { detail: format!("line {}", error.line()) })?;
    if header.get("format").and_then(|f| f.as_str()) != Some(document::FORMAT) {
        return Err(PacketError::Document { detail: "format".to_owned() });
    }
    match header.get("version").and_then(serde_json::Value::as_u64) {
        Some(found) if found > u64::from(document::VERSION) => {
            return Err(PacketError::NewerFormat { found: u32::try_from(found).unwrap_or(u32::MAX) })
        }
        Some(_) => {}
        None => return Err(PacketError::Document { detail: "version".to_owned() }),
    }
    let document: ApplicationDocument = serde_json::from_slice(json).map_err(|error| PacketError::Document {
        detail: format!("line {}, column {}", error.line(), error.column()),
    })?;
    let bundle = BundleId::new(&document.bundle.id);
    if catalog.bundle(&bundle).is_none() {
        return Err(PacketError::UnknownBundle { bundle: document.bundle.id.clone() });
    }
    let mut application = Application::new(id, bundle, &document.catalog.version, now_ms);
    // The packet names its bundle's definition (the digest of its piece of the catalog).
    application.definition = document.catalog.digest.clone();
    application.helper = document.helper.clone();
    for answer in &document.answers {
        application.answers.insert(crate::catalog::FieldId::new(&answer.field), answer.value.clone());
    }
    let mut files = SortedMap::new();
    for material in &document.materials {
        for file in &material.files {
            let bytes =
                bag.payload.get(&file.path).ok_or_else(|| PacketError::Document { detail: file.path.clone() })?;
            // The bag check hashed every payload file: the document's claim must be that hash.
            if bag.digests.get(&file.path) != Some(&file.sha256.to_ascii_lowercase()) {
                return Err(PacketError::Bag(VerifyError::Changed { path: format!("data/{}", file.path) }));
            }
            let attachment = Attachment {
                id: file.sha256.clone(),
                name: file.original_name.clone(),
                file_type: file.file_type,
                size: file.size,
                shape: file.shape,
                added_ms: file.added_ms,
                thumbnail: None,
                checksums: None,
            };
            application.attachments.insert(attachment.id.clone(), attachment);
            files.insert(file.sha256.clone(), bytes.clone());
        }
        if let Some(provided) = &material.provided {
            let provided = match provided {
                Provision::Attached { .. } => {
                    Provision::Attached { files: material.files.iter().map(|f| f.sha256.clone()).collect() }
                }
                other => other.clone(),
            };
            application.provisions.insert(MaterialId::new(&material.id), provided);
        }
    }
    application.seen = Some(std::rc::Rc::new(snapshot_of(&document)));
    Ok(Opened { fingerprint, document, application, files })
}

/// What the packet's plan asked, as its document records it, so that a catalog of another
/// version can tell the window and the applicant what it changes, item by item, field by
/// field and material by material. The document keeps answered fields only.
fn snapshot_of(document: &ApplicationDocument) -> crate::catalog_change::Snapshot {
    crate::catalog_change::Snapshot {
        catalog_version: document.catalog.version.clone(),
        items: document.items.iter().map(|item| (crate::catalog::ItemId::new(&item.id), item.name.clone())).collect(),
        fields: document
            .answers
            .iter()
            .map(|answer| (crate::catalog::FieldId::new(&answer.field), answer.label.clone()))
            .collect(),
        materials: document.materials.iter().map(|m| (MaterialId::new(&m.id), m.name.clone())).collect(),
        answered_only: true,
    }
}
