//! The reader under `decode`: the bytes, the primitives of postcard's format, and the failure
//! that, once met, stays.

use super::Read;

/// The bytes still to read, and whether reading has failed. A failure is sticky: every later
/// read gives a placeholder and consumes nothing, and the whole is refused at the end. (Reading
/// on without early returns spares the code a path for dropping each partly read value.)
pub(in crate::catalog::pieces) struct Reader<'a> {
    bytes: &'a [u8],
    pub(super) failed: bool,
}

impl<'a> Reader<'a> {
    pub(in crate::catalog::pieces) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, failed: false }
    }

    /// Reads a whole `T`: `None` unless it is well formed and nothing follows it.
    pub(in crate::catalog::pieces) fn whole<T: Read>(bytes: &[u8]) -> Option<T> {
        let mut reader = Reader::new(bytes);
        let value = T::read(&mut reader);
        (!reader.failed && reader.bytes.is_empty()).then_some(value)
    }

    pub(super) fn fail(&mut self) {
        self.failed = true;
        self.bytes = &[];
    }

    pub(super) fn byte(&mut self) -> u8 {
        match self.bytes.split_first() {
            Some((&first, rest)) => {
                self.bytes = rest;
                first
            }
            None => {
                self.fail();
                0
            }
        }
    }

    pub(super) fn take(&mut self, n: usize) -> &'a [u8] {
        if n > self.bytes.len() {
            self.fail();
            return &[];
        }
        let (taken, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        taken
    }

    /// A varint of a `bits`-wide number: at most `ceil(bits / 7)` bytes, and in the last of
    /// that many only the bits left over.
    pub(super) fn varint(&mut self, bits: u32) -> u128 {
        let most = bits.div_ceil(7);
        let mut value: u128 = 0;
        for i in 0..most {
            let byte = self.byte();
            value |= u128::from(byte & 0x7F) << (7 * i);
            if byte & 0x80 == 0 {
                let last_max = (1u16 << (bits % 7)) - 1;
                if i + 1 == most && u16::from(byte) > last_max {
                    self.fail();
                }
                return value;
            }
        }
        self.fail();
        0
    }

    /// A number of `bits` that must fit `T`.
    pub(super) fn number<T: TryFrom<u128> + Default>(&mut self, bits: u32) -> T {
        let value = self.varint(bits);
        T::try_from(value).unwrap_or_else(|_| {
            self.fail();
            T::default()
        })
    }

    pub(super) fn u16(&mut self) -> u16 {
        self.number(16)
    }

    pub(super) fn u32(&mut self) -> u32 {
        self.number(32)
    }

    /// A length: postcard writes a `usize` as a 64-bit varint.
    pub(super) fn len(&mut self) -> usize {
        self.number(64)
    }

    pub(super) fn bool(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => {
                self.fail();
                false
            }
        }
    }

    pub(super) fn str(&mut self) -> &'a str {
        let len = self.len();
        let bytes = self.take(len);
        std::str::from_utf8(bytes).unwrap_or_else(|_| {
            self.fail();
            ""
        })
    }

    /// A `char`: a string of exactly one.
    pub(super) fn char(&mut self) -> char {
        let mut chars = self.str().chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => c,
            _ => {
                self.fail();
                '\0'
            }
        }
    }

    pub(super) fn string(&mut self) -> String {
        self.str().to_owned()
    }

    pub(super) fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> T) -> Option<T> {
        match self.byte() {
            0 => None,
            1 => Some(read(self)),
            _ => {
                self.fail();
                None
            }
        }
    }

    /// A sequence: its length, then each element. Room is made as elements arrive, never for
    /// the length a damaged piece may claim.
    pub(super) fn seq<T>(&mut self, mut read: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let len = self.len();
        let mut out = Vec::with_capacity(len.min(self.bytes.len()));
        for _ in 0..len {
            if self.failed {
                break;
            }
            out.push(read(self));
        }
        out
    }

    /// An enum's variant without contents: its index into `variants`, in declaration order.
    pub(super) fn pick<T: Copy, const N: usize>(&mut self, variants: [T; N]) -> T {
        let index = self.u32();
        match usize::try_from(index).ok().and_then(|index| variants.get(index)) {
            Some(&variant) => variant,
            None => {
                self.fail();
                variants[0]
            }
        }
    }
}
