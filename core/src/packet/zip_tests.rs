use std::process::Command;

use super::*;

fn entries() -> Vec<(String, Vec<u8>)> {
    vec![
        ("一表通-开办餐饮店/data/application.json".to_owned(), br#"{"format":"yibiao-packet"}"#.to_vec()),
        ("一表通-开办餐饮店/bagit.txt".to_owned(), b"BagIt-Version: 1.0\n".to_vec()),
        ("一表通-开办餐饮店/data/materials/营业执照.pdf".to_owned(), (0..=255u8).cycle().take(70_000).collect()),
        ("一表通-开办餐饮店/data/empty.txt".to_owned(), Vec::new()),
    ]
}

/// A fresh folder under the target directory for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("yibiao-zip-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

#[test]
fn crc32_of_the_check_string() {
    assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    assert_eq!(crc32(b""), 0);
}

/// Eight bytes a step gives what one bit at a time gives, at every length and alignment.
#[test]
fn crc32_by_eight_bytes_is_crc32_bit_by_bit() {
    let bitwise = |bytes: &[u8]| {
        let mut crc = !0u32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { 0xedb8_8320 ^ (crc >> 1) } else { crc >> 1 };
            }
        }
        !crc
    };
    let data: Vec<u8> = (0..300u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8).collect();
    for start in 0..9 {
        for end in start..data.len() {
            assert_eq!(crc32(&data[start..end]), bitwise(&data[start..end]), "{start}..{end}");
        }
    }
}

#[test]
fn the_same_entries_give_the_same_bytes_in_any_order() {
    let mut reversed = entries();
    reversed.reverse();
    assert_eq!(write(&entries()), write(&reversed));
}

/// The system's `unzip` tests every entry's CRC and lists the Chinese names as they are.
#[test]
fn unzip_reads_every_entry_and_name() {
    let dir = scratch("unzip");
    let archive = dir.join("packet.zip");
    std::fs::write(&archive, write(&entries()).expect("writes")).expect("saved");
    let tested = Command::new("unzip").arg("-t").arg(&archive).output().expect("unzip is installed");
    let said = String::from_utf8_lossy(&tested.stdout);
    assert!(tested.status.success(), "{said}");
    assert!(said.contains("No errors detected"), "{said}");
    let listed = Command::new("unzip").arg("-Z1").arg(&archive).output().expect("unzip lists");
    let names = String::from_utf8_lossy(&listed.stdout);
    for (name, _) in entries() {
        assert!(names.lines().any(|line| line == name), "{name} in {names}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Python's `zipfile` reads the names as UTF-8 and the bytes with their CRCs.
#[test]
fn python_zipfile_reads_names_and_bytes() {
    let dir = scratch("python");
    let archive = dir.join("packet.zip");
    std::fs::write(&archive, write(&entries()).expect("writes")).expect("saved");
    let script = "import sys, zipfile, hashlib\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nfor i in z.infolist():\n    print(i.filename, hashlib.sha256(z.read(i)).hexdigest())\n";
    let read = Command::new("python3").arg("-c").arg(script).arg(&archive).output().expect("python3 is installed");
    assert!(read.status.success(), "{}", String::from_utf8_lossy(&read.stderr));
    let said = String::from_utf8_lossy(&read.stdout);
    for (name, bytes) in entries() {
        let line = format!("{name} {}", super::super::sha256_hex(&bytes));
        assert!(said.lines().any(|l| l == line), "{line} in {said}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unsafe_and_repeated_names_are_refused() {
    for name in ["", "/etc/passwd", "a/../b", "a\\b", "a//b", "./a", "a\u{7}b"] {
        assert_eq!(
            write(&[(name.to_owned(), Vec::new())]),
            Err(ZipError::BadName { name: name.to_owned() }),
            "{name:?}"
        );
    }
    let twice = [("a".to_owned(), Vec::new()), ("a".to_owned(), b"x".to_vec())];
    assert_eq!(write(&twice), Err(ZipError::DuplicateName { name: "a".to_owned() }));
}

/// An archive laid out with some entries' bytes outside, those bytes put in their places, is
/// the archive written with every entry's bytes: the same offsets, the same directory.
#[test]
fn a_layout_with_entries_outside_joins_to_the_written_archive() {
    let entries = entries();
    let written = write(&entries).expect("writes");
    for outside in [vec![], vec![2], vec![0, 2], vec![0, 1, 2, 3]] {
        let contents: Vec<(&str, Content<'_, usize>)> = entries
            .iter()
            .enumerate()
            .map(|(n, (name, bytes))| {
                let content = if outside.contains(&n) {
                    Content::Outside { key: n, size: bytes.len() as u64, crc32: crc32(bytes) }
                } else {
                    Content::Bytes(bytes.as_slice())
                };
                (name.as_str(), content)
            })
            .collect();
        let laid = layout(&contents).expect("lays out");
        let held: usize = outside.iter().map(|&n| entries[n].1.len()).sum();
        assert_eq!(laid.own.len() + held, written.len(), "the outside bytes are not copied in");
        assert_eq!(laid.len(), written.len() as u64);
        let joined = laid.join(|&n| entries.get(n).map(|(_, bytes)| bytes.as_slice())).expect("joins");
        assert!(joined == written, "outside {outside:?}");
        // Bytes of another size than the entry said are refused.
        if let Some(&n) = outside.first() {
            let short = b"x".as_slice();
            assert_eq!(laid.join(|&k| if k == n { Some(short) } else { Some(entries[k].1.as_slice()) }), None);
        }
    }
}
