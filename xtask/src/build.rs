//! The release build: trunk, then two steps trunk cannot do itself:
//! - its inline loader script moves into a hashed file, so the page needs no inline script
//!   under its Content-Security-Policy;
//! - the service worker gets the build's version and the list of files to precache, read from
//!   `dist/` itself rather than listed by hand.
//!
//! Then the first-load size (gzip) is measured.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;
use sha2::{Digest, Sha256};

use crate::process::capture;
use crate::read_text;
use crate::tools::{hex, Toolchain};

/// The first load (html, js, wasm, css), gzip-compressed, must stay under this many bytes.
/// It was 350 KB until issue 11 made nothing lost its rule (each draft read on its own, the
/// merge of two tabs' saves, the list of copies set aside, the catalog in IndexedDB, a start
/// that recovers by itself: 349.6 → about 369 KB) with nothing left to cut that was not
/// needed. Issue 13 (the packet) keeps the packet's own code out of it: making, printing and
/// opening packets is a module of its own (`yibiao-packet`, about 240 KB gzip) that a Web
/// Worker loads on first use. What the page itself needs for the packet is here: the worker
/// client, the export, save and print buttons, the open-a-packet panel and the window's intake
/// record (370.8 → 389 KB, less the answers export it replaces). Making a packet without
/// copying the attachments (digested a chunk at a time, the packet a `Blob` of the stored files)
/// is all in the worker, so the page's side stayed as small as it was; `wasm-opt --converge
/// --strip-producers` (index.html) saves 0.6 KB more for about 20 s of build. Then 389.4 →
/// 391.1 KB, a deliberate 1.7 KB: each file's SM3 and CRC-32 are computed once, as it is
/// attached (the page asks the worker and keeps them with the attachment), so that an export
/// reads and checks the stored files instead of hashing them again, about twice as fast as
/// JSZip with Web Crypto (the bench); what could be trimmed was (the checksums kept as one
/// word, read by the string code the page already has). Issue 14 (the checks across answers,
/// the catalog's new checks, fields and search words, the journey's fixes: about +13 KB) was
/// paid for by cuts that change nothing seen: no standard sort in the module (each type sorted
/// brought about 3.5 KB; short lists take a small insertion sort) and no Debug formatting in
/// the app's path (2 KB of escapes and every type's Debug): 391.9 → 389.3 KB. Issue 16 took
/// the catalog out of the module (published beside it in pieces; the first load counts only
/// its index, 3.8 KB): the module went from 372 to 350 KB, less than the catalog's 39 KB since
/// reading and checking pieces (SHA-256, the loading hook) costs some of it back. 391.9 →
/// 374.7 KB, whatever the catalog's size (+1.5% with a county hall's 100 bundles); then
/// drafts that record their bundle's definition and the home page's word on what is kept
/// offline (+4.5 KB), less the comparison of whole catalogs (−2 KB): 377.2 KB. Then the saved
/// draft read and written by hand instead of serde_json's derived code (`core/src/json.rs`,
/// the same bytes, held to serde by property tests), its maps filled by inserting rather than
/// collecting (a sort per type): the module 352 → 321 KB, the first load 377.2 → 345.5 KB.
/// Issue 15's kiosk mode (自助终端: reading `kiosk.json`, the idle watch and its dialog, wiping
/// the browser's storage, the bundles a hall offers, the next step on the cover) then cost
/// 11 KB, 345.5 → 357.6 KB; reading aloud (the speech platform, a button beside each question,
/// material, message and reason, the pace in the header) 3.7 KB more, the help at the foot of a
/// draft's pages and the plain "下一步" 2 KB, one field a page 1.5 KB: 365.3 KB; helping someone
/// apply (the helper's form and status, notes to read out, the helper in the draft's reader and
/// writer) 5.6 KB, the elder version's plain words in full 0.1 KB, an agent's ID number and
/// mobile number in the helper form 1.5 KB: 372.5 KB. Then the index and the pieces read by a
/// hand-written reader of postcard's format (4 KB, and 2.3 KB more once a failure is sticky
/// rather than an early return with its drop paths), and every map and set of the core a
/// sorted vector instead of a B-tree (`core/src/sorted_map.rs`: the B-tree's node code came
/// again for each pair of key and value types, 27.5 KB): 339.3 KB. The power of attorney's
/// principal with their ID number (+0.2 KB), then each component's kept values in a cell with
/// the component's redraw (`use_kept`) instead of `use_state`, whose reducer came again for each
/// of 13 types (−2.4 KB): 337.0 KB. The issue's aim, 300 KB, needs more of the broad cut (the
/// page views, above all: 145 KB of the module's 754 KB before gzip). Then the build's last
/// steps: trunk minifies the style sheet and the page (6.4 → 4.3 KB), and the names that tie
/// the module to its glue, about 260 imports of a name and a hash each, become a few letters
/// with the glue minified by terser (`shrink.rs`: the glue 10.9 → 5.1 KB, the module 311.0 →
/// 305.8 KB): 323.6 KB.
pub const FIRST_LOAD_BUDGET: u64 = 324_000;

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
    let fetch = capture(toolchain.cargo().args(["fetch", "--locked"]).current_dir(root))?;
    if !fetch.success {
        bail!("cargo fetch failed:\n{}", fetch.text);
    }
    println!("==> trunk build --release");
    let trunk = capture(toolchain.command("trunk").args(["build", "--release"]).current_dir(root))?;
    if !trunk.success {
        bail!("trunk build failed:\n{}", trunk.text);
    }
    let dist = root.join("dist");
    // The administrators' catalog page is a module of its own, built beside the app.
    println!("==> trunk build --release admin.html");
    let admin_dist = root.join("target").join("admin-dist");
    if admin_dist.exists() {
        std::fs::remove_dir_all(&admin_dist).context("clearing the previous admin build")?;
    }
    let admin_dist_arg = admin_dist.to_string_lossy().into_owned();
    let trunk = capture(
        toolchain
            .command("trunk")
            .args(["build", "admin.html", "--release", "true", "--dist", &admin_dist_arg])
            .current_dir(root),
    )?;
    if !trunk.success {
        bail!("trunk build of admin.html failed:\n{}", trunk.text);
    }
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
    std::fs::write(&recover, without_comment_lines(&read_text(&recover)?)).context("writing recover.js")?;
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
        if open_tag.contains(" src=") {
            output.push_str(&rest[start..close + "</script>".len()]);
        } else {
            let source = body.trim().to_owned() + "\n";
            let name = format!("boot-{}.js", &hex(&Sha256::digest(source.as_bytes()))[..16]);
            // Trunk's minified page writes the attribute without quotes.
            let is_module = ["type=\"module\"", "type=module"].iter().any(|attr| open_tag.contains(attr));
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

/// A script as every first visit downloads it: its comment lines (which explain it in assets/)
/// stay behind, and so do blank lines.
pub fn without_comment_lines(script: &str) -> String {
    script
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// Sizes of the files a first visit downloads.
#[derive(Debug)]
pub struct SizeReport {
    pub files: Vec<(String, u64, u64)>,
    pub total_gzip: u64,
}

impl SizeReport {
    pub fn within_budget(&self) -> bool {
        self.total_gzip < FIRST_LOAD_BUDGET
    }

    pub fn describe(&self) -> String {
        let mut text = String::from("first load (gzip -9):\n");
        for (name, raw, gzip) in &self.files {
            text.push_str(&format!("  {name:<44} {:>9} raw {:>9} gzip\n", kb(*raw), kb(*gzip)));
        }
        text.push_str(&format!(
            "  total {} gzip, budget {} ({}%)",
            kb(self.total_gzip),
            kb(FIRST_LOAD_BUDGET),
            self.total_gzip * 100 / FIRST_LOAD_BUDGET
        ));
        text
    }
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// Measures what the app's first load fetches: index.html, the files it names (script, module,
/// wasm, style sheet), the service worker and the catalog's index (the home page needs no
/// bundle's piece). The catalog page (admin.html and its module) is not part of it.
pub fn measure_first_load(dist: &Path) -> Result<SizeReport> {
    let index = read_text(&dist.join("index.html"))?;
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dist)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let code = [".html", ".js", ".wasm", ".css"].iter().any(|suffix| name.ends_with(suffix));
        let counted = (code && (name == "index.html" || name == SERVICE_WORKER || index.contains(name.as_str())))
            || name == crate::catalog::INDEX;
        if entry.file_type()?.is_file() && counted {
            let bytes = std::fs::read(entry.path())?;
            let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
            encoder.write_all(&bytes)?;
            let gzip = encoder.finish()?.len() as u64;
            files.push((name, bytes.len() as u64, gzip));
        }
    }
    files.sort();
    let total_gzip = files.iter().map(|(_, _, gzip)| gzip).sum();
    Ok(SizeReport { files, total_gzip })
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
