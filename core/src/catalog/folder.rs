//! Reading a catalog folder from disk, for the native tools only (the checker command, the
//! app's build script, tests and benches). The app never reads a disk: in the browser, sources
//! come from the build or from files a person picks.

use std::path::Path;

use super::Source;

/// Every `.toml` file of `folder`, sorted by name; each source's path is the folder joined
/// with the file name, as messages should show it. A file that is not UTF-8 is an I/O error:
/// for the shipped catalog, which must be text.
pub fn read_folder(folder: &Path) -> std::io::Result<Vec<Source>> {
    read_folder_bytes(folder)?
        .into_iter()
        .map(|(path, bytes)| {
            let text = String::from_utf8(bytes)
                .map_err(|error| std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{path}: {error}")))?;
            Ok(Source { path, text })
        })
        .collect()
}

/// The bytes of every `.toml` file of `folder`, sorted by name, for [`super::decode_source`]:
/// the checker command reads files as the browser does.
pub fn read_folder_bytes(folder: &Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut paths: Vec<_> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths.into_iter().map(|path| Ok((path.display().to_string(), std::fs::read(&path)?))).collect()
}
