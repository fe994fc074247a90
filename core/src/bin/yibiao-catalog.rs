//! `yibiao-catalog check <folder> [--json] [--lang zh|en]`: checks a catalog folder the way the app's
//! build does, and prints every problem with its file, line and column. Exit code 1 when there
//! are errors (warnings alone exit 0), 2 when the folder cannot be read or the call is wrong.
//!
//! `yibiao-catalog generate <folder>`: writes a catalog at the scale of a county hall (100
//! bundles, 1,500 items, 6,000 materials, 3,000 fields) into the folder, to measure with.
//!
//! `yibiao-catalog publish <folder> <app folder>`: checks it the same way and, when it has no
//! error, writes it beside the app as the app reads it: `catalog-index.bin` and one
//! `catalog-<sha256>.bin` per bundle (`yibiao_core::catalog::pieces`). Pieces of an earlier
//! catalog that the new index no longer names are removed; the others stay as they are.

use std::path::Path;
use std::process::ExitCode;

use yibiao_core::catalog::{load_with, pieces, read_files, read_folder_bytes, Severity};
use yibiao_core::Lang;

const USAGE: &str = "usage: yibiao-catalog check <catalog folder> [--json] [--lang zh|en]\n       yibiao-catalog publish <catalog folder> <app folder>\n       yibiao-catalog generate <folder>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let (Some("generate"), Some(folder)) = (args.first().map(String::as_str), args.get(1)) {
        let source = yibiao_core::catalog::bureau::bureau_scale();
        let written = std::fs::create_dir_all(folder)
            .and_then(|()| std::fs::write(Path::new(folder).join(&source.path), &source.text));
        return match written {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("{folder}: {error}");
                ExitCode::from(2)
            }
        };
    }
    let publish_to = match (args.first().map(String::as_str), args.get(2)) {
        (Some("check"), _) => None,
        (Some("publish"), Some(target)) => Some(Path::new(target)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Some(folder) = args.get(1) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let json = args.iter().any(|arg| arg == "--json");
    let lang = match args.iter().position(|arg| arg == "--lang").and_then(|index| args.get(index + 1)) {
        Some(code) if code == "en" => Lang::En,
        _ => Lang::Zh,
    };
    let files = match read_folder_bytes(Path::new(folder)) {
        Ok(files) if !files.is_empty() => files,
        Ok(_) => {
            eprintln!("{folder}: {}", lang.pick("文件夹中没有 .toml 文件", "the folder has no .toml files"));
            return ExitCode::from(2);
        }
        Err(error) => {
            eprintln!("{folder}: {error}");
            return ExitCode::from(2);
        }
    };
    // Files that are not text are refused alone, each with one message, as in the browser.
    let (sources, refused) = read_files(files);
    let (catalog, diagnostics) = load_with(&sources, refused);
    let text_of =
        |file: &str| sources.iter().find(|source| source.path == file).map_or("", |source| source.text.as_str());
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    if json {
        let list: Vec<serde_json::Value> = diagnostics.iter().map(|d| d.to_json(text_of(&d.file))).collect();
        let report = serde_json::json!({ "errors": errors, "warnings": warnings, "diagnostics": list });
        println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
    } else {
        for diagnostic in &diagnostics {
            println!("{}\n", diagnostic.render(text_of(&diagnostic.file), lang));
        }
        let counts = yibiao_core::catalog::diagnostic::problem_counts(lang, errors, warnings);
        println!("{}{}{counts}", catalog.summary(lang), lang.pick("；", "; "));
    }
    if errors > 0 {
        return ExitCode::from(1);
    }
    match publish_to.map(|target| publish(&catalog, target)) {
        Some(Err(error)) => {
            eprintln!("{error}");
            ExitCode::from(2)
        }
        Some(Ok(report)) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        None => ExitCode::SUCCESS,
    }
}

/// The published file names: the index, and a piece by its digest.
const INDEX: &str = "catalog-index.bin";
const PIECE_PREFIX: &str = "catalog-";

/// Writes `catalog` into `target` as pieces, removing the pieces no longer named.
fn publish(catalog: &yibiao_core::Catalog, target: &Path) -> std::io::Result<String> {
    let published = pieces::publish(catalog);
    std::fs::create_dir_all(target)?;
    let names: Vec<String> = published.pieces.iter().map(|(digest, _)| format!("{PIECE_PREFIX}{digest}.bin")).collect();
    for entry in std::fs::read_dir(target)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let stale = name.starts_with(PIECE_PREFIX)
            && name != INDEX
            && !names.iter().any(|kept| name.starts_with(kept.as_str()));
        if stale {
            std::fs::remove_file(target.join(&name))?;
        }
    }
    for (name, (_, bytes)) in names.iter().zip(&published.pieces) {
        std::fs::write(target.join(name), bytes)?;
    }
    std::fs::write(target.join(INDEX), &published.index)?;
    let total: usize = published.pieces.iter().map(|(_, bytes)| bytes.len()).sum();
    Ok(format!(
        "{}: {INDEX} ({} bytes, digest {}), {} pieces ({total} bytes)",
        target.display(),
        published.index.len(),
        published.digest(),
        published.pieces.len()
    ))
}
