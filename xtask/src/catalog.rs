//! The catalog beside the app: published into a build as the app reads it (its index and a
//! piece per bundle, by `yibiao-catalog publish`), and a build with another catalog in place of
//! the shipped one (the generated county hall's, for the benchmarks and the end-to-end suite).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::build;
use crate::process::capture_ok;
use crate::read_text;
use crate::tools::Toolchain;

/// The published catalog's index, beside the app (`yibiao-catalog publish`).
pub const INDEX: &str = "catalog-index.bin";

/// Whether `name` is one of a published catalog's bundle pieces (`catalog-<sha256>.bin`): kept
/// by the service worker as the page asks, not on install, and not part of the first load.
pub fn is_piece(name: &str) -> bool {
    name.strip_prefix("catalog-")
        .and_then(|rest| rest.strip_suffix(".bin"))
        .is_some_and(|digest| digest.len() == 64 && digest.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Writes the catalog in `folder` beside the app as the app reads it: its index and a piece per
/// bundle, by the same checker the build runs (`yibiao-catalog publish`).
pub fn publish(root: &Path, toolchain: &Toolchain, folder: &Path, dist: &Path) -> Result<()> {
    println!("==> yibiao-catalog publish {}", folder.display());
    let (folder, dist) = (folder.to_string_lossy().into_owned(), dist.to_string_lossy().into_owned());
    let args =
        ["run", "--locked", "--quiet", "-p", "yibiao-core", "--bin", "yibiao-catalog", "--", "publish", &folder, &dist];
    print!("{}", capture_ok(toolchain.cargo().args(args).current_dir(root), "publishing the catalog")?);
    Ok(())
}

/// The release build in `dist` with another catalog: a copy in `target` holding the catalog of
/// `folder` in place of the shipped one (the module is the same: it reads whatever index is
/// beside it), with its own service worker and compressed copies. Returns its folder and the
/// sizes of its first load.
pub fn with_catalog(
    root: &Path,
    toolchain: &Toolchain,
    folder: &Path,
    name: &str,
) -> Result<(PathBuf, build::SizeReport)> {
    let dist = root.join("dist");
    let target = root.join("target").join(name);
    if target.exists() {
        std::fs::remove_dir_all(&target).with_context(|| format!("clearing {}", target.display()))?;
    }
    std::fs::create_dir_all(&target)?;
    for entry in std::fs::read_dir(&dist).context("listing dist/")? {
        let entry = entry?;
        let file = entry.file_name().to_string_lossy().into_owned();
        let base = file.trim_end_matches(".gz").trim_end_matches(".br");
        if entry.file_type()?.is_file() && !base.starts_with("catalog-") && base != build::SERVICE_WORKER {
            std::fs::copy(entry.path(), target.join(&file)).with_context(|| format!("copying {file}"))?;
        }
    }
    publish(root, toolchain, folder, &target)?;
    build::write_service_worker(&target, &read_text(&root.join("assets").join(build::SERVICE_WORKER))?)?;
    build::precompress(&target)?;
    let size = build::measure_first_load(&target)?;
    Ok((target, size))
}
