//! SM3 (GB/T 32905-2016), the national hash function: a packet names each attachment by its
//! SM3 digest beside its SHA-256, for receiving systems that use the national algorithms.
//! Streaming, so that a 40 MB packet is hashed as it is read.

/// The initial value (IV) of the standard.
const IV: [u32; 8] =
    [0x7380_166f, 0x4914_b2b9, 0x1724_42d7, 0xda8a_0600, 0xa96f_30bc, 0x1631_38aa, 0xe38d_ee4d, 0xb0fb_0e4e];

/// An SM3 hash being computed.
#[derive(Debug, Clone)]
pub struct Sm3 {
    state: [u32; 8],
    /// The bytes not yet compressed (fewer than one 64-byte block).
    pending: Vec<u8>,
    /// The length of the message so far, in bytes.
    length: u64,
}

impl Default for Sm3 {
    fn default() -> Self {
        Sm3 { state: IV, pending: Vec::with_capacity(64), length: 0 }
    }
}

impl Sm3 {
    pub fn new() -> Self {
        Sm3::default()
    }

    /// Adds `bytes` to the message.
    pub fn update(&mut self, mut bytes: &[u8]) {
        self.length = self.length.wrapping_add(bytes.len() as u64);
        if !self.pending.is_empty() {
            let wanted = 64usize.saturating_sub(self.pending.len()).min(bytes.len());
            let (head, rest) = bytes.split_at(wanted);
            self.pending.extend_from_slice(head);
            bytes = rest;
            if self.pending.len() == 64 {
                let block = std::mem::take(&mut self.pending);
                compress(&mut self.state, &block);
                self.pending = block;
                self.pending.clear();
            }
        }
        let mut blocks = bytes.chunks_exact(64);
        for block in &mut blocks {
            compress(&mut self.state, block);
        }
        self.pending.extend_from_slice(blocks.remainder());
    }

    /// The digest of the message.
    pub fn finish(mut self) -> [u8; 32] {
        let bits = self.length.wrapping_mul(8);
        let mut tail = std::mem::take(&mut self.pending);
        tail.push(0x80);
        while tail.len() % 64 != 56 {
            tail.push(0);
        }
        tail.extend_from_slice(&bits.to_be_bytes());
        for block in tail.chunks_exact(64) {
            compress(&mut self.state, block);
        }
        let mut digest = [0u8; 32];
        for (out, word) in digest.chunks_exact_mut(4).zip(self.state) {
            out.copy_from_slice(&word.to_be_bytes());
        }
        digest
    }
}

/// The SM3 digest of `bytes`, in lowercase hexadecimal.
pub fn sm3_hex(bytes: &[u8]) -> String {
    let mut hash = Sm3::new();
    hash.update(bytes);
    super::hex(&hash.finish())
}

fn p0(x: u32) -> u32 {
    x ^ x.rotate_left(9) ^ x.rotate_left(17)
}

fn p1(x: u32) -> u32 {
    x ^ x.rotate_left(15) ^ x.rotate_left(23)
}

/// The round constants T_j, already rotated left by j (mod 32) as every round uses them.
const T: [u32; 64] = {
    let mut t = [0u32; 64];
    let mut j = 0;
    while j < 64 {
        let base: u32 = if j < 16 { 0x79cc_4519 } else { 0x7a87_9d8a };
        t[j] = base.rotate_left((j % 32) as u32);
        j += 1;
    }
    t
};

/// The compression function on one 64-byte block: the message expansion, then sixteen rounds
/// of the first kind and forty-eight of the second, each loop free of branches.
fn compress(state: &mut [u32; 8], block: &[u8]) {
    let mut w = [0u32; 68];
    for (word, bytes) in w.iter_mut().zip(block.chunks_exact(4)) {
        *word = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    }
    for j in 16..68 {
        w[j] = p1(w[j - 16] ^ w[j - 9] ^ w[j - 3].rotate_left(15)) ^ w[j - 13].rotate_left(7) ^ w[j - 6];
    }
    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
    macro_rules! round {
        ($j:expr, $ff:expr, $gg:expr) => {{
            let a12 = a.rotate_left(12);
            let ss1 = a12.wrapping_add(e).wrapping_add(T[$j]).rotate_left(7);
            let ss2 = ss1 ^ a12;
            let tt1 = $ff.wrapping_add(d).wrapping_add(ss2).wrapping_add(w[$j] ^ w[$j + 4]);
            let tt2 = $gg.wrapping_add(h).wrapping_add(ss1).wrapping_add(w[$j]);
            d = c;
            c = b.rotate_left(9);
            b = a;
            a = tt1;
            h = g;
            g = f.rotate_left(19);
            f = e;
            e = p0(tt2);
        }};
    }
    for j in 0..16 {
        round!(j, a ^ b ^ c, e ^ f ^ g);
    }
    for j in 16..64 {
        // The majority of a, b, c; and g where e is clear, f where it is set.
        round!(j, (a & b) | (c & (a | b)), g ^ (e & (f ^ g)));
    }
    for (word, new) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
        *word ^= new;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two examples of GB/T 32905-2016, appendix A.
    #[test]
    fn the_standard_s_examples() {
        assert_eq!(sm3_hex(b"abc"), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assert_eq!(sm3_hex(&b"abcd".repeat(16)), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    #[test]
    fn the_empty_message() {
        assert_eq!(sm3_hex(b""), "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
    }

    proptest::proptest! {
        /// Fed in pieces of any size, the digest is that of the whole.
        #[test]
        fn pieces_hash_as_the_whole(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300), cut in 0usize..300, cut2 in 0usize..300) {
            let (first, rest) = bytes.split_at(cut.min(bytes.len()));
            let (second, third) = rest.split_at(cut2.min(rest.len()));
            let mut hash = Sm3::new();
            hash.update(first);
            hash.update(second);
            hash.update(third);
            proptest::prop_assert_eq!(super::super::hex(&hash.finish()), sm3_hex(&bytes));
        }
    }
}
