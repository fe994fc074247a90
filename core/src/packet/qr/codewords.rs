//! The codewords of a QR symbol: the capacities of versions 1 to 10 at level M, the data bit
//! stream, and the Reed–Solomon error correction over GF(2⁸), split into blocks and
//! interleaved.

use super::MAX_VERSION;

/// Level M's error-correction codewords per block and the number of blocks, by version (1–10).
const LEVEL_M: [(usize, usize); MAX_VERSION] =
    [(10, 1), (16, 1), (26, 1), (18, 2), (24, 2), (16, 4), (18, 4), (22, 4), (22, 5), (26, 5)];

/// The codewords (data and error correction) a version holds.
pub(super) fn total_codewords(version: usize) -> usize {
    let mut modules = (16 * version + 128) * version + 64;
    if version >= 2 {
        let count = version / 7 + 2;
        modules -= (25 * count - 10) * count - 55;
        if version >= 7 {
            modules -= 36;
        }
    }
    modules / 8
}

pub(super) fn data_codewords(version: usize) -> usize {
    let (ec, blocks) = LEVEL_M[version - 1];
    total_codewords(version) - ec * blocks
}

/// The bits of the designator, the mode, the count and the text.
pub(super) fn payload_bits(version: usize, len: usize) -> usize {
    12 + 4 + count_bits(version) + 8 * len
}

fn count_bits(version: usize) -> usize {
    if version <= 9 {
        8
    } else {
        16
    }
}

/// The data codewords: ECI 26 (UTF-8), byte mode, the count, the text, the terminator and the
/// padding.
pub(super) fn data_stream(version: usize, text: &[u8]) -> Vec<u8> {
    let mut bits: Vec<bool> = Vec::new();
    let mut push = |value: usize, count: usize| {
        for i in (0..count).rev() {
            bits.push((value >> i) & 1 == 1);
        }
    };
    push(0b0111, 4);
    push(26, 8);
    push(0b0100, 4);
    push(text.len(), count_bits(version));
    for &byte in text {
        push(usize::from(byte), 8);
    }
    let capacity = data_codewords(version) * 8;
    let terminator = (capacity - bits.len()).min(4);
    bits.extend(std::iter::repeat_n(false, terminator));
    while bits.len() % 8 != 0 {
        bits.push(false);
    }
    let mut bytes: Vec<u8> =
        bits.chunks(8).map(|byte| byte.iter().fold(0u8, |acc, &bit| acc << 1 | u8::from(bit))).collect();
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if bytes.len() >= capacity / 8 {
            break;
        }
        bytes.push(pad);
    }
    bytes
}

/// The data split into the version's blocks, each with its Reed–Solomon codewords, interleaved.
pub(super) fn interleaved(version: usize, data: &[u8]) -> Vec<u8> {
    let (ec, count) = LEVEL_M[version - 1];
    let short = data.len() / count;
    let long = data.len() % count;
    let mut blocks = Vec::with_capacity(count);
    let mut start = 0;
    for i in 0..count {
        let len = short + usize::from(i >= count - long);
        blocks.push(&data[start..start + len]);
        start += len;
    }
    let divisor = generator(ec);
    let corrections: Vec<Vec<u8>> = blocks.iter().map(|block| remainder(block, &divisor)).collect();
    let mut out = Vec::with_capacity(total_codewords(version));
    for i in 0..=short {
        out.extend(blocks.iter().filter_map(|block| block.get(i)));
    }
    for i in 0..ec {
        out.extend(corrections.iter().filter_map(|block| block.get(i)));
    }
    out
}

/// Multiplication in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1.
fn gf_mul(a: u8, b: u8) -> u8 {
    let mut product: u16 = 0;
    for i in (0..8).rev() {
        product = (product << 1) ^ ((product >> 7) * 0x11D);
        product ^= ((u16::from(b) >> i) & 1) * u16::from(a);
    }
    product as u8
}

/// The generator polynomial of degree `degree` (roots α⁰ … α^(degree−1)), highest term first
/// and without its leading 1.
pub(super) fn generator(degree: usize) -> Vec<u8> {
    let mut poly = vec![0u8; degree];
    if let Some(last) = poly.last_mut() {
        *last = 1;
    }
    let mut root = 1u8;
    for _ in 0..degree {
        for j in 0..degree {
            poly[j] = gf_mul(poly[j], root);
            if j + 1 < degree {
                poly[j] ^= poly[j + 1];
            }
        }
        root = gf_mul(root, 2);
    }
    poly
}

/// The Reed–Solomon codewords of `data`.
pub(super) fn remainder(data: &[u8], divisor: &[u8]) -> Vec<u8> {
    let mut rem = vec![0u8; divisor.len()];
    for &byte in data {
        let factor = byte ^ rem.first().copied().unwrap_or(0);
        rem.remove(0);
        rem.push(0);
        for (r, &d) in rem.iter_mut().zip(divisor) {
            *r ^= gf_mul(d, factor);
        }
    }
    rem
}
