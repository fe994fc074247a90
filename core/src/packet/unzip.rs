//! Reads a zip archive handed in from anywhere (a packet from another device, a file picked by
//! mistake) without trusting a byte of it: every size and offset is checked against the file
//! and against [`Limits`] before anything is copied or inflated, so that a truncated file, a
//! zip bomb or a name that climbs out of its folder gets its own message and never a panic.

use super::zip::{crc32, is_safe_name};
use crate::text::{zh_en, Lang};

/// How much an archive may hold (a packet is tens of megabytes at most).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_entries: usize,
    pub max_entry_bytes: u64,
    pub max_total_bytes: u64,
    /// The most an entry may grow when inflated (bombs grow a thousandfold).
    pub max_ratio: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_entries: 2_000, max_entry_bytes: 64 << 20, max_total_bytes: 256 << 20, max_ratio: 200 }
    }
}

/// No archive within the default limits is larger: their total and, for each entry, two
/// headers with a name (a name is at most 1 KiB). The shell refuses a larger file unread.
pub const MAX_PACKET_BYTES: u64 = (256 << 20) + 2_000 * (2 * (46 + 1_024));

/// Why an archive could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnzipError {
    /// Occurs when the bytes are not a zip archive at all.
    NotZip,
    /// Occurs when the archive ends early or a record points outside it.
    Truncated,
    TooManyEntries { count: usize, max: usize },
    EntryTooLarge { name: String, bytes: u64, max: u64 },
    TooLarge { bytes: u64, max: u64 },
    /// Occurs when an entry would inflate more than [`Limits::max_ratio`] times its size.
    Bomb { name: String },
    BadName { name: String },
    DuplicateName { name: String },
    /// Occurs for encrypted entries and compression methods other than stored and deflate.
    Unsupported { name: String },
    /// Occurs when an entry's bytes do not match its CRC-32 (a damaged copy).
    Damaged { name: String },
}

impl UnzipError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            UnzipError::NotZip => lang
                .pick(
                    "这不是一表通申请包（.zip 文件）。请选择导出时得到的 .zip 文件",
                    "this is not a Yibiao packet (a .zip file): choose the .zip file that was exported",
                )
                .to_owned(),
            UnzipError::Truncated => lang
                .pick(
                    "申请包不完整（文件在中途断了），可能没有下载或复制完，请重新复制一份",
                    "the packet is incomplete (the file ends early); it may not have been copied completely, copy it again",
                )
                .to_owned(),
            UnzipError::TooManyEntries { count, max } => zh_en!(
                lang,
                format!("申请包中有 {count} 个文件，超过了 {max} 个的上限"),
                format!("the packet holds {count} files, more than the {max} allowed")
            ),
            UnzipError::EntryTooLarge { name, bytes, max } => zh_en!(
                lang,
                format!("申请包中的“{name}”有 {} MB，超过了单个文件 {} MB 的上限", bytes >> 20, max >> 20),
                format!("“{name}” in the packet is {} MB, more than the {} MB allowed for one file", bytes >> 20, max >> 20)
            ),
            UnzipError::TooLarge { bytes, max } => zh_en!(
                lang,
                format!("申请包解开后有 {} MB，超过了 {} MB 的上限", bytes >> 20, max >> 20),
                format!("the packet unpacks to {} MB, more than the {} MB allowed", bytes >> 20, max >> 20)
            ),
            UnzipError::Bomb { name } => zh_en!(
                lang,
                format!("申请包中的“{name}”压缩比异常（可能是恶意文件），没有解开"),
                format!("“{name}” in the packet is compressed abnormally (it may be malicious) and was not unpacked")
            ),
            UnzipError::BadName { name } => zh_en!(
                lang,
                format!("申请包中的文件名“{name}”不安全（含 ..、绝对路径、反斜杠或控制字符）"),
                format!("the packet names a file “{name}” unsafely (.., an absolute path, a backslash or a control character)")
            ),
            UnzipError::DuplicateName { name } => zh_en!(
                lang,
                format!("申请包中有两个名为“{name}”的文件"),
                format!("the packet holds two files named “{name}”")
            ),
            UnzipError::Unsupported { name } => zh_en!(
                lang,
                format!("申请包中的“{name}”经过加密或用了不支持的压缩方式"),
                format!("“{name}” in the packet is encrypted or compressed in an unsupported way")
            ),
            UnzipError::Damaged { name } => zh_en!(
                lang,
                format!("申请包中的“{name}”已损坏（校验值不符），请重新复制一份"),
                format!("“{name}” in the packet is damaged (its checksum does not match); copy the packet again")
            ),
        }
    }
}

crate::text::bilingual_error!(UnzipError);

const END_SIGNATURE: u32 = 0x0605_4b50;
const CENTRAL_SIGNATURE: u32 = 0x0201_4b50;
const LOCAL_SIGNATURE: u32 = 0x0403_4b50;
/// The end record is 22 bytes and its comment at most 65,535.
const END_SEARCH: usize = 22 + 65_535;

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let two = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([*two.first()?, *two.get(1)?]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let four = bytes.get(at..at.checked_add(4)?)?;
    let array: [u8; 4] = four.try_into().ok()?;
    Some(u32::from_le_bytes(array))
}

/// Reads every file of `bytes` (name, content), in the order of the central directory; the
/// entries of folders are passed over.
pub fn read(bytes: &[u8], limits: Limits) -> Result<Vec<(String, Vec<u8>)>, UnzipError> {
    if bytes.len() < 22 || u32_at(bytes, 0) != Some(LOCAL_SIGNATURE) && u32_at(bytes, 0) != Some(END_SIGNATURE) {
        return Err(UnzipError::NotZip);
    }
    let search_from = bytes.len().saturating_sub(END_SEARCH);
    let end = (search_from..=bytes.len().saturating_sub(22))
        .rev()
        .find(|at| u32_at(bytes, *at) == Some(END_SIGNATURE))
        .ok_or(UnzipError::Truncated)?;
    let count = usize::from(u16_at(bytes, end.saturating_add(10)).ok_or(UnzipError::Truncated)?);
    let central = u32_at(bytes, end.saturating_add(16)).ok_or(UnzipError::Truncated)?;
    if count > limits.max_entries {
        return Err(UnzipError::TooManyEntries { count, max: limits.max_entries });
    }
    let mut at = usize::try_from(central).map_err(|_| UnzipError::Truncated)?;
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    let mut total: u64 = 0;
    for _ in 0..count {
        let field = |offset: usize| at.checked_add(offset).ok_or(UnzipError::Truncated);
        if u32_at(bytes, at) != Some(CENTRAL_SIGNATURE) {
            return Err(UnzipError::Truncated);
        }
        let read16 = |offset| field(offset).and_then(|o| u16_at(bytes, o).ok_or(UnzipError::Truncated));
        let read32 = |offset| field(offset).and_then(|o| u32_at(bytes, o).ok_or(UnzipError::Truncated));
        let (flags, method) = (read16(8)?, read16(10)?);
        let (crc, packed, size) = (read32(16)?, u64::from(read32(20)?), u64::from(read32(24)?));
        let (name_len, extra_len, comment_len) =
            (usize::from(read16(28)?), usize::from(read16(30)?), usize::from(read16(32)?));
        let local = usize::try_from(read32(42)?).map_err(|_| UnzipError::Truncated)?;
        let name_at = field(46)?;
        let name_bytes =
            bytes.get(name_at..name_at.checked_add(name_len).ok_or(UnzipError::Truncated)?).ok_or(UnzipError::Truncated)?;
        let name = String::from_utf8_lossy(name_bytes).into_owned();
        at = name_at
            .checked_add(name_len)
            .and_then(|next| next.checked_add(extra_len))
            .and_then(|next| next.checked_add(comment_len))
            .ok_or(UnzipError::Truncated)?;
        // A folder's own entry (other tools write them) holds nothing: the files name their folders.
        if let Some(folder) = name.strip_suffix('/') {
            if size != 0 || !is_safe_name(folder) {
                return Err(UnzipError::BadName { name });
            }
            continue;
        }
        if std::str::from_utf8(name_bytes).is_err() || !is_safe_name(&name) {
            return Err(UnzipError::BadName { name });
        }
        if entries.iter().any(|(known, _)| *known == name) {
            return Err(UnzipError::DuplicateName { name });
        }
        if flags & 1 == 1 || !matches!(method, 0 | 8) {
            return Err(UnzipError::Unsupported { name });
        }
        if size > limits.max_entry_bytes {
            return Err(UnzipError::EntryTooLarge { name, bytes: size, max: limits.max_entry_bytes });
        }
        total = total.saturating_add(size);
        if total > limits.max_total_bytes {
            return Err(UnzipError::TooLarge { bytes: total, max: limits.max_total_bytes });
        }
        if method == 8 && size > packed.saturating_mul(limits.max_ratio).max(1 << 16) {
            return Err(UnzipError::Bomb { name });
        }
        // The entry's bytes follow its local header, whose own name and extra lengths count.
        if u32_at(bytes, local) != Some(LOCAL_SIGNATURE) {
            return Err(UnzipError::Truncated);
        }
        let local_name = usize::from(u16_at(bytes, local.saturating_add(26)).ok_or(UnzipError::Truncated)?);
        let local_extra = usize::from(u16_at(bytes, local.saturating_add(28)).ok_or(UnzipError::Truncated)?);
        let data_at = local
            .checked_add(30)
            .and_then(|next| next.checked_add(local_name))
            .and_then(|next| next.checked_add(local_extra))
            .ok_or(UnzipError::Truncated)?;
        let packed_len = usize::try_from(packed).map_err(|_| UnzipError::Truncated)?;
        let data = bytes
            .get(data_at..data_at.checked_add(packed_len).ok_or(UnzipError::Truncated)?)
            .ok_or(UnzipError::Truncated)?;
        let content = match method {
            0 if packed == size => data.to_vec(),
            0 => return Err(UnzipError::Damaged { name }),
            _ => {
                let max = usize::try_from(size).map_err(|_| UnzipError::Truncated)?;
                let inflated = miniz_oxide::inflate::decompress_to_vec_with_limit(data, max)
                    .map_err(|_| UnzipError::Damaged { name: name.clone() })?;
                if inflated.len() as u64 != size {
                    return Err(UnzipError::Damaged { name });
                }
                inflated
            }
        };
        if crc32(&content) != crc {
            return Err(UnzipError::Damaged { name });
        }
        entries.push((name, content));
    }
    Ok(entries)
}

#[cfg(test)]
#[path = "unzip_tests.rs"]
mod tests;
