#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // Tests pick their cases by position.

use proptest::prelude::*;

use super::*;
use crate::date::Date;
use crate::packet::bag::bag;

fn bagged() -> Vec<(String, Vec<u8>)> {
    let payload = vec![
        ("application.json".to_owned(), br#"{"format":"yibiao-packet"}"#.to_vec()),
        ("materials/营业执照.pdf".to_owned(), b"%PDF-1.4".to_vec()),
    ];
    let info = [("External-Identifier", "abc".to_owned())];
    bag("一表通-开办餐饮店", payload, &info, Date::from_ymd(2026, 12, 2).expect("a day")).expect("bags")
}

fn with(mut entries: Vec<(String, Vec<u8>)>, name: &str, bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    entries.retain(|(known, _)| known != name);
    entries.push((name.to_owned(), bytes.to_vec()));
    entries
}

fn without(mut entries: Vec<(String, Vec<u8>)>, name: &str) -> Vec<(String, Vec<u8>)> {
    entries.retain(|(known, _)| known != name);
    entries
}

#[test]
fn a_bag_made_here_checks_out() {
    let verified = verify(bagged()).expect("verifies");
    assert_eq!(verified.top, "一表通-开办餐饮店");
    assert_eq!(verified.info("external-identifier"), Some("abc"));
    assert_eq!(verified.payload.keys().collect::<Vec<_>>(), ["application.json", "materials/营业执照.pdf"]);
}

#[test]
fn each_fault_is_named() {
    let top = "一表通-开办餐饮店";
    let json = format!("{top}/data/application.json");
    let pdf = format!("{top}/data/materials/营业执照.pdf");
    let changed = with(bagged(), &json, br#"{"format":"yibiao-packeT"}"#);
    assert_eq!(verify(changed), Err(VerifyError::Changed { path: "data/application.json".to_owned() }));
    assert_eq!(verify(without(bagged(), &pdf)), Err(VerifyError::Missing { path: "data/materials/营业执照.pdf".to_owned() }));
    let added = with(bagged(), &format!("{top}/data/extra.txt"), b"x");
    assert_eq!(verify(added), Err(VerifyError::Unlisted { path: "data/extra.txt".to_owned() }));
    assert_eq!(verify(without(bagged(), &format!("{top}/bagit.txt"))), Err(VerifyError::NotABag));
    assert_eq!(verify(without(bagged(), &format!("{top}/manifest-sha256.txt"))), Err(VerifyError::NoManifest));
    let old = with(bagged(), &format!("{top}/bagit.txt"), b"BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n");
    assert_eq!(verify(old), Err(VerifyError::Declaration));
    let garbled = with(bagged(), &format!("{top}/manifest-sha256.txt"), b"not a digest  data/application.json\n");
    assert!(matches!(verify(garbled), Err(VerifyError::Changed { .. } | VerifyError::BadManifestLine { .. })));
    let two_tops = with(bagged(), "another/bagit.txt", b"BagIt-Version: 1.0\n");
    assert_eq!(verify(two_tops), Err(VerifyError::SeveralTops));
    assert_eq!(verify(Vec::new()), Err(VerifyError::NotABag));
}

#[test]
fn a_manifest_changed_with_its_payload_is_caught_by_the_tag_manifest() {
    let top = "一表通-开办餐饮店";
    let json = format!("{top}/data/application.json");
    let new_json = br#"{"format":"yibiao-packet","forged":true}"#;
    let entries = with(bagged(), &json, new_json);
    let manifest = format!("{top}/manifest-sha256.txt");
    let text = String::from_utf8(bagged().into_iter().find(|(name, _)| *name == manifest).expect("a manifest").1).expect("text");
    let old = crate::packet::sha256_hex(br#"{"format":"yibiao-packet"}"#);
    let forged = text.replace(&old, &crate::packet::sha256_hex(new_json));
    let entries = with(entries, &manifest, forged.as_bytes());
    assert_eq!(verify(entries), Err(VerifyError::Changed { path: "manifest-sha256.txt".to_owned() }));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]
    /// Any byte of any file changed: the bag is refused with the file named, never a panic.
    #[test]
    fn a_flipped_byte_anywhere_is_caught(file in 0usize..6, at in any::<usize>(), bit in 0u8..8) {
        let mut entries = bagged();
        entries.sort();
        let (name, bytes) = &mut entries[file % 6];
        if bytes.is_empty() { return Ok(()); }
        let len = bytes.len();
        let before = bytes[at % len];
        bytes[at % len] ^= 1 << bit;
        // A digest's hex may be written in either case (the RFC's tools differ): not a change.
        if name.ends_with("manifest-sha256.txt") && before.is_ascii_hexdigit() && before.eq_ignore_ascii_case(&bytes[at % len]) {
            return Ok(());
        }
        let name = name.clone();
        let result = verify(entries);
        prop_assert!(result.is_err(), "{name} changed and still verified");
    }
}

/// The bag check gives each payload file's SHA-256; a path listed twice with two digests is
/// refused, and listed twice alike it counts once.
#[test]
fn the_digests_checked_are_given_and_a_path_listed_twice_must_agree() {
    let verified = verify(bagged()).expect("verifies");
    assert_eq!(verified.digests["materials/营业执照.pdf"], crate::packet::sha256_hex(b"%PDF-1.4"));
    let top = "一表通-开办餐饮店";
    let manifest_name = format!("{top}/manifest-sha256.txt");
    let manifest = bagged().into_iter().find(|(name, _)| *name == manifest_name).expect("a manifest").1;
    let line = String::from_utf8(manifest.clone()).expect("text").lines().last().expect("a line").to_owned();
    let twice = [manifest.clone(), format!("{line}\n").into_bytes()].concat();
    // (No tag manifest: it would name the manifest's old digest.)
    let entries = without(with(bagged(), &manifest_name, &twice), &format!("{top}/tagmanifest-sha256.txt"));
    assert_eq!(verify(entries).expect("verifies").payload.len(), 2);
    let other = format!("{}{}\n", "0".repeat(64), line.get(64..).expect("after the digest"));
    let entries = without(with(bagged(), &manifest_name, &[manifest, other.into_bytes()].concat()), &format!("{top}/tagmanifest-sha256.txt"));
    assert!(matches!(verify(entries), Err(VerifyError::Changed { .. })));
}
