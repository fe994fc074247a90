//! The catalog the app ships (assets/catalog) must check clean: no error and no warning.

use std::path::Path;

use yibiao_core::catalog::{load, Source};
use yibiao_core::Lang;

#[test]
fn the_shipped_catalog_has_no_problem() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalog");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .expect("assets/catalog exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    let sources: Vec<Source> = paths
        .iter()
        .map(|path| Source {
            path: path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default(),
            text: std::fs::read_to_string(path).expect("readable"),
        })
        .collect();
    let (catalog, diagnostics) = load(&sources);
    let rendered: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            d.render(&sources.iter().find(|s| s.path == d.file).map(|s| s.text.clone()).unwrap_or_default(), Lang::En)
        })
        .collect();
    assert_eq!(rendered, Vec::<String>::new());
    assert!(!catalog.bundles.is_empty());
    for year in [2025, 2026, 2027] {
        assert!(catalog.calendar.years().any(|(covered, _)| *covered == year), "the calendar covers {year}");
    }
}
