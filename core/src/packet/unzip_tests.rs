#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)] // Tests build their cases by position.

use std::process::Command;

use proptest::prelude::*;

use super::*;
use crate::packet::zip::write;

fn entries() -> Vec<(String, Vec<u8>)> {
    vec![
        ("bag/bagit.txt".to_owned(), b"BagIt-Version: 1.0\n".to_vec()),
        ("bag/data/申请表.json".to_owned(), "{\"名\":\"张三\"}".as_bytes().to_vec()),
        ("bag/data/scan.jpg".to_owned(), (0..=255u8).cycle().take(5_000).collect()),
    ]
}

fn archive() -> Vec<u8> {
    write(&entries()).expect("writes")
}

/// `archive` with every occurrence of the name `from` replaced by `to` (of the same length),
/// for names and doubles the writer itself refuses to make.
fn renamed(archive: &[u8], from: &str, to: &str) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let mut out = archive.to_vec();
    let (from, to) = (from.as_bytes(), to.as_bytes());
    let mut at = 0;
    while let Some(found) = out.get(at..).and_then(|rest| rest.windows(from.len()).position(|w| w == from)) {
        out.splice(at + found..at + found + from.len(), to.iter().copied());
        at += found + from.len();
    }
    out
}

#[test]
fn what_the_writer_writes_reads_back() {
    let mut sorted = entries();
    sorted.sort();
    assert!(read(&archive(), Limits::default()) == Ok(sorted), "the same names and bytes, in name order");
}

/// Archives made by other tools: Info-ZIP's `zip` and Python's `zipfile`, deflated.
#[test]
fn archives_of_other_tools_are_read() {
    let dir = std::env::temp_dir().join(format!("yibiao-unzip-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("bag")).expect("a folder");
    std::fs::write(dir.join("bag").join("text.txt"), "一表通 ".repeat(2_000)).expect("written");
    let zipped = Command::new("zip").args(["-q", "-r", "by-zip.zip", "bag"]).current_dir(&dir).status();
    assert!(zipped.expect("zip is installed").success());
    let script = "import zipfile\nwith zipfile.ZipFile('by-python.zip', 'w', zipfile.ZIP_DEFLATED) as z:\n    z.writestr('bag/文本.txt', '一表通 ' * 2000)\n";
    let made = Command::new("python3").args(["-c", script]).current_dir(&dir).status().expect("python3 runs");
    assert!(made.success());
    for (file, name) in [("by-zip.zip", "bag/text.txt"), ("by-python.zip", "bag/文本.txt")] {
        let bytes = std::fs::read(dir.join(file)).expect("made");
        let read = read(&bytes, Limits::default()).expect(file);
        let (_, content) = read.iter().find(|(found, _)| found == name).expect(name);
        assert_eq!(String::from_utf8_lossy(content), "一表通 ".repeat(2_000), "{file}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn what_is_not_a_zip_or_is_cut_short_is_named() {
    assert_eq!(read(b"", Limits::default()), Err(UnzipError::NotZip));
    assert_eq!(read("姓名,身份证号\n张三,1101".as_bytes(), Limits::default()), Err(UnzipError::NotZip));
    let whole = archive();
    for cut in [whole.len() - 1, whole.len() / 2, 30] {
        assert_eq!(read(&whole[..cut], Limits::default()), Err(UnzipError::Truncated), "cut at {cut}");
    }
}

#[test]
fn unsafe_and_repeated_names_are_refused() {
    let whole = archive();
    for (from, to) in [("bag/bagit.txt", "../bagit.txtx"), ("bag/bagit.txt", "/bag/bagit.tx"), ("bag/bagit.txt", "bag\\bagit.txt")] {
        let name = to.to_owned();
        assert_eq!(read(&renamed(&whole, from, to), Limits::default()), Err(UnzipError::BadName { name }), "{to}");
    }
    let control = renamed(&whole, "bag/bagit.txt", "bag/bagit\u{7}txt");
    assert!(matches!(read(&control, Limits::default()), Err(UnzipError::BadName { .. })));
    let two = write(&[("a.txt".to_owned(), b"1".to_vec()), ("b.txt".to_owned(), b"2".to_vec())]).expect("writes");
    let two = renamed(&two, "b.txt", "a.txt");
    assert_eq!(read(&two, Limits::default()), Err(UnzipError::DuplicateName { name: "a.txt".to_owned() }));
}

#[test]
fn limits_hold_before_anything_is_copied() {
    let whole = archive();
    let few = Limits { max_entries: 2, ..Limits::default() };
    assert_eq!(read(&whole, few), Err(UnzipError::TooManyEntries { count: 3, max: 2 }));
    let small = Limits { max_entry_bytes: 1_000, ..Limits::default() };
    assert!(matches!(read(&whole, small), Err(UnzipError::EntryTooLarge { bytes: 5_000, .. })));
    let total = Limits { max_total_bytes: 4_000, ..Limits::default() };
    assert!(matches!(read(&whole, total), Err(UnzipError::TooLarge { .. })));
}

/// Ten megabytes of zeros deflate to about ten kilobytes: refused before inflating.
#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    let dir = std::env::temp_dir().join(format!("yibiao-bomb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let script = "import zipfile\nwith zipfile.ZipFile('bomb.zip', 'w', zipfile.ZIP_DEFLATED) as z:\n    z.writestr('bag/zeros.txt', bytes(10_000_000))\n";
    assert!(Command::new("python3").args(["-c", script]).current_dir(&dir).status().expect("runs").success());
    let bytes = std::fs::read(dir.join("bomb.zip")).expect("made");
    assert_eq!(read(&bytes, Limits::default()), Err(UnzipError::Bomb { name: "bag/zeros.txt".to_owned() }));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn one_flipped_byte_names_the_damaged_file() {
    let mut whole = archive();
    let at = whole.windows(4).position(|w| w == b"{\"\xe5\x90").expect("the json's bytes");
    whole[at + 1] ^= 1;
    assert_eq!(read(&whole, Limits::default()), Err(UnzipError::Damaged { name: "bag/data/申请表.json".to_owned() }));
}

#[test]
fn every_message_is_said_in_both_languages() {
    let errors = [
        UnzipError::NotZip,
        UnzipError::Truncated,
        UnzipError::Bomb { name: "x".to_owned() },
        UnzipError::Damaged { name: "x".to_owned() },
    ];
    for error in errors {
        let (zh, en) = (error.message(Lang::Zh), error.message(Lang::En));
        assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{error:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]
    /// Any bytes changed, cut or added: an answer, never a panic.
    #[test]
    fn mutated_archives_never_panic(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..8),
        cut in any::<usize>(),
    ) {
        let mut bytes = archive();
        for (at, value) in edits {
            let len = bytes.len();
            if let Some(byte) = bytes.get_mut(at % len) {
                *byte = value;
            }
        }
        bytes.truncate(cut % (bytes.len() + 1));
        let _ = read(&bytes, Limits::default());
    }
}
