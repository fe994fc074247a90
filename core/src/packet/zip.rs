//! A byte-stable zip writer (PKWARE APPNOTE 6.3): the same entries give the same bytes.
//! Entries are stored (not compressed: attachments are JPEG, PNG and PDF, compressed already),
//! sorted by name, dated 1980-01-01 00:00 (the format's first day: no clock, no time zone),
//! without extra fields, and named in UTF-8 with the language-encoding flag (bit 11), so that
//! `unzip -l`, Python's `zipfile` and desktop tools show Chinese names as they are.

/// The largest archive this writer makes: the classic format's 32-bit sizes and offsets, which
/// every tool reads (a packet is tens of megabytes).
pub const MAX_ARCHIVE_BYTES: u64 = u32::MAX as u64;

/// The most entries of the classic format.
pub const MAX_ENTRIES: usize = u16::MAX as usize;

/// Why an archive could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipError {
    /// Occurs when the entries together exceed [`MAX_ARCHIVE_BYTES`].
    TooLarge { bytes: u64 },
    /// Occurs when there are more than [`MAX_ENTRIES`] entries.
    TooManyEntries { count: usize },
    /// Occurs when two entries have the same name.
    DuplicateName { name: String },
    /// Occurs when a name is empty, absolute, has `..`, a backslash or a control character.
    BadName { name: String },
}

impl ZipError {
    pub fn message(&self, lang: crate::text::Lang) -> String {
        use crate::text::zh_en;
        match self {
            ZipError::TooLarge { bytes } => zh_en!(
                lang,
                format!("申请包过大（{} MB），请减少或压缩附件", bytes / 1_000_000),
                format!("the packet is too large ({} MB): attach fewer or smaller files", bytes / 1_000_000)
            ),
            ZipError::TooManyEntries { count } => zh_en!(
                lang,
                format!("申请包中的文件过多（{count} 个）"),
                format!("the packet holds too many files ({count})")
            ),
            ZipError::DuplicateName { name } => {
                zh_en!(
                    lang,
                    format!("申请包中有两个同名文件“{name}”"),
                    format!("two files in the packet are named “{name}”")
                )
            }
            ZipError::BadName { name } => {
                zh_en!(lang, format!("文件名“{name}”不可用"), format!("the file name “{name}” cannot be used"))
            }
        }
    }
}

crate::text::bilingual_error!(ZipError);

/// Whether `name` is a safe relative path of an archive: not empty, no leading `/`, no `..` or
/// `.` part, no empty part, no backslash, no control character.
pub fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && !name.chars().any(char::is_control)
        && name.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}

/// The CRC-32 (IEEE 802.3) of `bytes`, as zip records it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = Crc32::default();
    crc.update(bytes);
    crc.finish()
}

/// A CRC-32 being computed over bytes that come in pieces (a file read a chunk at a time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Crc32(u32);

impl Default for Crc32 {
    fn default() -> Self {
        Crc32(!0)
    }
}

impl Crc32 {
    /// The CRC-32 of all the bytes added.
    pub fn finish(self) -> u32 {
        !self.0
    }

    /// Adds `bytes`.
    pub fn update(&mut self, bytes: &[u8]) {
        self.0 = crc32_step(self.0, bytes);
    }
}

fn crc32_step(mut crc: u32, bytes: &[u8]) -> u32 {
    // Slicing by eight: eight tables, eight bytes a step (a 40 MB packet is mostly this).
    const TABLES: [[u32; 256]; 8] = {
        let mut tables = [[0u32; 256]; 8];
        let mut n = 0;
        while n < 256 {
            let mut c = n as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 == 1 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
                k += 1;
            }
            tables[0][n] = c;
            n += 1;
        }
        let mut t = 1;
        while t < 8 {
            let mut n = 0;
            while n < 256 {
                let previous = tables[t - 1][n];
                tables[t][n] = (previous >> 8) ^ tables[0][(previous & 0xff) as usize];
                n += 1;
            }
            t += 1;
        }
        tables
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let low = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]) ^ crc;
        let high = u32::from_le_bytes([chunk[4], chunk[5], chunk[6], chunk[7]]);
        crc = TABLES[7][(low & 0xff) as usize]
            ^ TABLES[6][((low >> 8) & 0xff) as usize]
            ^ TABLES[5][((low >> 16) & 0xff) as usize]
            ^ TABLES[4][(low >> 24) as usize]
            ^ TABLES[3][(high & 0xff) as usize]
            ^ TABLES[2][((high >> 8) & 0xff) as usize]
            ^ TABLES[1][((high >> 16) & 0xff) as usize]
            ^ TABLES[0][(high >> 24) as usize];
    }
    for &byte in chunks.remainder() {
        crc = TABLES[0][usize::from((crc as u8) ^ byte)] ^ (crc >> 8);
    }
    crc
}

/// 1980-01-01 in the MS-DOS date format, and 00:00:00.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;
/// Version 2.0: what reading stored entries with UTF-8 names needs.
const VERSION: u16 = 20;
/// Made by version 2.0 on Unix (3 in the high byte): unzip tools then take the names as they
/// are, where an archive "made on MS-DOS" has its names translated from code page 437.
const MADE_BY: u16 = (3 << 8) | VERSION;
/// A regular file readable by all and writable by its owner (`-rw-r--r--`), as Unix attributes.
const FILE_ATTRIBUTES: u32 = 0o100_644 << 16;
/// General purpose flag bit 11: the name is UTF-8.
const UTF8_NAME: u16 = 1 << 11;

/// What an entry holds, as the writer needs it: its bytes, or only its size and CRC-32 for
/// bytes that stay outside (an attachment kept in the browser's storage, which the page puts
/// in the archive's place for it, never copied into the module).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content<'a, K> {
    Bytes(&'a [u8]),
    Outside { key: K, size: u64, crc32: u32 },
}

impl<K> Content<'_, K> {
    fn size(&self) -> u64 {
        match self {
            Content::Bytes(bytes) => bytes.len() as u64,
            Content::Outside { size, .. } => *size,
        }
    }
}

/// One stretch of an archive: bytes of [`Layout::own`], or an outside entry's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span<K> {
    Own(std::ops::Range<usize>),
    Outside { key: K, size: u64 },
}

/// An archive as the stretches it is made of, in order: the headers, the directory and the
/// entries held as bytes are in `own`; the archive is every span's bytes one after the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout<K> {
    pub own: Vec<u8>,
    pub spans: Vec<Span<K>>,
}

impl<K> Layout<K> {
    /// The archive's bytes, with `outside` giving each outside entry's (which must be the size
    /// its entry said); `None` if one is missing or of another size.
    pub fn join<'b>(&self, mut outside: impl FnMut(&K) -> Option<&'b [u8]>) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(self.len() as usize);
        for span in &self.spans {
            match span {
                Span::Own(range) => out.extend_from_slice(self.own.get(range.clone())?),
                Span::Outside { key, size } => {
                    let bytes = outside(key).filter(|bytes| bytes.len() as u64 == *size)?;
                    out.extend_from_slice(bytes);
                }
            }
        }
        Some(out)
    }

    /// The archive's size in bytes.
    pub fn len(&self) -> u64 {
        self.spans
            .iter()
            .map(|span| match span {
                Span::Own(range) => range.len() as u64,
                Span::Outside { size, .. } => *size,
            })
            .sum()
    }

    /// Whether the archive has no bytes (never: it has at least its end record).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Writes `entries` (name, bytes) as one zip archive, sorted by name.
pub fn write<B: AsRef<[u8]>>(entries: &[(String, B)]) -> Result<Vec<u8>, ZipError> {
    let contents: Vec<(&str, Content<'_, ()>)> =
        entries.iter().map(|(name, bytes)| (name.as_str(), Content::Bytes(bytes.as_ref()))).collect();
    // With every entry's bytes held, the archive is one span of its own bytes.
    Ok(layout(&contents)?.own)
}

/// Lays `entries` (name, content) out as one zip archive, sorted by name: [`write`], for
/// entries whose bytes may stay outside.
pub fn layout<K: Clone>(entries: &[(&str, Content<'_, K>)]) -> Result<Layout<K>, ZipError> {
    if entries.len() > MAX_ENTRIES {
        return Err(ZipError::TooManyEntries { count: entries.len() });
    }
    let mut sorted: Vec<&(&str, Content<'_, K>)> = entries.iter().collect();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    for pair in sorted.windows(2) {
        if let [a, b] = pair {
            if a.0 == b.0 {
                return Err(ZipError::DuplicateName { name: a.0.to_owned() });
            }
        }
    }
    if let Some((name, _)) = sorted.iter().find(|(name, _)| !is_safe_name(name)) {
        return Err(ZipError::BadName { name: (*name).to_owned() });
    }
    let total: u64 = sorted.iter().map(|(name, content)| 76 + 2 * name.len() as u64 + content.size()).sum::<u64>() + 22;
    if total > MAX_ARCHIVE_BYTES {
        return Err(ZipError::TooLarge { bytes: total });
    }
    let outside: u64 =
        sorted.iter().filter(|(_, content)| matches!(content, Content::Outside { .. })).map(|(_, c)| c.size()).sum();
    let mut out = Vec::with_capacity(total.saturating_sub(outside) as usize);
    let mut spans: Vec<Span<K>> = Vec::new();
    // Where the archive stands: the own bytes written plus the outside entries' sizes.
    let mut placed: u64 = 0;
    let mut own_from = 0;
    let mut central = Vec::new();
    for (name, content) in sorted {
        let offset = (out.len() - own_from) as u64 + placed;
        let (crc, size, name_len) = match content {
            Content::Bytes(bytes) => (crc32(bytes), bytes.len() as u32, name.len() as u16),
            Content::Outside { crc32, size, .. } => (*crc32, *size as u32, name.len() as u16),
        };
        let flags = if name.is_ascii() { 0 } else { UTF8_NAME };
        // Local file header.
        put32(&mut out, 0x0403_4b50);
        for value in [VERSION, flags, 0, DOS_TIME, DOS_DATE] {
            put16(&mut out, value);
        }
        for value in [crc, size, size] {
            put32(&mut out, value);
        }
        put16(&mut out, name_len);
        put16(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        match content {
            Content::Bytes(bytes) => out.extend_from_slice(bytes),
            Content::Outside { key, size, .. } => {
                placed += (out.len() - own_from) as u64 + size;
                spans.push(Span::Own(own_from..out.len()));
                spans.push(Span::Outside { key: key.clone(), size: *size });
                own_from = out.len();
            }
        }
        // Its central directory record.
        put32(&mut central, 0x0201_4b50);
        for value in [MADE_BY, VERSION, flags, 0, DOS_TIME, DOS_DATE] {
            put16(&mut central, value);
        }
        for value in [crc, size, size] {
            put32(&mut central, value);
        }
        for value in [name_len, 0, 0, 0, 0] {
            put16(&mut central, value);
        }
        put32(&mut central, FILE_ATTRIBUTES);
        put32(&mut central, offset as u32);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = ((out.len() - own_from) as u64 + placed) as u32;
    let central_len = central.len() as u32;
    let count = entries.len() as u16;
    out.extend_from_slice(&central);
    // End of central directory.
    put32(&mut out, 0x0605_4b50);
    for value in [0, 0, count, count] {
        put16(&mut out, value);
    }
    put32(&mut out, central_len);
    put32(&mut out, central_offset);
    put16(&mut out, 0);
    spans.push(Span::Own(own_from..out.len()));
    spans.retain(|span| !matches!(span, Span::Own(range) if range.is_empty()));
    Ok(Layout { own: out, spans })
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

#[cfg(test)]
#[path = "zip_tests.rs"]
mod tests;
