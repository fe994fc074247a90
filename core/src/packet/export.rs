//! Makes the packet of a draft: what `assemble.rs` gathers (`application.json`, the cover
//! sheet, each department's form, the letters, the attachments under `materials/`,
//! `deadlines.ics`), bagged and zipped, byte-stable; or laid out with the attachments' bytes
//! left where they are kept. (`open.rs` opens one again.)

use crate::sorted_map::SortedMap;

pub(super) use super::assemble::{assemble, Assembled};
use super::bag;
use super::digest::FileDigest;
use super::unzip::UnzipError;
use super::verify::VerifyError;
use super::zip::{self, Content, Layout, ZipError};
use crate::catalog::Catalog;
use crate::date::Date;
use crate::session::Application;
use crate::text::{zh_en, Lang};

/// A packet made: its suggested file name, its bytes and its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packet {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// The SHA-256 of `data/application.json`.
    pub fingerprint: String,
}

/// A packet laid out: its suggested file name, its fingerprint, and its bytes as what this
/// module made (headers, pages, letters, manifests) with the attachments' places between,
/// each named by its attachment id, for the page to fill from the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaidOut {
    pub file_name: String,
    pub fingerprint: String,
    pub layout: Layout<String>,
}

/// What is needed to make a packet.
#[derive(Debug, Clone, Copy)]
pub struct Export<'a> {
    pub catalog: &'a Catalog,
    pub application: &'a Application,
    /// The size and digests of the draft's attachments, by attachment id (their bytes are
    /// not needed to make the packet: [`export`] puts them in, or the page does).
    pub files: &'a SortedMap<String, FileDigest>,
    pub today: Date,
    pub created_ms: u64,
    pub lang: Lang,
    pub app_version: &'a str,
    /// What to do next and where (a hall's kiosk says so), for the cover sheet; empty for none.
    pub next_step: &'a str,
}

/// The size and digests of each file of `files`, computed here.
pub fn digests_of(files: &SortedMap<String, Vec<u8>>) -> SortedMap<String, FileDigest> {
    files.iter().map(|(id, bytes)| (id.clone(), FileDigest::of(bytes))).collect()
}

/// Why a packet could not be made or opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PacketError {
    /// Occurs when the draft's bundle cannot be planned with the catalog.
    NoPlan,
    /// Occurs when an attached file's bytes are not on this device.
    FileMissing {
        name: String,
    },
    Zip(ZipError),
    Unzip(UnzipError),
    Bag(VerifyError),
    /// Occurs when `application.json` is missing or not the documented format.
    Document {
        detail: String,
    },
    /// Occurs when the packet was made by a newer version of the format.
    NewerFormat {
        found: u32,
    },
    /// Occurs when `application.json` is not the one the packet's fingerprint names.
    Fingerprint,
    /// Occurs when the loaded catalog has no such bundle.
    UnknownBundle {
        bundle: String,
    },
}

impl PacketError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PacketError::NoPlan => lang
                .pick(
                    "目录中没有这件事的办理方案，无法导出",
                    "the catalog cannot plan this bundle, so it cannot be exported",
                )
                .to_owned(),
            PacketError::FileMissing { name } => zh_en!(
                lang,
                format!("附件“{name}”不在这台设备上，请重新附上后再导出"),
                format!("the attached file “{name}” is not on this device: attach it again, then export")
            ),
            PacketError::Zip(error) => error.message(lang),
            PacketError::Unzip(error) => error.message(lang),
            PacketError::Bag(error) => error.message(lang),
            PacketError::Document { detail } => zh_en!(
                lang,
                format!("申请包中的 application.json 无法读取（{detail}）"),
                format!("the packet's application.json cannot be read ({detail})")
            ),
            PacketError::NewerFormat { found } => zh_en!(
                lang,
                format!("这个申请包由更新版本的一表通制作（格式版本 {found}），请先更新本应用"),
                format!("this packet was made by a newer Yibiao (format version {found}): update the app first")
            ),
            PacketError::Fingerprint => lang
                .pick(
                    "申请包的指纹与申请数据不符：申请数据已被改动",
                    "the packet's fingerprint does not match its application data: the data was changed",
                )
                .to_owned(),
            PacketError::UnknownBundle { bundle } => zh_en!(
                lang,
                format!("本设备的目录中没有这件事（{bundle}），无法打开"),
                format!("the catalog on this device has no bundle “{bundle}”, so the packet cannot be opened")
            ),
        }
    }
}

crate::text::bilingual_error!(PacketError);

/// Makes the packet of `export.application`, with the attachments' bytes from `bytes` (by
/// attachment id; each must be the file `export.files` describes).
pub fn export(export: Export<'_>, bytes: &SortedMap<String, Vec<u8>>) -> Result<Packet, PacketError> {
    let LaidOut { file_name, fingerprint, layout } = lay_out(export)?;
    let joined = layout.join(|id| bytes.get(id).map(Vec::as_slice)).ok_or_else(|| {
        let missing = layout.spans.iter().find_map(|span| match span {
            zip::Span::Outside { key, size } if bytes.get(key).is_none_or(|b| b.len() as u64 != *size) => Some(key),
            _ => None,
        });
        let name = missing.and_then(|id| export.application.attachments.get(id)).map(|a| a.name.clone());
        PacketError::FileMissing { name: name.unwrap_or_default() }
    })?;
    Ok(Packet { file_name, bytes: joined, fingerprint })
}

/// Lays the packet of `export.application` out, without the attachments' bytes.
pub fn lay_out(export: Export<'_>) -> Result<LaidOut, PacketError> {
    let Assembled { base, payload, info, fingerprint, .. } = assemble(export)?;
    let files = bag::bag(&base, payload, &info, export.today).map_err(|_| PacketError::NoPlan)?;
    let contents: Vec<(&str, Content<'_, String>)> =
        files.iter().map(|(name, part)| (name.as_str(), part.content())).collect();
    let layout = zip::layout(&contents).map_err(PacketError::Zip)?;
    Ok(LaidOut { file_name: format!("{base}.zip"), fingerprint, layout })
}

#[cfg(test)]
#[path = "export_tests.rs"]
pub(crate) mod tests;
