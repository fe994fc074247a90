//! QR codes (ISO/IEC 18004), made on the device for the cover sheet: byte mode with the UTF-8
//! designator (ECI 26), so that a phone's ordinary reader shows Chinese text as it is; error
//! correction level M (15 % of the symbol may be lost); versions 1 to 10 (up to 212 bytes),
//! the smallest that holds the text; of the eight masks the one the standard's penalty rules
//! prefer. Drawn as SVG with the four-module quiet zone around it.

/// A QR symbol: `size` × `size` modules, `true` is dark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrCode {
    size: usize,
    modules: Vec<bool>,
}

/// Why a text cannot become a QR code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrError {
    /// Occurs when the text's UTF-8 bytes exceed what version 10 at level M holds.
    TooLong { bytes: usize, max: usize },
}

/// The largest version made, and the bytes it holds with the UTF-8 designator.
pub const MAX_VERSION: usize = 10;
pub const MAX_BYTES: usize = 212;

mod codewords;
use codewords::{data_codewords, data_stream, interleaved, payload_bits};
#[cfg(test)]
use codewords::{generator, remainder, total_codewords};

impl QrCode {
    /// The smallest symbol at level M that holds `text`.
    pub fn encode(text: &str) -> Result<QrCode, QrError> {
        let bytes = text.as_bytes();
        let version = (1..=MAX_VERSION)
            .find(|&v| payload_bits(v, bytes.len()) <= data_codewords(v) * 8)
            .ok_or(QrError::TooLong { bytes: bytes.len(), max: MAX_BYTES })?;
        let codewords = interleaved(version, &data_stream(version, bytes));
        let masks = (0..8).map(|mask| QrCode::draw(version, &codewords, mask));
        // The penalty is a sum of small counts: no overflow for symbols this size.
        let best = masks.min_by_key(QrCode::penalty);
        best.ok_or(QrError::TooLong { bytes: bytes.len(), max: MAX_BYTES })
    }

    /// The number of modules on each side (21 for version 1, 4 more for each version after).
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module in column `x`, row `y` is dark (outside the symbol: light).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules.get(y * self.size + x).copied().unwrap_or(false)
    }

    /// The symbol as an SVG element, one path of horizontal runs, with its quiet zone; `label`
    /// is what assistive technology reads for it.
    pub fn svg(&self, label: &str) -> String {
        let side = self.size + 8;
        let mut path = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while self.is_dark(x, y) {
                    x += 1;
                }
                path.push_str(&format!("M{} {}h{}v1h-{}z", start + 4, y + 4, x - start, x - start));
            }
        }
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" role=\"img\" \
aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
<path fill=\"#000\" d=\"{path}\"/></svg>",
            super::html::escape(label)
        )
    }

    fn draw(version: usize, codewords: &[u8], mask: u8) -> QrCode {
        let mut grid = Grid::new(version);
        grid.function_patterns(version);
        grid.data(codewords, mask);
        grid.format_bits(mask);
        QrCode { size: grid.size, modules: grid.dark }
    }

    /// The standard's penalty (rules N1–N4) of this symbol: lower reads more easily.
    fn penalty(&self) -> usize {
        let n = self.size;
        let mut score = 0;
        let line = |i: usize, horizontal: bool| -> Vec<bool> {
            (0..n).map(|j| if horizontal { self.is_dark(j, i) } else { self.is_dark(i, j) }).collect()
        };
        const FINDER: [bool; 11] = [true, false, true, true, true, false, true, false, false, false, false];
        for i in 0..n {
            for horizontal in [true, false] {
                let modules = line(i, horizontal);
                // N1: runs of five or more of one colour.
                let mut run = 1;
                for j in 1..=n {
                    if j < n && modules[j] == modules[j - 1] {
                        run += 1;
                    } else {
                        if run >= 5 {
                            score += run - 2;
                        }
                        run = 1;
                    }
                }
                // N3: a finder's 1:1:3:1:1 with four light modules on one side.
                for window in modules.windows(11) {
                    if window == FINDER || window.iter().rev().eq(FINDER.iter()) {
                        score += 40;
                    }
                }
            }
        }
        // N2: two-by-two blocks of one colour.
        for y in 1..n {
            for x in 1..n {
                let c = self.is_dark(x, y);
                if c == self.is_dark(x - 1, y) && c == self.is_dark(x, y - 1) && c == self.is_dark(x - 1, y - 1) {
                    score += 3;
                }
            }
        }
        // N4: how far the dark share is from half, in steps of five percent.
        let dark = self.modules.iter().filter(|&&d| d).count();
        let total = n * n;
        score + 10 * ((dark * 20).abs_diff(total * 10) / total)
    }
}

/// Every module of a symbol in the making, and which of them the function patterns hold.
struct Grid {
    size: usize,
    dark: Vec<bool>,
    function: Vec<bool>,
}

impl Grid {
    fn new(version: usize) -> Grid {
        let size = version * 4 + 17;
        Grid { size, dark: vec![false; size * size], function: vec![false; size * size] }
    }

    /// Sets a function module; coordinates outside the symbol are ignored (finder separators).
    fn set(&mut self, x: isize, y: isize, dark: bool) {
        let n = self.size as isize;
        if (0..n).contains(&x) && (0..n).contains(&y) {
            let at = (y * n + x) as usize;
            self.dark[at] = dark;
            self.function[at] = true;
        }
    }

    fn function_patterns(&mut self, version: usize) {
        let n = self.size as isize;
        for i in 0..n {
            self.set(6, i, i % 2 == 0);
            self.set(i, 6, i % 2 == 0);
        }
        for (cx, cy) in [(3, 3), (n - 4, 3), (3, n - 4)] {
            for dy in -4..=4_isize {
                for dx in -4..=4_isize {
                    let ring = dx.abs().max(dy.abs());
                    self.set(cx + dx, cy + dy, ring != 2 && ring != 4);
                }
            }
        }
        let centres = alignment_centres(version);
        let last = centres.len().saturating_sub(1);
        for (i, &cy) in centres.iter().enumerate() {
            for (j, &cx) in centres.iter().enumerate() {
                let on_finder = (i == 0 && (j == 0 || j == last)) || (i == last && j == 0);
                if on_finder {
                    continue;
                }
                for dy in -2..=2_isize {
                    for dx in -2..=2_isize {
                        self.set(cx as isize + dx, cy as isize + dy, dx.abs().max(dy.abs()) != 1);
                    }
                }
            }
        }
        // Reserve the format areas now; `format_bits` writes them after masking.
        self.format_bits(0);
        if version >= 7 {
            let mut rem = version;
            for _ in 0..12 {
                rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
            }
            let bits = version << 12 | rem;
            for i in 0..18 {
                let dark = (bits >> i) & 1 == 1;
                let (a, b) = (n - 11 + (i % 3) as isize, (i / 3) as isize);
                self.set(a, b, dark);
                self.set(b, a, dark);
            }
        }
    }

    /// The fifteen format bits (level M, `mask`) in both of their places, and the dark module.
    fn format_bits(&mut self, mask: u8) {
        let data = usize::from(mask); // level M's two bits are 00
        let mut rem = data;
        for _ in 0..10 {
            rem = (rem << 1) ^ ((rem >> 9) * 0x537);
        }
        let bits = (data << 10 | rem) ^ 0x5412;
        let bit = |i: usize| (bits >> i) & 1 == 1;
        let n = self.size as isize;
        for i in 0..6 {
            self.set(8, i as isize, bit(i));
        }
        self.set(8, 7, bit(6));
        self.set(8, 8, bit(7));
        self.set(7, 8, bit(8));
        for i in 9..15 {
            self.set(14 - i as isize, 8, bit(i));
        }
        for i in 0..8 {
            self.set(n - 1 - i as isize, 8, bit(i));
        }
        for i in 8..15 {
            self.set(8, n - 15 + i as isize, bit(i));
        }
        self.set(8, n - 8, true);
    }

    /// The codewords in the zigzag of two-module columns from the bottom right, masked.
    fn data(&mut self, codewords: &[u8], mask: u8) {
        let n = self.size;
        let total_bits = codewords.len() * 8;
        let mut i = 0;
        let mut right = n - 1;
        loop {
            if right == 6 {
                right = 5;
            }
            for vertical in 0..n {
                for j in 0..2 {
                    let x = right - j;
                    let upward = (right + 1) & 2 == 0;
                    let y = if upward { n - 1 - vertical } else { vertical };
                    let at = y * n + x;
                    if self.function[at] {
                        continue;
                    }
                    // Modules after the last codeword are the remainder bits, light.
                    let mut dark = i < total_bits && (codewords[i >> 3] >> (7 - (i & 7))) & 1 == 1;
                    i += 1;
                    if masked(mask, x, y) {
                        dark = !dark;
                    }
                    self.dark[at] = dark;
                }
            }
            if right < 2 {
                break;
            }
            right -= 2;
        }
    }
}

fn masked(mask: u8, x: usize, y: usize) -> bool {
    match mask {
        0 => (x + y) % 2 == 0,
        1 => y % 2 == 0,
        2 => x % 3 == 0,
        3 => (x + y) % 3 == 0,
        4 => (x / 3 + y / 2) % 2 == 0,
        5 => x * y % 2 + x * y % 3 == 0,
        6 => (x * y % 2 + x * y % 3) % 2 == 0,
        _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
    }
}

/// The rows (and columns) of the alignment patterns' centres.
fn alignment_centres(version: usize) -> Vec<usize> {
    if version == 1 {
        return Vec::new();
    }
    let count = version / 7 + 2;
    let last = version * 4 + 10;
    let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2;
    let mut centres: Vec<usize> = (0..count - 1).map(|i| last - i * step).collect();
    centres.push(6);
    centres.reverse();
    centres
}

#[cfg(test)]
#[path = "qr_tests.rs"]
mod tests;
