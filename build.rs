//! Compiles the catalog into the app: every `assets/catalog/*.toml` is checked with the same
//! loader the `yibiao-catalog check` command uses, and embedded twice: in compact form, which
//! the app starts from, and as the TOML files, which the administrators' page shows and can
//! restore. A catalog with errors fails the build with the checker's messages, so a broken
//! catalog can never ship.

use std::fmt::Write as _;
use std::path::Path;

use yibiao_core::catalog::{compact, load, read_folder, Severity};
use yibiao_core::Lang;

fn main() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets").join("catalog");
    println!("cargo:rerun-if-changed={}", folder.display());
    let sources = read_folder(&folder).unwrap_or_else(|error| panic!("cannot read {}: {error}", folder.display()));
    let mut generated = String::from("/// The catalog files, embedded at build time: (file name, text).\n");
    generated.push_str("pub const CATALOG_SOURCES: &[(&str, &str)] = &[\n");
    for source in &sources {
        println!("cargo:rerun-if-changed={}", source.path);
        let name =
            Path::new(&source.path).file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        let _ = writeln!(generated, "    ({name:?}, include_str!({:?})),", source.path);
    }
    generated.push_str("];\n");

    let (catalog, diagnostics) = load(&sources);
    let mut errors = 0;
    for diagnostic in &diagnostics {
        let text =
            sources.iter().find(|source| source.path == diagnostic.file).map_or("", |source| source.text.as_str());
        let rendered = diagnostic.render(text, Lang::En);
        if diagnostic.severity == Severity::Error {
            errors += 1;
            eprintln!("{rendered}\n");
        } else {
            println!("cargo:warning={}", rendered.lines().next().unwrap_or_default());
        }
    }
    if errors > 0 {
        eprintln!("the catalog in assets/catalog has {errors} error(s); `cargo run -p yibiao-core --bin yibiao-catalog -- check assets/catalog` lists them");
        std::process::exit(1);
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("catalog_sources.rs"), generated).expect("OUT_DIR is writable");
    // The app starts from the compact form, without parsing TOML.
    std::fs::write(Path::new(&out).join("catalog.bin"), compact::encode(&catalog)).expect("OUT_DIR is writable");
}
