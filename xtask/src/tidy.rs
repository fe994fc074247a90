//! Tidy tests (in the manner of rust-analyzer's): invariants of the source tree that
//! `cargo xtask test` holds, each failing with the place to fix.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `.rs` file under `dir`, sorted.
pub(crate) fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// A file's code without its tests: up to the first `#[cfg(test)]`, and nothing of a file of
/// tests (`*_tests.rs`, `tests.rs`).
fn code_of(path: &Path) -> String {
    let name = path.file_name().and_then(|name| name.to_str()).unwrap_or_default();
    if name == "tests.rs" || name.ends_with("_tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines().filter(|line| !line.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// The top module of the core a file belongs to (`core/src/cond/eval.rs` → `cond`).
fn top_module(src: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let module = first.strip_suffix(".rs").unwrap_or(first);
    (module != "lib" && module != "bin").then(|| module.to_owned())
}

/// Which top modules each top module of the core names through `crate::`.
fn core_imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = root().join("core").join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in rust_files(&src) {
        let Some(module) = top_module(&src, &path) else { continue };
        let code = code_of(&path);
        let uses = graph.entry(module.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !name.is_empty() && name != module {
                uses.insert(name);
            }
        }
    }
    graph
}

/// A circle of imports through `from`, if there is one.
fn circle_from(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![(from.to_owned(), vec![from.to_owned()])];
    let mut seen = BTreeSet::new();
    while let Some((module, path)) = stack.pop() {
        for next in graph.get(&module).into_iter().flatten() {
            if next == from {
                let mut circle = path.clone();
                circle.push(from.to_owned());
                return Some(circle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

#[test]
fn no_import_circle_between_core_modules() {
    let graph = core_imports();
    assert!(graph.len() > 10, "the scan found the core's modules: {graph:?}");
    let circles: Vec<String> =
        graph.keys().filter_map(|module| circle_from(&graph, module)).map(|circle| circle.join(" → ")).collect();
    assert!(circles.is_empty(), "imports go round in a circle:\n{}", circles.join("\n"));
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_owned(), BTreeSet::from(["b".to_owned()])),
        ("b".to_owned(), BTreeSet::from(["c".to_owned()])),
        ("c".to_owned(), BTreeSet::from(["a".to_owned()])),
        ("d".to_owned(), BTreeSet::from(["a".to_owned()])),
    ]
    .into();
    assert_eq!(circle_from(&graph, "a"), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    assert_eq!(circle_from(&graph, "d"), None);
}

/// The browser is touched only under `src/platform/`: no other file of the app names a crate
/// of web bindings.
#[test]
fn the_browser_is_named_only_in_platform() {
    let src = root().join("src");
    let platform = src.join("platform");
    let mut found = Vec::new();
    for path in rust_files(&src).into_iter().filter(|path| !path.starts_with(&platform)) {
        let code = code_of(&path);
        for crate_name in ["web_sys", "js_sys", "wasm_bindgen", "gloo"] {
            if code.contains(&format!("{crate_name}::")) || code.contains(&format!("use {crate_name}")) {
                found.push(format!("{}: {crate_name}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "outside src/platform/:\n{}", found.join("\n"));
}

/// The page's Content-Security-Policy is one text: admin.html states exactly what index.html
/// does (the server repeats index.html's as a header).
#[test]
fn both_pages_state_one_content_security_policy() {
    let policy = |page: &str| {
        let text = std::fs::read_to_string(root().join(page)).unwrap_or_default();
        let start = text.find("http-equiv=\"Content-Security-Policy\" content=\"").map(|at| at + 47);
        start.and_then(|start| text[start..].split('"').next().map(str::to_owned))
    };
    let index = policy("index.html").expect("index.html states a policy");
    assert_eq!(policy("admin.html").as_deref(), Some(index.as_str()));
}

/// Chinese has no italic (a browser slants the glyphs, which is harder to read): no style sheet
/// of the app or the packet asks for one, and no page uses an element a browser sets in italic.
#[test]
fn nothing_is_set_in_italic() {
    let mut found = Vec::new();
    let mut sheets: Vec<PathBuf> = std::fs::read_dir(root().join("assets").join("styles"))
        .expect("assets/styles")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .collect();
    sheets.push(root().join("core").join("src").join("packet").join("html.rs"));
    for sheet in sheets {
        let text = std::fs::read_to_string(&sheet).unwrap_or_default();
        if text.contains("italic") || text.contains("oblique") {
            found.push(sheet.display().to_string());
        }
    }
    let sources =
        rust_files(&root().join("src")).into_iter().chain(rust_files(&root().join("core").join("src").join("packet")));
    for source in sources {
        let text = std::fs::read_to_string(&source).unwrap_or_default();
        for element in ["<em>", "<em ", "<i>", "<i ", "<cite", "<var>", "<dfn", "<address"] {
            if text.contains(element) {
                found.push(format!("{}: {element}", source.display()));
            }
        }
    }
    assert!(found.is_empty(), "italic for Chinese text: {found:?}");
}

/// The screen's style sheet sizes type, space and targets in rem (media queries in em), so
/// that the text size a person sets in the browser applies, not only zoom (issue 15). Pixels
/// are left for hairlines: borders, outlines, shadows, radii, and the few off-screen tricks.
#[test]
fn type_space_and_targets_are_sized_in_rem() {
    let sheet = std::fs::read_to_string(root().join("assets").join("styles").join("main.css")).expect("main.css");
    let hairline = |property: &str| {
        ["border", "outline", "box-shadow", "--radius", "--border-width", "--focus-width", "clip"]
            .iter()
            .any(|kind| property.starts_with(kind))
    };
    // The visually hidden pattern's 1 px box, and the print frame parked off screen.
    let off_screen = |declaration: &str| declaration.contains("1px") || declaration.contains("-10000px");
    let mut found = Vec::new();
    for (number, line) in sheet.lines().enumerate() {
        let code = line.split("/*").next().unwrap_or_default();
        if code.contains("@media") && code.contains("px") {
            found.push(format!("main.css:{}: {}", number + 1, code.trim()));
        }
        for declaration in code.split(['{', ';', '}']) {
            let Some((property, value)) = declaration.split_once(':') else { continue };
            let pixels = value.split(|c: char| !c.is_ascii_alphanumeric() && c != '.').any(|word| {
                word.strip_suffix("px")
                    .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
            });
            if pixels && !hairline(property.trim()) && !off_screen(declaration) {
                found.push(format!("main.css:{}: {}", number + 1, declaration.trim()));
            }
        }
    }
    assert!(found.is_empty(), "sizes in px where the browser's text size should apply:\n{}", found.join("\n"));
}

/// Nothing moves on its own (issue 15, the age-friendly norms): no transition, animation or
/// smooth scrolling in the style sheets, and no `alert`, `confirm` or `prompt` pop-up in the
/// app (confirmations are asked in place).
#[test]
fn nothing_moves_and_nothing_pops_up() {
    let mut found = Vec::new();
    for sheet in ["main.css", "packet.css"] {
        let text = std::fs::read_to_string(root().join("assets").join("styles").join(sheet)).unwrap_or_default();
        for word in ["transition", "animation", "@keyframes", "scroll-behavior: smooth"] {
            if text.contains(word) {
                found.push(format!("{sheet}: {word}"));
            }
        }
    }
    for source in rust_files(&root().join("src")) {
        let code = code_of(&source);
        for call in ["alert(", "alert_with_message", "confirm(", "confirm_with_message", "prompt("] {
            if code.contains(&format!(".{call}")) {
                found.push(format!("{}: {call}", source.display()));
            }
        }
    }
    assert!(found.is_empty(), "movement or pop-ups: {found:?}");
}

/// Every interface string of the applicants' app is in the i18n table (`src/i18n.rs`): no
/// other file of `src/` holds a Chinese literal, but for the files that have a reason of their
/// own, named here.
#[test]
fn interface_strings_live_in_the_i18n_table() {
    let src = root().join("src");
    let allowed = [
        // The administrators' page: its words are kept out of the applicants' module.
        "pages/catalog.rs",
        // The crash page shows after a panic, without the module's tables.
        "platform/crash.rs",
    ];
    let mut found = Vec::new();
    for path in rust_files(&src) {
        let relative = path.strip_prefix(&src).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        if relative.starts_with("i18n/") || allowed.contains(&relative.as_str()) {
            continue;
        }
        for (number, line) in code_of(&path).lines().enumerate() {
            let chinese = line.split('"').skip(1).step_by(2).any(|literal| {
                // The masthead's mark is the brand's glyph, not words.
                literal != "一"
                    && literal.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || "：、；。（）“”".contains(c))
            });
            if chinese {
                found.push(format!("src/{relative}:{}: {}", number + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "interface strings outside src/i18n.rs:\n{}", found.join("\n"));
}

/// A newcomer reads a file at once: none is over 400 lines. A file that grows past it is split
/// along its seams (its tests into a `*_tests.rs` beside it, a type of its own into a module).
#[test]
fn no_source_file_is_too_long_to_read_at_once() {
    const LIMIT: usize = 400;
    let root = root();
    let mut found = Vec::new();
    for folder in ["core/src", "src", "xtask/src", "tests"] {
        for path in rust_files(&root.join(folder)) {
            let relative = path.strip_prefix(&root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            let lines = std::fs::read_to_string(&path).unwrap_or_default().lines().count();
            if lines > LIMIT {
                found.push(format!("{relative}: {lines} lines (at most {LIMIT})"));
            }
        }
    }
    assert!(found.is_empty(), "files to split along their seams:\n{}", found.join("\n"));
}

/// A core message is one arm per variant with both its texts (`zh_en!`), never a Chinese arm
/// and an English arm apart, where one of the two can be forgotten or drift.
#[test]
fn core_messages_keep_both_languages_in_one_arm() {
    let src = root().join("core").join("src");
    let mut found = Vec::new();
    for path in rust_files(&src) {
        for (number, line) in code_of(&path).lines().enumerate() {
            let split_arm = [", Lang::Zh) =>", ", Lang::En) =>"].iter().any(|arm| line.contains(arm));
            if split_arm {
                let relative = path.strip_prefix(&src).unwrap_or(&path).display().to_string();
                found.push(format!("core/src/{relative}:{}: {}", number + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "messages split by language (write one arm with zh_en!):\n{}", found.join("\n"));
}
