//! `data/application.json` (申请数据): what the applicant filled in and provided, in a
//! documented, versioned format (`docs/packet.md`). Its SHA-256 is the packet's fingerprint:
//! nothing in it shows the fingerprint, so the fingerprint is recomputed from this file alone.

use serde::{Deserialize, Serialize};

use crate::attachment::Shape;
use crate::catalog::FileType;
use crate::date::Date;
use crate::provision::Provision;
use crate::text::{Lang, Text};

/// The `format` marker of the document.
pub const FORMAT: &str = "yibiao-packet";
/// The version this build writes; a reader refuses a newer one.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationDocument {
    pub format: String,
    pub version: u32,
    pub catalog: CatalogRef,
    pub bundle: Named,
    pub language: Lang,
    /// When the packet was made: UTC, as an iCalendar-style stamp, and in milliseconds.
    pub created: String,
    pub created_ms: u64,
    /// The situation answers, then the combined form's, in the order asked, canonical.
    pub answers: Vec<Answer>,
    pub items: Vec<Item>,
    pub materials: Vec<Material>,
    pub verdict: VerdictRecord,
    /// Who helped prepare it (帮办代办), when someone did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helper: Option<crate::helper::Helper>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogRef {
    pub version: String,
    /// The SHA-256 of the catalog's compact form: the exact definitions filled against.
    pub digest: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: String,
    pub name: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub field: String,
    pub label: Text,
    pub value: String,
    /// The chosen option's words, for a choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<Text>,
    /// The items whose forms ask for it (none for a situation question).
    pub used_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub name: Text,
    pub department: Text,
    pub legal_days: u16,
    pub promised_days: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    pub id: String,
    pub name: Text,
    pub originals: u8,
    pub copies: u8,
    pub needed_by: Vec<String>,
    /// How it is provided; `None` when not chosen yet.
    pub provided: Option<Provision>,
    /// The last working day to supply a waived material (容缺).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<File>,
}

/// An attached file, as it lies in the packet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct File {
    /// Its path under `data/`.
    pub path: String,
    /// Its name on the applicant's device.
    pub original_name: String,
    pub media_type: String,
    pub file_type: FileType,
    pub size: u64,
    pub sha256: String,
    /// GB/T 32905, for receiving systems that use the national algorithms.
    pub sm3: String,
    pub shape: Shape,
    pub added_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictRecord {
    /// `ready`, `ready_with_commitments` or `not_ready`.
    pub outcome: String,
    /// What stands in the way, or what was promised, in both languages.
    pub reasons: Vec<Text>,
}

impl FileType {
    /// Its media type (RFC 6838).
    pub fn media_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Jpeg => "image/jpeg",
            FileType::Png => "image/png",
        }
    }

    /// Its usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Jpeg => "jpg",
            FileType::Png => "png",
        }
    }
}
