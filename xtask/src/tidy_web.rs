//! Tidy tests of the web side: the end-to-end scripts and the style sheets (see `tidy.rs`).

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::tidy::{root, rust_files};

/// Where `waitForFunction(` is given a check that answers with a promise (`async`, or a
/// `new Promise`) in `script`: Playwright takes the promise for a truthy answer and returns at
/// once, so such a wait waits for nothing. Those checks go through `waitUntil` (`walk.mjs`).
fn waits_for_a_promise(script: &str) -> Vec<usize> {
    let mut found = Vec::new();
    for (at, _) in script.match_indices("waitForFunction(") {
        let rest = &script[at + "waitForFunction(".len()..];
        let Some(arrow) = rest.find("=>") else { continue };
        let (head, body) = (&rest[..arrow], rest[arrow + 2..].trim_start());
        if head.contains("async") || body.starts_with("new Promise") {
            found.push(script[..at].lines().count().max(1));
        }
    }
    found
}

#[test]
fn no_browser_wait_takes_a_promise_for_an_answer() {
    assert_eq!(
        waits_for_a_promise("await page.waitForFunction(async (n) => (await caches.keys()).length === n, 1);"),
        [1]
    );
    assert_eq!(waits_for_a_promise("x;\npage.waitForFunction((n) => new Promise((resolve) => resolve(n)))"), [2]);
    assert!(waits_for_a_promise("page.waitForFunction((n) => document.title === n, 'x')").is_empty());
    let folder = root().join("tests/e2e");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|ext| ext == "mjs") {
            let script = std::fs::read_to_string(&path).unwrap_or_default();
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            found.extend(waits_for_a_promise(&script).into_iter().map(|line| format!("tests/e2e/{name}:{line}")));
        }
    }
    found.sort();
    assert!(found.is_empty(), "waits that wait for nothing (use waitUntil from walk.mjs):\n{}", found.join("\n"));
}

/// The class names a style sheet styles (`.name`), its comments left out.
fn classes_of(sheet: &str) -> BTreeSet<String> {
    let mut code = String::new();
    let mut rest = sheet;
    while let Some(start) = rest.find("/*") {
        code.push_str(&rest[..start]);
        rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
    }
    code.push_str(rest);
    // Quoted text (a data URL's address, a font's name) is no selector.
    let code: String = code.split('"').step_by(2).collect::<Vec<_>>().join(" ");
    let mut classes = BTreeSet::new();
    let bytes = code.as_bytes();
    for (at, _) in code.match_indices('.') {
        let after_digit = at > 0 && bytes[at - 1].is_ascii_digit();
        let name: String = code[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_')
            .collect();
        if !after_digit && name.starts_with(|c: char| c.is_ascii_lowercase()) {
            classes.insert(name);
        }
    }
    classes
}

/// Whether `class` is written in `source` as a whole name, or made there by `format!` from its
/// stem (`elder-3` from `"elder-{step}"`).
fn names_class(source: &str, class: &str) -> bool {
    let part = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let whole = source
        .match_indices(class)
        .any(|(at, _)| !source[..at].ends_with(part) && !source[at + class.len()..].starts_with(part));
    let made = class
        .rsplit_once('-')
        .is_some_and(|(stem, tail)| tail.chars().all(|c| c.is_ascii_digit()) && source.contains(&format!("{stem}-{{")));
    whole || made
}

/// Every class a style sheet styles is one the app or the packet writes: a rule for a class
/// nobody writes is dead weight in the first load, or, worse, a rule that silently does not
/// apply (a print rule that was to hide the device notice named a class the notice never had).
#[test]
fn every_styled_class_is_written_somewhere() {
    assert_eq!(
        classes_of(r#".a, .b-2 > p { margin: 0.5rem } /* .c */ .d:hover { mask: url("http://www.w3.org/x.svg") }"#),
        ["a", "b-2", "d"].map(String::from).into()
    );
    assert!(names_class(r#"class="button notice-banner""#, "notice-banner"));
    assert!(!names_class(r#"class="notice-banner-x""#, "notice-banner"));
    assert!(names_class(r#"format!("elder elder-{step}")"#, "elder-3"));
    let root = root();
    let mut sources: Vec<PathBuf> = rust_files(&root.join("src"));
    sources.extend(rust_files(&root.join("core/src/packet")));
    for file in ["index.html", "admin.html", "assets/recover.js", "assets/packet-worker.js"] {
        sources.push(root.join(file));
    }
    let written: String = sources.iter().map(|path| std::fs::read_to_string(path).unwrap_or_default()).collect();
    let mut found = Vec::new();
    for sheet in ["main.css", "packet.css"] {
        let text = std::fs::read_to_string(root.join("assets/styles").join(sheet)).unwrap_or_default();
        for class in classes_of(&text) {
            if !names_class(&written, &class) {
                found.push(format!("assets/styles/{sheet}: .{class}"));
            }
        }
    }
    assert!(found.is_empty(), "classes styled but written nowhere:\n{}", found.join("\n"));
}
