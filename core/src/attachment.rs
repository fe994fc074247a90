//! Checking a file before it is attached to a material (附件检查), on the device: its real type
//! from its first bytes (never its name), its size against the material's limit, a PDF that
//! has pages, and for an image a readable scan: large enough, not blank, not too dark, not badly
//! blurred, by simple measures over its pixels (the shell decodes the image; the core judges).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::catalog::{FileType, Material};
use crate::text::{zh_en, Lang};

/// A file attached to an application (附件): what the draft remembers of it. Its bytes stay on
/// the device, kept by the shell (IndexedDB) under its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The SHA-256 of its content in hexadecimal ([`content_id`]): the same file attached
    /// twice, or for two materials, is one attachment.
    pub id: String,
    /// Its name on the applicant's device, as picked.
    pub name: String,
    /// Its real type, from its content.
    pub file_type: FileType,
    /// Its size in bytes.
    pub size: u64,
    /// What was measured of it: its pages or its pixels.
    pub shape: Shape,
    /// When it was attached, in milliseconds since 1970.
    pub added_ms: u64,
    /// A small preview of an image (a `data:` URL made on the device), shown beside its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<std::rc::Rc<str>>,
    /// Its other digests, computed once when it was attached (its SHA-256 is its id), so that
    /// making a packet does not read it through SM3 again; `None` until they are known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksums: Option<Checksums>,
}

/// What a packet records of a file beside its SHA-256: its SM3 (GB/T 32905), for receiving
/// systems that use the national algorithms, and its CRC-32, for the zip. Kept in a draft as
/// one word, `crc32:sm3` in lowercase hexadecimal (8 and 64 digits): a string is read by the
/// code that reads every other, where a structure would cost the page's first load a reader of
/// its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checksums {
    /// Lowercase hexadecimal, 64 digits.
    pub sm3: String,
    pub crc32: u32,
}

impl Checksums {
    /// `crc32:sm3`, as a draft keeps it.
    pub fn word(&self) -> String {
        // By hand: the page's first load has no other use for the formatter's hexadecimal.
        let mut word: String = (0..8).rev().map(|n| hex_digit(self.crc32 >> (4 * n))).collect();
        word.push(':');
        word.push_str(&self.sm3);
        word
    }

    /// Reads what [`Checksums::word`] wrote; `None` for anything else.
    pub fn read(word: &str) -> Option<Checksums> {
        let (crc32, sm3) = word.split_once(':')?;
        if crc32.len() != 8 || !is_lower_hex(sm3, 64) {
            return None;
        }
        let crc32 = crc32.bytes().try_fold(0u32, |crc, b| Some(crc << 4 | hex_value(b)?))?;
        Some(Checksums { sm3: sm3.to_owned(), crc32 })
    }
}

/// The lowercase hexadecimal digit of the low four bits of `value`.
fn hex_digit(value: u32) -> char {
    char::from(b"0123456789abcdef"[(value & 0xf) as usize])
}

/// Whether `text` is exactly `digits` lowercase hexadecimal digits (a digest as the packet
/// writes it).
pub(crate) fn is_lower_hex(text: &str, digits: usize) -> bool {
    text.len() == digits && text.bytes().all(|b| hex_value(b).is_some())
}

/// The value of a lowercase hexadecimal digit.
fn hex_value(digit: u8) -> Option<u32> {
    match digit {
        b'0'..=b'9' => Some(u32::from(digit - b'0')),
        b'a'..=b'f' => Some(u32::from(digit - b'a') + 10),
        _ => None,
    }
}

impl Serialize for Checksums {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.word())
    }
}

impl<'de> Deserialize<'de> for Checksums {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let word = String::deserialize(deserializer)?;
        Checksums::read(&word).ok_or_else(|| serde::de::Error::custom("checksums are not crc32:sm3"))
    }
}

/// What was measured of an attached file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// A PDF and its page count; `None` when its pages are in compressed object streams,
    /// which cannot be counted without inflating them.
    Pdf { pages: Option<u32> },
    /// An image and its size in pixels.
    Image { width: u32, height: u32 },
}

/// The id of a file's content: its SHA-256 in hexadecimal.
pub fn content_id(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// What a first look at a file's bytes found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstLook {
    /// A PDF that may be attached as it is.
    Pdf { pages: Option<u32> },
    /// An image that must still be decoded and measured ([`image_stats`], [`check_image`]).
    Image(FileType),
}

/// Checks a file's bytes for `material`: its real type, its size, and for a PDF its pages.
pub fn first_look(material: &Material, name: &str, bytes: &[u8]) -> Result<FirstLook, AttachmentError> {
    match check_file(material, name, bytes.len() as u64, bytes)? {
        FileType::Pdf => Ok(FirstLook::Pdf { pages: pdf_pages(bytes)? }),
        image => Ok(FirstLook::Image(image)),
    }
}

/// Whether a file already attached (for another material) may also serve `material`: the
/// same limits as a new file, the resolution of a scan included.
pub fn fits(material: &Material, attachment: &Attachment) -> Result<(), AttachmentError> {
    within_limits(material, attachment.file_type, attachment.size)?;
    if let Shape::Image { width, height } = attachment.shape {
        readable_size(width, height, !material.photo)?;
    }
    Ok(())
}

/// A file of this type and size is one `material` takes.
fn within_limits(material: &Material, found: FileType, size: u64) -> Result<(), AttachmentError> {
    if !material.file_types.contains(&found) {
        return Err(AttachmentError::TypeNotAccepted { found, accepted: material.file_types.clone() });
    }
    let limit = u64::from(material.max_size_kb) * 1024;
    if size > limit {
        return Err(AttachmentError::TooLarge { size, limit });
    }
    Ok(())
}

/// An image this large can be read: a scan needs [`MIN_SCAN_LONG_SIDE`] on its long side.
fn readable_size(width: u32, height: u32, scan: bool) -> Result<(), AttachmentError> {
    let long_side = width.max(height);
    if scan && long_side < MIN_SCAN_LONG_SIDE {
        return Err(AttachmentError::TooSmall { long_side, needed: MIN_SCAN_LONG_SIDE });
    }
    Ok(())
}

/// Why a file cannot be attached. Each says what to do instead.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum AttachmentError {
    /// Occurs when the file has no bytes at all (saved or copied incompletely).
    Empty { name: String },
    /// Occurs when the file is not a PDF, JPEG or PNG by its content, whatever its name says.
    UnknownType { name: String },
    /// Occurs when the file is of a type this material does not take.
    TypeNotAccepted { found: FileType, accepted: Vec<FileType> },
    /// Occurs when the file is larger than the material's limit (both in bytes).
    TooLarge { size: u64, limit: u64 },
    /// Occurs when a PDF has no page (damaged, or not really a PDF).
    NoPages,
    /// Occurs when a PDF lacks its end (`%%EOF`): cut off while copying or downloading.
    Truncated,
    /// Occurs when an image cannot be decoded.
    Unreadable,
    /// Occurs when a scan's long side has fewer pixels than a readable scan needs.
    TooSmall { long_side: u32, needed: u32 },
    /// Occurs when an image is (nearly) one flat colour: a blank page or a covered lens.
    Blank,
    /// Occurs when an image is too dark to read.
    TooDark,
    /// Occurs when an image is badly blurred.
    Blurred,
}

impl AttachmentError {
    pub fn message(&self, lang: Lang) -> String {
        let type_names =
            |types: &[FileType]| types.iter().map(|t| t.name()).collect::<Vec<_>>().join(lang.pick("、", ", "));
        match self {
            AttachmentError::Empty { name } => zh_en!(
                lang,
                format!("“{name}”是空文件（0 字节），可能没有保存或复制完整。请换一个文件"),
                format!("“{name}” is empty (0 bytes); it may not have been saved or copied in full. Choose another file")
            ),
            AttachmentError::UnknownType { name } => zh_en!(
                lang,
                format!("“{name}”不是 PDF、JPEG 或 PNG 文件（按文件内容判断，不看文件名）。请换一个文件"),
                format!(
                "“{name}” is not a PDF, JPEG or PNG file (judged by its content, not its name). Choose another file"
            )
            ),
            AttachmentError::TypeNotAccepted { found, accepted } => zh_en!(
                lang,
                format!("这份材料只收 {}，这个文件是 {}", type_names(accepted), found.name()),
                format!("This material takes {} only; this file is a {}", type_names(accepted), found.name())
            ),
            AttachmentError::TooLarge { size, limit } => zh_en!(
                lang,
                format!(
                    "文件有 {}，超过了 {} 的上限。请压缩或分页后再试，不要降低扫描清晰度",
                    file_size(*size),
                    file_size(*limit)
                ),
                format!(
                    "The file is {}, over the {} limit. Compress it or split the pages, without lowering the scan's quality",
                    file_size(*size),
                    file_size(*limit)
                )
            ),
            AttachmentError::NoPages => lang.pick("这个 PDF 没有任何页面，可能已损坏。请重新导出后再试", "This PDF has no pages; it may be damaged. Export it again and retry").to_owned(),
            AttachmentError::Truncated => lang.pick("这个 PDF 不完整（缺少文件结尾），可能没有下载或复制完。请重新获取后再试", "This PDF is incomplete (its end is missing); it may not have finished downloading or copying. Get it again and retry").to_owned(),
            AttachmentError::Unreadable => lang.pick("这张图片无法打开，可能已损坏", "This image cannot be opened; it may be damaged").to_owned(),
            AttachmentError::TooSmall { long_side, needed } => zh_en!(
                lang,
                format!("图片太小（长边 {long_side} 像素），扫描件至少需要 {needed} 像素，否则看不清。请用更高的清晰度重新扫描或拍照"),
                format!(
                "The image is too small ({long_side} pixels on the long side); a scan needs at least {needed} to be read. Scan or photograph it again at a higher resolution"
            )
            ),
            AttachmentError::Blank => lang.pick("图片几乎是一片空白，请确认拍到了材料", "The image is almost blank; make sure the document is in the picture").to_owned(),
            AttachmentError::TooDark => lang.pick("图片太暗，看不清。请在光线充足的地方重新拍", "The image is too dark to read. Take it again in good light").to_owned(),
            AttachmentError::Blurred => lang.pick("图片太模糊，看不清字。请拿稳后重新拍", "The image is too blurred to read. Hold steady and take it again").to_owned(),
        }
    }
}

crate::text::bilingual_error!(AttachmentError);

/// A size in bytes as people read it, in the unit a material's limit is stated in: "850 KB",
/// "10 MB", "10.1 MB" (rounded up, so that a file over a limit never reads as the limit).
pub fn file_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        let tenths = (u128::from(bytes) * 10).div_ceil(1024 * 1024);
        if tenths % 10 == 0 {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    }
}

/// The real type of a file from its first bytes.
pub fn sniff(head: &[u8]) -> Option<FileType> {
    if head.starts_with(b"%PDF-") {
        Some(FileType::Pdf)
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(FileType::Jpeg)
    } else if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(FileType::Png)
    } else {
        None
    }
}

/// The first checks of a file for `material`: that it has bytes, its real type and its size.
pub fn check_file(material: &Material, name: &str, size: u64, head: &[u8]) -> Result<FileType, AttachmentError> {
    if size == 0 {
        return Err(AttachmentError::Empty { name: name.to_owned() });
    }
    let found = sniff(head).ok_or_else(|| AttachmentError::UnknownType { name: name.to_owned() })?;
    within_limits(material, found, size)?;
    Ok(found)
}

/// The number of pages of a PDF, counted from its page objects (`/Type /Page`, not `/Pages`).
/// `None` when there is none in sight but the file keeps objects in compressed streams
/// (`/ObjStm`, common since PDF 1.5), where its pages are; an error when it has no pages or
/// lacks its end.
pub fn pdf_pages(bytes: &[u8]) -> Result<Option<u32>, AttachmentError> {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if find(tail, b"%%EOF").is_none() {
        return Err(AttachmentError::Truncated);
    }
    match count_pages(bytes) {
        0 if find(bytes, b"/ObjStm").is_some() => Ok(None),
        0 => Err(AttachmentError::NoPages),
        pages => Ok(Some(pages)),
    }
}

fn count_pages(bytes: &[u8]) -> u32 {
    let mut pages = 0;
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"/Type") {
        let mut next = at + found + b"/Type".len();
        while bytes.get(next).is_some_and(|b| b.is_ascii_whitespace()) {
            next += 1;
        }
        if bytes[next..].starts_with(b"/Page") && !bytes[next + b"/Page".len()..].starts_with(b"s") {
            pages += 1;
        }
        at = next;
    }
    pages
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// Simple measures of a decoded image.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImageStats {
    pub width: u32,
    pub height: u32,
    /// Mean luminance, 0 (black) to 255 (white).
    pub brightness: f64,
    /// Standard deviation of the luminance: near 0 for one flat colour.
    pub contrast: f64,
    /// Variance of the Laplacian of the luminance: low when edges are smeared.
    pub sharpness: f64,
}

/// The long side a scan needs to be read (pixels).
pub const MIN_SCAN_LONG_SIDE: u32 = 1000;

/// Measures an image from its RGBA pixels (row by row, 4 bytes each), as a canvas gives them.
/// The shell may pass a reduced copy for speed; only the size must be the original's.
pub fn image_stats(width: u32, height: u32, rgba: &[u8]) -> Option<ImageStats> {
    let (w, h) = (width as usize, height as usize);
    if w == 0 || h == 0 || rgba.len() < w * h * 4 {
        return None;
    }
    let luma: Vec<f64> = rgba
        .chunks_exact(4)
        .take(w * h)
        .map(|p| 0.299 * f64::from(p[0]) + 0.587 * f64::from(p[1]) + 0.114 * f64::from(p[2]))
        .collect();
    let count = luma.len() as f64;
    let brightness = luma.iter().sum::<f64>() / count;
    let contrast = (luma.iter().map(|l| (l - brightness).powi(2)).sum::<f64>() / count).sqrt();
    let mut laplacian = Vec::with_capacity(w.saturating_sub(2) * h.saturating_sub(2));
    for y in 1..h.saturating_sub(1) {
        for x in 1..w.saturating_sub(1) {
            let at = |dx: usize, dy: usize| luma[(y + dy - 1) * w + (x + dx - 1)];
            laplacian.push(at(1, 0) + at(1, 2) + at(0, 1) + at(2, 1) - 4.0 * at(1, 1));
        }
    }
    let sharpness = if laplacian.is_empty() {
        0.0
    } else {
        let mean = laplacian.iter().sum::<f64>() / laplacian.len() as f64;
        laplacian.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / laplacian.len() as f64
    };
    Some(ImageStats { width, height, brightness, contrast, sharpness })
}

/// Judges an image by its measures. A scan (a document photographed or scanned, as opposed
/// to a portrait photo) must also be large enough to read. The thresholds are deliberately
/// lenient: they catch a blank, black or smeared picture, not a merely imperfect one.
pub fn check_image(stats: &ImageStats, scan: bool) -> Result<(), AttachmentError> {
    readable_size(stats.width, stats.height, scan)?;
    if stats.contrast < 4.0 {
        return Err(AttachmentError::Blank);
    }
    if stats.brightness < 35.0 {
        return Err(AttachmentError::TooDark);
    }
    if stats.sharpness < 8.0 {
        return Err(AttachmentError::Blurred);
    }
    Ok(())
}

#[cfg(test)]
#[path = "attachment_tests.rs"]
mod tests;
