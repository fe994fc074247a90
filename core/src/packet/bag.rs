//! A BagIt bag (RFC 8493, version 1.0) of the packet's files: `bagit.txt`, `bag-info.txt`,
//! the payload under `data/`, `manifest-sha256.txt` over the payload and
//! `tagmanifest-sha256.txt` over the tag files, all under one top folder, so that any standard
//! BagIt tool validates the packet once unzipped.

use super::sha256_hex;
use super::zip::is_safe_name;
use crate::date::Date;

/// The declaration every bag starts with (RFC 8493 §2.1.1).
pub const BAGIT_TXT: &str = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

/// Why a bag could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BagError {
    /// Occurs when a payload path or the top folder is not a safe relative path, or has a `%`:
    /// RFC 8493 writes `%` as `%25` in a manifest, which validators older than the RFC read as
    /// it stands, so a packet never names a file with one (the packet's names replace it).
    BadPath { path: String },
}

impl BagError {
    pub fn message(&self, lang: crate::text::Lang) -> String {
        match self {
            BagError::BadPath { path } => crate::text::zh_en!(
                lang,
                format!("文件路径“{path}”不可用"),
                format!("the file path “{path}” cannot be used")
            ),
        }
    }
}

crate::text::bilingual_error!(BagError);

/// What a bag needs of a payload file: its size and its SHA-256. Bytes have both; a packet's
/// attachment, whose bytes stay in the browser's storage, has them from its digests.
pub trait Payload {
    fn size(&self) -> u64;
    fn sha256(&self) -> String;
}

impl<T: AsRef<[u8]>> Payload for T {
    fn size(&self) -> u64 {
        self.as_ref().len() as u64
    }

    fn sha256(&self) -> String {
        sha256_hex(self.as_ref())
    }
}

/// The bag's files, each named `top/…`: the tag files and `data/` + each payload path.
/// `info` are the bag-info fields after `Bagging-Date` and `Payload-Oxum`, in order. The
/// payload is moved, not copied (`B` may borrow its bytes or stand for bytes held elsewhere:
/// a packet's attachments are tens of megabytes).
pub fn bag<B: Payload + From<Vec<u8>>>(
    top: &str,
    payload: Vec<(String, B)>,
    info: &[(&str, String)],
    bagging_date: Date,
) -> Result<Vec<(String, B)>, BagError> {
    if !is_safe_name(top) || top.contains('/') {
        return Err(BagError::BadPath { path: top.to_owned() });
    }
    if let Some((path, _)) = payload.iter().find(|(path, _)| !is_safe_name(path) || path.contains('%')) {
        return Err(BagError::BadPath { path: path.clone() });
    }
    let mut payload = payload;
    payload.sort_by(|a, b| a.0.cmp(&b.0));
    let octets: u64 = payload.iter().map(|(_, file)| file.size()).sum();
    let mut manifest = String::new();
    for (path, file) in &payload {
        // No `%`, CR or LF in a path (refused above), so none needs percent-encoding.
        manifest.push_str(&format!("{}  data/{path}\n", file.sha256()));
    }
    let mut bag_info = format!("Bagging-Date: {bagging_date}\nPayload-Oxum: {octets}.{}\n", payload.len());
    for (label, value) in info {
        bag_info.push_str(&format!("{}: {}\n", one_line(label), one_line(value)));
    }
    let tags = [
        ("bag-info.txt", bag_info.into_bytes()),
        ("bagit.txt", BAGIT_TXT.as_bytes().to_vec()),
        ("manifest-sha256.txt", manifest.into_bytes()),
    ];
    let mut tag_manifest = String::new();
    for (name, bytes) in &tags {
        tag_manifest.push_str(&format!("{}  {name}\n", sha256_hex(bytes)));
    }
    let mut files: Vec<(String, B)> =
        tags.into_iter().map(|(name, bytes)| (format!("{top}/{name}"), B::from(bytes))).collect();
    files.push((format!("{top}/tagmanifest-sha256.txt"), B::from(tag_manifest.into_bytes())));
    files.extend(payload.into_iter().map(|(path, bytes)| (format!("{top}/data/{path}"), bytes)));
    Ok(files)
}

/// A bag-info value on one line: line breaks and other control characters become spaces.
fn one_line(value: &str) -> String {
    value.chars().map(|c| if c.is_control() { ' ' } else { c }).collect::<String>().trim().to_owned()
}

#[cfg(test)]
#[path = "bag_tests.rs"]
mod tests;
