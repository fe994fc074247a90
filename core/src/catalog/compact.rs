//! The compact catalog (目录的紧凑形式): a loaded catalog in a small binary form (postcard),
//! read back without the TOML parser or the checker. The app starts from it; only the catalog
//! page for administrators parses and checks TOML. Stored in the browser as base64 text.

use super::Catalog;

/// Marks a compact catalog of this layout; another layout is refused, never misread.
const MAGIC: &[u8; 4] = b"YBC4";

/// Writes a catalog (one that loaded without errors) in compact form.
pub fn encode(catalog: &Catalog) -> Vec<u8> {
    let mut bytes = MAGIC.to_vec();
    // Plain data always serialises.
    bytes.extend(postcard::to_allocvec(catalog).unwrap_or_default());
    bytes
}

/// Reads a compact catalog; `None` for anything else, damaged, or of another layout.
pub fn decode(bytes: &[u8]) -> Option<Catalog> {
    let body = bytes.strip_prefix(MAGIC)?;
    let (catalog, rest) = postcard::take_from_bytes::<Catalog>(body).ok()?;
    rest.is_empty().then_some(catalog)
}

/// The compact form as text, for storage that holds only text.
pub fn encode_text(catalog: &Catalog) -> String {
    base64_encode(&encode(catalog))
}

/// Reads the text form.
pub fn decode_text(text: &str) -> Option<Catalog> {
    decode(&base64_decode(text)?)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648, with padding): also the build's Subresource Integrity digests.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, byte)| n | u32::from(*byte) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                text.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                text.push('=');
            }
        }
    }
    text
}

pub(crate) fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u8> = text
        .trim_end_matches('=')
        .bytes()
        .map(|b| ALPHABET.iter().position(|a| *a == b).map(|p| p as u8))
        .collect::<Option<_>>()?;
    let mut bytes = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, d)| n | u32::from(*d) << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            bytes.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_the_standard_one() {
        assert_eq!(base64_encode(b""), "");
        assert_eq!(base64_encode(b"f"), "Zg==");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        assert_eq!(base64_encode(b"foo"), "Zm9v");
        assert_eq!(base64_encode(b"foob"), "Zm9vYg==");
        assert_eq!(base64_encode(b"fooba"), "Zm9vYmE=");
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64_encode(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn base64_round_trips_every_length() {
        for length in 0..10 {
            let bytes: Vec<u8> = (0..length).map(|i| (i * 37 + 200) as u8).collect();
            let text = base64_encode(&bytes);
            assert_eq!(text.len() % 4, 0);
            assert_eq!(base64_decode(&text), Some(bytes));
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_encode(b"Ma"), "TWE=");
        assert_eq!(base64_decode("not base64!"), None);
    }
}
