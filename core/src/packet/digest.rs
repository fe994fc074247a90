//! An attached file as the packet records it without holding its bytes: its size, its CRC-32
//! (for the zip), its SHA-256 (for the manifest and `application.json`) and its SM3 (for
//! receiving systems that use the national algorithms). The packet worker computes them a
//! chunk at a time, beside the browser's own SHA-256, so a 40 MB packet never has its
//! attachments copied whole into the module.

use super::sm3::Sm3;
use super::zip::Crc32;
use crate::attachment::{is_lower_hex, Attachment, Checksums};

/// The size and digests of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDigest {
    pub size: u64,
    pub crc32: u32,
    /// Lowercase hexadecimal, 64 digits.
    pub sha256: String,
    /// Lowercase hexadecimal, 64 digits.
    pub sm3: String,
}

impl FileDigest {
    /// The digests of `bytes`, all computed here.
    pub fn of(bytes: &[u8]) -> FileDigest {
        let mut digester = Digester::default();
        digester.update(bytes);
        digester.finish(super::sha256_hex(bytes))
    }

    /// The digests `attachment` carries: its size, its id (its SHA-256) and the checksums
    /// computed when it was attached; `None` until those are known, or for an id that is not
    /// a SHA-256.
    pub fn known(attachment: &Attachment) -> Option<FileDigest> {
        let Checksums { sm3, crc32 } = attachment.checksums.as_ref()?;
        (is_lower_hex(&attachment.id, 64) && is_lower_hex(sm3, 64)).then(|| FileDigest {
            size: attachment.size,
            crc32: *crc32,
            sha256: attachment.id.clone(),
            sm3: sm3.clone(),
        })
    }

    /// The checksums to keep with the attachment these are the digests of.
    pub fn checksums(&self) -> Checksums {
        Checksums { sm3: self.sm3.clone(), crc32: self.crc32 }
    }

    /// As one word, `size:sha256:crc32:sm3`, its checksums' own word at the end (for a message
    /// between the packet worker and its helper).
    pub fn word(&self) -> String {
        format!("{}:{}:{}", self.size, self.sha256, self.checksums().word())
    }

    /// Reads what [`FileDigest::word`] wrote; `None` for anything else.
    pub fn read(word: &str) -> Option<FileDigest> {
        let mut parts = word.splitn(3, ':');
        let (size, sha256, checksums) = (parts.next()?, parts.next()?, parts.next()?);
        if !is_lower_hex(sha256, 64) {
            return None;
        }
        let Checksums { sm3, crc32 } = Checksums::read(checksums)?;
        Some(FileDigest { size: size.parse().ok()?, crc32, sha256: sha256.to_owned(), sm3 })
    }
}

/// The size, CRC-32 and SM3 of a file read in chunks; its SHA-256 comes from elsewhere (the
/// browser's own, or [`super::sha256_hex`]).
#[derive(Debug, Clone, Default)]
pub struct Digester {
    size: u64,
    crc32: Crc32,
    sm3: Sm3,
}

impl Digester {
    /// Adds the next chunk of the file.
    pub fn update(&mut self, chunk: &[u8]) {
        self.size = self.size.saturating_add(chunk.len() as u64);
        self.crc32.update(chunk);
        self.sm3.update(chunk);
    }

    /// The file's digests, with its SHA-256 computed elsewhere.
    pub fn finish(self, sha256: String) -> FileDigest {
        FileDigest { size: self.size, crc32: self.crc32.finish(), sha256, sm3: super::hex(&self.sm3.finish()) }
    }
}

/// Shares files of `sizes` out among `workers` (at least one): in their order, each file to
/// the share that is lightest so far, so that the shares differ by at most one file's size;
/// each share lists its files' places in `sizes`, in order. (Taking the largest first would
/// balance a little better, at the cost of a sort in the page's first load.)
pub fn share_out(sizes: &[f64], workers: usize) -> Vec<Vec<usize>> {
    let mut shares: Vec<(f64, Vec<usize>)> = vec![(0.0, Vec::new()); workers.max(1)];
    for (n, size) in sizes.iter().enumerate() {
        let lightest = shares.iter_mut().min_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
        if let Some((weight, share)) = lightest {
            *weight += size.max(0.0);
            share.push(n);
        }
    }
    shares.into_iter().map(|(_, share)| share).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A file digested in chunks of any sizes has the digests of the whole, and its word
        /// reads back as itself.
        #[test]
        fn chunks_give_the_digests_of_the_whole(bytes in proptest::collection::vec(any::<u8>(), 0..3000), cuts in proptest::collection::vec(0usize..3000, 0..6)) {
            let mut cuts: Vec<usize> = cuts.into_iter().map(|cut| cut.min(bytes.len())).collect();
            cuts.sort_unstable();
            let mut digester = Digester::default();
            let mut from = 0;
            for cut in cuts.into_iter().chain([bytes.len()]) {
                digester.update(&bytes[from..cut]);
                from = cut;
            }
            let whole = FileDigest::of(&bytes);
            prop_assert_eq!(digester.finish(super::super::sha256_hex(&bytes)), whole.clone());
            prop_assert_eq!(whole.crc32, super::super::zip::crc32(&bytes));
            prop_assert_eq!(&whole.sm3, &super::super::sm3::sm3_hex(&bytes));
            prop_assert_eq!(FileDigest::read(&whole.word()), Some(whole));
        }
    }

    #[test]
    fn files_are_shared_out_evenly_and_each_once() {
        let sizes = [2.0e6, 1.9e6, 2.1e6, 0.1e6, 2.0e6, 1.0e6];
        let shares = share_out(&sizes, 2);
        let weights: Vec<f64> = shares.iter().map(|share| share.iter().map(|&n| sizes[n]).sum()).collect();
        // Each to the lightest: the shares differ by at most one file's size.
        assert!((weights[0] - weights[1]).abs() <= 2.1e6, "{shares:?}");
        assert_eq!(share_out(&[3.0, 3.0, 2.0, 2.0, 2.0], 2).iter().map(Vec::len).collect::<Vec<_>>(), vec![3, 2]);
        let mut all: Vec<usize> = shares.concat();
        all.sort_unstable();
        assert_eq!(all, (0..sizes.len()).collect::<Vec<_>>());
        assert_eq!(share_out(&[5.0], 2), vec![vec![0], vec![]]);
        assert_eq!(share_out(&[], 0), vec![Vec::<usize>::new()]);
        assert_eq!(share_out(&[1.0, f64::NAN, 3.0], 1), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn a_word_that_is_not_a_digest_is_refused() {
        let good = FileDigest::of(b"abc").word();
        assert!(FileDigest::read(&good).is_some());
        for bad in [
            String::new(),
            "3:352441c2".to_owned(),
            good.replace("3:", "x:"),
            format!("{good}:more"),
            good.to_uppercase(),
            good.replacen(':', "::", 1),
        ] {
            assert_eq!(FileDigest::read(&bad), None, "{bad}");
        }
    }
}
