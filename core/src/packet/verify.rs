//! Checks an unzipped bag (RFC 8493) before anything in it is used: one top folder, a BagIt
//! declaration, every payload file listed in `manifest-sha256.txt` with the SHA-256 it has and
//! every listed file present, the tag manifest, and `Payload-Oxum`. Each failure names the file.

use crate::sorted_map::SortedMap;

use super::sha256_hex;
use crate::text::{zh_en, Lang};

/// A bag whose every file checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedBag {
    /// The top folder's name.
    pub top: String,
    /// `bag-info.txt`'s fields in order (labels as written).
    pub info: Vec<(String, String)>,
    /// The payload, by path under `data/`, sorted.
    pub payload: SortedMap<String, Vec<u8>>,
    /// Each payload file's SHA-256 as checked against the manifest (lowercase), by path.
    pub digests: SortedMap<String, String>,
}

impl VerifiedBag {
    /// The first value of a bag-info field, by label (case-insensitive, as the RFC reads them).
    pub fn info(&self, label: &str) -> Option<&str> {
        self.info.iter().find(|(known, _)| known.eq_ignore_ascii_case(label)).map(|(_, value)| value.as_str())
    }
}

/// What is wrong with a bag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyError {
    /// Occurs when the archive holds no `bagit.txt` under one top folder.
    NotABag,
    /// Occurs when files lie under more than one top folder (or none).
    SeveralTops,
    /// Occurs when `bagit.txt` does not declare BagIt 1.0 (or 0.97) in UTF-8.
    Declaration,
    /// Occurs when `manifest-sha256.txt` is missing.
    NoManifest,
    /// Occurs when a line of a manifest is not "digest  path".
    BadManifestLine { file: String, line: usize },
    /// Occurs when a payload file is not in the manifest.
    Unlisted { path: String },
    /// Occurs when the manifest lists a file the bag lacks.
    Missing { path: String },
    /// Occurs when a file's SHA-256 is not the one its manifest lists: it was changed.
    Changed { path: String },
    /// Occurs when `Payload-Oxum` does not count the payload.
    Oxum,
}

impl VerifyError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            VerifyError::NotABag => lang
                .pick(
                    "这个 .zip 文件不是申请包（缺少 bagit.txt）",
                    "this .zip file is not a packet (it has no bagit.txt)",
                )
                .to_owned(),
            VerifyError::SeveralTops => lang
                .pick(
                    "申请包的文件应在同一个文件夹里，这个 .zip 文件里有多个文件夹",
                    "a packet's files are in one folder; this .zip file has several",
                )
                .to_owned(),
            VerifyError::Declaration => lang
                .pick("申请包的 bagit.txt 格式不对", "the packet's bagit.txt is not a BagIt 1.0 declaration")
                .to_owned(),
            VerifyError::NoManifest => lang
                .pick(
                    "申请包缺少文件清单（manifest-sha256.txt），无法核对",
                    "the packet has no list of files (manifest-sha256.txt) to check against",
                )
                .to_owned(),
            VerifyError::BadManifestLine { file, line } => zh_en!(
                lang,
                format!("申请包的 {file} 第 {line} 行格式不对"),
                format!("line {line} of the packet's {file} is malformed")
            ),
            VerifyError::Unlisted { path } => zh_en!(
                lang,
                format!("申请包中的“{path}”不在文件清单里，可能是后来加进去的"),
                format!("“{path}” is in the packet but not in its list of files: it may have been added later")
            ),
            VerifyError::Missing { path } => zh_en!(
                lang,
                format!("申请包缺少文件清单中的“{path}”"),
                format!("the packet lacks “{path}”, which its list of files names")
            ),
            VerifyError::Changed { path } => zh_en!(
                lang,
                format!("申请包中的“{path}”与导出时不同（校验值不符），已被改动或损坏"),
                format!("“{path}” differs from when the packet was exported (its SHA-256 does not match): changed or damaged")
            ),
            VerifyError::Oxum => lang
                .pick(
                    "申请包的文件数或大小与 bag-info.txt 记录的不符",
                    "the packet's number or size of files is not what bag-info.txt records",
                )
                .to_owned(),
        }
    }
}

crate::text::bilingual_error!(VerifyError);

/// Checks the unzipped `entries` as one bag.
pub fn verify(entries: Vec<(String, Vec<u8>)>) -> Result<VerifiedBag, VerifyError> {
    let mut top: Option<String> = None;
    let mut files: SortedMap<String, Vec<u8>> = SortedMap::new();
    for (name, bytes) in entries {
        let Some((first, rest)) = name.split_once('/') else { return Err(VerifyError::SeveralTops) };
        match &top {
            Some(known) if known != first => return Err(VerifyError::SeveralTops),
            Some(_) => {}
            None => top = Some(first.to_owned()),
        }
        files.insert(rest.to_owned(), bytes);
    }
    let top = top.ok_or(VerifyError::NotABag)?;
    let declaration = files.get("bagit.txt").ok_or(VerifyError::NotABag)?;
    let declared = fields(&String::from_utf8_lossy(declaration));
    let version = declared.iter().find(|(label, _)| label == "BagIt-Version").map(|(_, value)| value.as_str());
    let encoding = declared.iter().find(|(label, _)| label == "Tag-File-Character-Encoding").map(|(_, v)| v.as_str());
    if !matches!(version, Some("1.0" | "0.97")) || !encoding.is_some_and(|e| e.eq_ignore_ascii_case("UTF-8")) {
        return Err(VerifyError::Declaration);
    }
    let manifest = files.get("manifest-sha256.txt").ok_or(VerifyError::NoManifest)?;
    let listed = manifest_lines("manifest-sha256.txt", manifest)?;
    if let Some(tags) = files.get("tagmanifest-sha256.txt") {
        for (digest, path) in manifest_lines("tagmanifest-sha256.txt", tags)? {
            let bytes = files.get(&path).ok_or_else(|| VerifyError::Missing { path: path.clone() })?;
            if !sha256_hex(bytes).eq_ignore_ascii_case(&digest) {
                return Err(VerifyError::Changed { path });
            }
        }
    }
    let mut payload = SortedMap::new();
    let mut digests: SortedMap<String, String> = SortedMap::new();
    for (digest, path) in &listed {
        let Some(inside) = path.strip_prefix("data/") else {
            return Err(VerifyError::BadManifestLine { file: "manifest-sha256.txt".to_owned(), line: 0 });
        };
        // A path listed twice was checked the first time: its digests must agree.
        if let Some(checked) = digests.get(inside) {
            if !checked.eq_ignore_ascii_case(digest) {
                return Err(VerifyError::Changed { path: path.clone() });
            }
            continue;
        }
        // Moved out, not copied: a packet's attachments are tens of megabytes.
        let bytes = files.remove(path).ok_or_else(|| VerifyError::Missing { path: path.clone() })?;
        let found = sha256_hex(&bytes);
        if !found.eq_ignore_ascii_case(digest) {
            return Err(VerifyError::Changed { path: path.clone() });
        }
        digests.insert(inside.to_owned(), found);
        payload.insert(inside.to_owned(), bytes);
    }
    // Whatever is left under `data/` was not listed.
    if let Some(path) = files.keys().find(|path| path.starts_with("data/")) {
        return Err(VerifyError::Unlisted { path: path.clone() });
    }
    let info = files.get("bag-info.txt").map(|bytes| fields(&String::from_utf8_lossy(bytes))).unwrap_or_default();
    if let Some((_, oxum)) = info.iter().find(|(label, _)| label.eq_ignore_ascii_case("Payload-Oxum")) {
        let octets: usize = payload.values().map(Vec::len).sum();
        if *oxum != format!("{octets}.{}", payload.len()) {
            return Err(VerifyError::Oxum);
        }
    }
    Ok(VerifiedBag { top, info, payload, digests })
}

/// The "Label: value" lines of a tag file; a line starting with a space or tab continues the
/// value above (RFC 8493 §2.2.2).
fn fields(text: &str) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = found.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((label, value)) = line.split_once(':') {
            found.push((label.trim().to_owned(), value.trim().to_owned()));
        }
    }
    found
}

/// The (digest, path) lines of a manifest, paths percent-decoded (`%0A`, `%0D`, `%25`).
fn manifest_lines(file: &str, bytes: &[u8]) -> Result<Vec<(String, String)>, VerifyError> {
    let text = std::str::from_utf8(bytes).map_err(|_| VerifyError::BadManifestLine { file: file.to_owned(), line: 1 })?;
    let mut lines = Vec::new();
    for (number, line) in text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        let bad = || VerifyError::BadManifestLine { file: file.to_owned(), line: number.saturating_add(1) };
        let (digest, path) = line.split_once([' ', '\t']).ok_or_else(bad)?;
        let path = path.trim_start_matches([' ', '\t', '*']);
        if digest.len() != 64 || !digest.chars().all(|c| c.is_ascii_hexdigit()) || path.is_empty() {
            return Err(bad());
        }
        let path = path.replace("%0A", "\n").replace("%0a", "\n").replace("%0D", "\r").replace("%0d", "\r").replace("%25", "%");
        lines.push((digest.to_owned(), path));
    }
    Ok(lines)
}

#[cfg(test)]
#[path = "verify_tests.rs"]
mod tests;
