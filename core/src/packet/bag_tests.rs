use std::path::{Path, PathBuf};
use std::process::Command;

use super::*;
use crate::packet::zip;

fn date() -> Date {
    Date::from_ymd(2026, 12, 2).expect("a day")
}

fn payload() -> Vec<(String, Vec<u8>)> {
    vec![
        ("application.json".to_owned(), br#"{"format":"yibiao-packet"}"#.to_vec()),
        ("materials/营业执照 (副本).pdf".to_owned(), b"%PDF-1.4 not really".to_vec()),
        ("forms/设立登记.html".to_owned(), "<!doctype html><title>设立登记</title>".as_bytes().to_vec()),
    ]
}

fn info() -> Vec<(&'static str, String)> {
    vec![("Bag-Group-Identifier", "开办餐饮店\nsecond line".to_owned()), ("External-Identifier", "abc".to_owned())]
}

/// The workspace's Python judges (installed by `cargo xtask test`).
fn judge_python() -> PathBuf {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/tools/venv/bin/python");
    assert!(
        python.exists(),
        "the BagIt validator is missing: run `cargo xtask test` once, which installs it into target/tools/venv"
    );
    python
}

#[test]
fn the_tag_files_say_what_the_rfc_asks() {
    let files = bag("packet", payload(), &info(), date()).expect("bags");
    let text = |name: &str| {
        let (_, bytes) = files.iter().find(|(path, _)| path == &format!("packet/{name}")).expect(name);
        String::from_utf8(bytes.clone()).expect("text")
    };
    assert_eq!(text("bagit.txt"), BAGIT_TXT);
    let octets: usize = payload().iter().map(|(_, bytes)| bytes.len()).sum();
    let bag_info = text("bag-info.txt");
    assert!(bag_info.starts_with(&format!("Bagging-Date: 2026-12-02\nPayload-Oxum: {octets}.3\n")), "{bag_info}");
    assert!(bag_info.contains("Bag-Group-Identifier: 开办餐饮店 second line\n"), "one line: {bag_info}");
    assert!(text("manifest-sha256.txt").contains("  data/materials/营业执照 (副本).pdf\n"));
    assert_eq!(text("tagmanifest-sha256.txt").lines().count(), 3);
}

#[test]
fn bad_paths_are_refused() {
    assert_eq!(bag("a/b", payload(), &[], date()), Err(BagError::BadPath { path: "a/b".to_owned() }));
    for path in ["../outside", "/etc/passwd", "a\\b", "100%.pdf", "two\nlines"] {
        let refused = bag("packet", vec![(path.to_owned(), Vec::new())], &[], date());
        assert_eq!(refused, Err(BagError::BadPath { path: path.to_owned() }), "{path:?}");
    }
}

/// Zipped, unzipped by the system's `unzip` and validated by the Library of Congress's BagIt
/// validator; then one flipped byte is caught by the same validator, naming the file.
#[test]
fn a_standard_validator_accepts_the_bag_and_catches_a_flipped_byte() {
    let python = judge_python();
    let dir = std::env::temp_dir().join(format!("yibiao-bag-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let archive = dir.join("packet.zip");
    let files = bag("一表通-开办餐饮店", payload(), &info(), date()).expect("bags");
    std::fs::write(&archive, zip::write(&files).expect("zips")).expect("saved");
    let unzipped = Command::new("unzip").arg("-q").arg(&archive).arg("-d").arg(&dir).status().expect("unzip runs");
    assert!(unzipped.success());
    let validate = |bag: &Path| {
        let out = Command::new(&python).args(["-m", "bagit", "--validate"]).arg(bag).output().expect("bagit runs");
        (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let top = dir.join("一表通-开办餐饮店");
    let (valid, said) = validate(&top);
    assert!(valid, "{said}");
    let flipped = top.join("data").join("application.json");
    let mut bytes = std::fs::read(&flipped).expect("read");
    bytes[3] ^= 1;
    std::fs::write(&flipped, bytes).expect("write");
    let (valid, said) = validate(&top);
    assert!(!valid && said.contains("application.json"), "{said}");
    let _ = std::fs::remove_dir_all(&dir);
}
