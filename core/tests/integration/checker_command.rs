//! The `yibiao-catalog check` command as a bureau runs it: exit codes, text and JSON.

use std::path::{Path, PathBuf};
use std::process::Command;

fn checker(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_yibiao-catalog")).args(args).output().expect("the checker runs");
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stdout).into_owned())
}

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog")
}

#[test]
fn a_clean_catalog_exits_zero() {
    let (code, text) = checker(&["check", shipped().to_str().expect("utf-8 path"), "--lang", "en"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.ends_with("0 errors, 0 warnings\n"), "{text}");
}

#[test]
fn errors_exit_one_with_their_place_in_text_and_json() {
    let folder = std::env::temp_dir().join(format!("yibiao-checker-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("temp folder");
    for entry in std::fs::read_dir(shipped()).expect("readable").filter_map(Result::ok) {
        std::fs::copy(entry.path(), folder.join(entry.file_name())).expect("copied");
    }
    let fields = folder.join("fields.toml");
    let text = std::fs::read_to_string(&fields).expect("readable").replace("kind = \"mobile\"", "kind = \"moblie\"");
    std::fs::write(&fields, text).expect("written");

    let path = folder.to_str().expect("utf-8 path");
    let (code, text) = checker(&["check", path]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("fields.toml:25:8: 错误: “kind”不能是“moblie”"), "{text}");
    let (code, json) = checker(&["check", path, "--json"]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert!(report["errors"].as_u64() >= Some(1), "{report}");
    assert_eq!(report["diagnostics"][0]["line"], 25, "{report}");

    let (code, _) = checker(&["check", folder.join("missing").to_str().expect("utf-8")]);
    assert_eq!(code, 2, "an unreadable folder is a usage problem");
    let (code, _) = checker(&["verify"]);
    assert_eq!(code, 2);
    let _ = std::fs::remove_dir_all(&folder);
}
