//! Reading a catalog folder from disk, for the native tools only (the checker command, the
//! app's build script, tests and benches). The app never reads a disk: in the browser, sources
//! come from the build or from files a person picks.

use std::path::Path;

use super::Source;

/// Every `.toml` file of `folder`, sorted by name; each source's path is the folder joined
/// with the file name, as messages should show it.
pub fn read_folder(folder: &Path) -> std::io::Result<Vec<Source>> {
    let mut paths: Vec<_> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| Ok(Source { text: std::fs::read_to_string(&path)?, path: path.display().to_string() }))
        .collect()
}
