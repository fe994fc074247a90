//! `yibiao-catalog check <folder> [--json] [--lang zh|en]`: checks a catalog folder the way the app's
//! build does, and prints every problem with its file, line and column. Exit code 1 when there
//! are errors (warnings alone exit 0), 2 when the folder cannot be read or the call is wrong.

use std::path::Path;
use std::process::ExitCode;

use yibiao_core::catalog::{load_with, read_files, read_folder_bytes, Severity};
use yibiao_core::Lang;

const USAGE: &str = "usage: yibiao-catalog check <catalog folder> [--json] [--lang zh|en]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some("check"), Some(folder)) = (args.first().map(String::as_str), args.get(1)) else {
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
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
