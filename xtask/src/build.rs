//! The release build: trunk, then the steps trunk cannot do itself:
//! - the module's and the glue's names made short and the glue minified (`shrink.rs`);
//! - its inline loader script moves into a hashed file, so the page needs no inline script
//!   under its Content-Security-Policy;
//! - the service worker gets the build's version and the list of files to precache, read from
//!   `dist/` itself rather than listed by hand.
//!
//! Then the first-load size (gzip) is measured (`size.rs`).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;
use sha2::{Digest, Sha256};

use crate::process::capture_ok;
use crate::read_text;
pub use crate::size::{measure_first_load, SizeReport};
use crate::tools::{hex, Toolchain};

pub const SERVICE_WORKER: &str = "sw.js";
/// The page's last resort, outside the module (assets/recover.js).
const RECOVER: &str = "recover.js";
const VERSION_PLACEHOLDER: &str = "'__YIBIAO_VERSION__'";
const PRECACHE_PLACEHOLDER: &str = "['__YIBIAO_PRECACHE__']";
const PIECES_PLACEHOLDER: &str = "['__YIBIAO_PIECES__']";

#[derive(Debug)]
pub struct BuildReport {
    pub size: SizeReport,
}

/// Builds the release app into `dist/`.
pub fn release(root: &Path, toolchain: &Toolchain) -> Result<BuildReport> {
    capture_ok(toolchain.cargo().args(["fetch", "--locked"]).current_dir(root), "cargo fetch")?;
    println!("==> trunk build --release");
    capture_ok(toolchain.command("trunk").args(["build", "--release"]).current_dir(root), "trunk build")?;
    let dist = root.join("dist");
    // The administrators' catalog page is a module of its own, built beside the app.
    println!("==> trunk build --release admin.html");
    let admin_dist = root.join("target").join("admin-dist");
    if admin_dist.exists() {
        std::fs::remove_dir_all(&admin_dist).context("clearing the previous admin build")?;
    }
    let admin_dist_arg = admin_dist.to_string_lossy().into_owned();
    capture_ok(
        toolchain
            .command("trunk")
            .args(["build", "admin.html", "--release", "true", "--dist", &admin_dist_arg])
            .current_dir(root),
        "trunk build of admin.html",
    )?;
    for entry in std::fs::read_dir(&admin_dist).context("listing the admin build")? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            // Trunk names its page index.html whatever the source was called.
            let name = entry.file_name();
            let target = if name == "index.html" { dist.join("admin.html") } else { dist.join(name) };
            std::fs::copy(entry.path(), target).context("copying the admin build")?;
        }
    }
    crate::catalog::publish(root, toolchain, &root.join("assets").join("catalog"), &dist)?;
    post_process(&dist, toolchain)?;
    precompress(&dist)?;
    Ok(BuildReport { size: measure_first_load(&dist)? })
}

/// The kinds of file worth compressing: text and WebAssembly (images are compressed already).
pub const COMPRESSIBLE: &[&str] = &["html", "js", "css", "wasm", "svg", "json", "webmanifest", "txt", "bin"];

/// Writes `name.gz` (gzip -9) and `name.br` (brotli 11) beside every compressible file of
/// `dist/`, after its last change, so that a server can send them as they are: `cargo xtask
/// serve` does, by the request's `Accept-Encoding`; the README tells how other servers do. A
/// compressed copy that would not be smaller is not written.
pub fn precompress(dist: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dist).context("listing dist/")? {
        let entry = entry?;
        let path = entry.path();
        let compressible = path.extension().and_then(|ext| ext.to_str()).is_some_and(|ext| COMPRESSIBLE.contains(&ext));
        if !entry.file_type()?.is_file() || !compressible {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        let mut gzip = GzEncoder::new(Vec::new(), Compression::best());
        gzip.write_all(&bytes)?;
        let gzip = gzip.finish()?;
        let mut brotli = Vec::new();
        {
            let mut writer = brotli::CompressorWriter::new(&mut brotli, 64 * 1024, 11, 22);
            writer.write_all(&bytes)?;
        }
        for (suffix, compressed) in [("gz", gzip), ("br", brotli)] {
            let target = PathBuf::from(format!("{}.{suffix}", path.display()));
            if compressed.len() < bytes.len() {
                std::fs::write(&target, compressed).with_context(|| format!("writing {}", target.display()))?;
            } else if target.exists() {
                std::fs::remove_file(&target)?;
            }
        }
    }
    Ok(())
}

fn post_process(dist: &Path, toolchain: &Toolchain) -> Result<()> {
    crate::shrink::page_modules(dist, toolchain)?;
    for page in ["index.html", "admin.html"] {
        let path = dist.join(page);
        let html = read_text(&path)?;
        let (html, scripts) = externalize_inline_scripts(&html)?;
        for script in &scripts {
            std::fs::write(dist.join(&script.name), &script.source)
                .with_context(|| format!("writing {}", script.name))?;
        }
        std::fs::write(&path, html).with_context(|| format!("writing {page}"))?;
    }
    let recover = dist.join(RECOVER);
    crate::shrink::script(toolchain, &recover)?;
    let template = read_text(&dist.join(SERVICE_WORKER))?;
    write_service_worker(dist, &template)
}

/// Fills the service worker `template` with the files of `dist` (its pieces of the catalog apart).
pub fn write_service_worker(dist: &Path, template: &str) -> Result<()> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dist).context("listing dist/")? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // The precompressed copies are the server's business: the browser caches what it decoded.
        let precompressed = name.ends_with(".gz") || name.ends_with(".br");
        if entry.file_type()?.is_file() && name != SERVICE_WORKER && !precompressed {
            files.push((name, std::fs::read(entry.path())?));
        }
    }
    let worker = service_worker_source(template, &files)?;
    std::fs::write(dist.join(SERVICE_WORKER), worker).context("writing sw.js")
}

/// A script moved out of the page.
#[derive(Debug, PartialEq)]
pub struct ExternalScript {
    pub name: String,
    pub source: String,
}

/// Moves every inline `<script>` of `html` into a content-hashed file beside it.
pub fn externalize_inline_scripts(html: &str) -> Result<(String, Vec<ExternalScript>)> {
    let mut output = String::with_capacity(html.len());
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        output.push_str(&rest[..start]);
        let tag_end = rest[start..].find('>').map(|i| start + i + 1).context("unclosed <script> tag")?;
        let close = rest[tag_end..].find("</script>").map(|i| tag_end + i).context("<script> without </script>")?;
        let open_tag = &rest[start..tag_end];
        let body = &rest[tag_end..close];
        if crate::html::attribute(open_tag, "src").is_some() {
            output.push_str(&rest[start..close + "</script>".len()]);
        } else {
            let source = body.trim().to_owned() + "\n";
            let name = format!("boot-{}.js", &hex(&Sha256::digest(source.as_bytes()))[..16]);
            // Quoted or not (trunk's minified page writes it without quotes).
            let is_module = crate::html::attribute(open_tag, "type").as_deref() == Some("module");
            let module = if is_module { " type=\"module\"" } else { "" };
            output.push_str(&format!("<script{module} src=\"./{name}\"></script>"));
            scripts.push(ExternalScript { name, source });
        }
        rest = &rest[close + "</script>".len()..];
    }
    output.push_str(rest);
    if output.contains(" style=") {
        bail!("index.html has an inline style attribute, which the Content-Security-Policy blocks");
    }
    Ok((output, scripts))
}

/// Fills the service worker template (without its comment lines) with a version (a hash of every file's name and bytes)
/// and the files to precache, sorted so the output is stable.
pub fn service_worker_source(template: &str, files: &[(String, Vec<u8>)]) -> Result<String> {
    if !template.contains(VERSION_PLACEHOLDER)
        || !template.contains(PRECACHE_PLACEHOLDER)
        || !template.contains(PIECES_PLACEHOLDER)
    {
        bail!("sw.js lacks {VERSION_PLACEHOLDER}, {PRECACHE_PLACEHOLDER} or {PIECES_PLACEHOLDER}");
    }
    let mut sorted: Vec<&(String, Vec<u8>)> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut hasher = Sha256::new();
    for (name, bytes) in &sorted {
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(bytes);
    }
    let version = &hex(&hasher.finalize())[..16];
    let list = |pieces: bool| -> String {
        let names: Vec<String> = sorted
            .iter()
            .filter(|(name, _)| crate::catalog::is_piece(name) == pieces)
            .map(|(name, _)| format!("'./{name}'"))
            .collect();
        if names.is_empty() {
            "[]".to_owned()
        } else {
            format!("[\n  {},\n]", names.join(",\n  "))
        }
    };
    // Every first visit downloads the worker: its comments (which explain it in assets/) stay
    // behind, and so do blank lines.
    let template: String = template
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect();
    Ok(template
        .replace(VERSION_PLACEHOLDER, &format!("'{version}'"))
        .replace(PRECACHE_PLACEHOLDER, &list(false))
        .replace(PIECES_PLACEHOLDER, &list(true)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_move_to_hashed_files_and_external_ones_stay() {
        let html = "<head><script src=\"./a.js\"></script><script type=\"module\">\nimport init from './app.js';\ninit();\n</script></head>";
        let (output, scripts) = externalize_inline_scripts(html).expect("valid");
        assert_eq!(scripts.len(), 1);
        assert_eq!(scripts[0].source, "import init from './app.js';\ninit();\n");
        assert!(scripts[0].name.starts_with("boot-") && scripts[0].name.ends_with(".js"));
        assert_eq!(
            output,
            format!(
                "<head><script src=\"./a.js\"></script><script type=\"module\" src=\"./{}\"></script></head>",
                scripts[0].name
            )
        );
        assert!(externalize_inline_scripts("<p style=\"color:red\"></p>").is_err());
        // The minified page's attributes have no quotes.
        let (output, _) = externalize_inline_scripts("<script type=module>init()</script>").expect("valid");
        assert!(output.starts_with("<script type=\"module\" src=\"./boot-"), "{output}");
        assert!(externalize_inline_scripts("<p style=color:red></p>").is_err());
    }

    #[test]
    fn the_service_worker_lists_every_file_sorted_with_a_content_version() {
        let template = "// Why it is so.\nconst VERSION = '__YIBIAO_VERSION__';\n\n  // And this.\nconst PRECACHE = ['__YIBIAO_PRECACHE__']; // kept\nconst PIECES = ['__YIBIAO_PIECES__'];";
        let files =
            vec![("b.wasm".to_owned(), vec![1, 2]), ("index.html".to_owned(), vec![3]), ("a.js".to_owned(), vec![])];
        let first = service_worker_source(template, &files).expect("fills");
        assert!(first.contains("[\n  './a.js',\n  './b.wasm',\n  './index.html',\n]"), "{first}");
        assert!(!first.contains("__YIBIAO"));
        assert!(!first.contains("Why it is so") && !first.contains("And this") && !first.contains("\n\n"), "{first}");
        assert!(first.contains("// kept"), "only whole comment lines go");
        let mut changed = files.clone();
        changed[0].1.push(9);
        let second = service_worker_source(template, &changed).expect("fills");
        assert_ne!(first, second, "a changed file changes the version");
        let mut reordered = files.clone();
        reordered.reverse();
        assert_eq!(first, service_worker_source(template, &reordered).expect("fills"));
        assert!(service_worker_source("no placeholders", &files).is_err());
        assert!(first.contains("const PIECES = [];"), "{first}");
        // A bundle's piece is listed apart, for the page to ask for; the index is precached.
        let piece = format!("catalog-{}.bin", "ab".repeat(32));
        let mut with_catalog = files.clone();
        with_catalog.push((piece.clone(), vec![7]));
        with_catalog.push(("catalog-index.bin".to_owned(), vec![8]));
        let worker = service_worker_source(template, &with_catalog).expect("fills");
        assert!(worker.contains(&format!("const PIECES = [\n  './{piece}',\n];")), "{worker}");
        assert!(worker.contains("'./catalog-index.bin',\n  './index.html'"), "{worker}");
        assert!(!crate::catalog::is_piece("catalog-index.bin") && !crate::catalog::is_piece("catalog-abc.bin"));
        assert!(crate::catalog::is_piece(&piece));
    }
}
