//! Installing the toolchain on a fresh machine, and skipping whatever is already there.
//!
//! Versions are pinned: trunk 0.21.14 (0.22 needs a newer rustc), wasm-bindgen-cli exactly the
//! wasm-bindgen of Cargo.lock, wasm-opt from npm binaryen 132 (Debian's is too old). Trunk runs
//! offline and finds these on the PATH this module builds.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

use crate::process::{first_line, on_path, run_visible};
use crate::read_text;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_OPT_VERSION: &str = "version_132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The environment child processes run in: a PATH with the pinned tools first.
#[derive(Debug, Clone)]
pub struct Toolchain {
    pub path: String,
    pub wasm_bindgen_version: String,
}

impl Toolchain {
    /// A command with this toolchain's PATH.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", &self.path);
        command
    }

    /// `cargo` as the one running xtask.
    pub fn cargo(&self) -> Command {
        self.command(&std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
    }
}

fn cargo_bin_dir() -> PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(home) => PathBuf::from(home).join("bin"),
        None => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo").join("bin"),
    }
}

fn node_tools_dir(root: &Path) -> PathBuf {
    root.join("xtask").join("node-tools")
}

/// Installs (when missing) everything needed to build the release app.
pub fn ensure_build_tools(root: &Path) -> Result<Toolchain> {
    let wasm_bindgen_version = locked_wasm_bindgen_version(root)?;
    check_trunk_pin(root, &wasm_bindgen_version)?;
    let existing = std::env::var("PATH").unwrap_or_default();
    let node_bin = node_tools_dir(root).join("node_modules").join(".bin");
    let path = std::env::join_paths([node_bin, cargo_bin_dir()].into_iter().chain(std::env::split_paths(&existing)))
        .context("building PATH")?
        .to_string_lossy()
        .into_owned();
    let toolchain = Toolchain { path, wasm_bindgen_version };

    for program in ["node", "npm", "rustup"] {
        if !on_path(program, &toolchain.path) {
            bail!("`{program}` is not installed. Install Rust with rustup, and Node.js 20 or newer with npm, then run this again.");
        }
    }

    let targets = first_lines(&toolchain, "rustup", &["target", "list", "--installed"]);
    if !targets.iter().any(|target| target == WASM_TARGET) {
        announce(&format!("adding the Rust target {WASM_TARGET}"));
        run_visible(toolchain.command("rustup").args(["target", "add", WASM_TARGET]))?;
    }

    if first_line("trunk", &["--version"], &toolchain.path) != Some(format!("trunk {TRUNK_VERSION}")) {
        announce(&format!("installing trunk {TRUNK_VERSION} (about 7 minutes on 2 cores, once)"));
        run_visible(toolchain.cargo().args(["install", "--locked", "--force", "trunk", "--version", TRUNK_VERSION]))?;
    }

    let want = format!("wasm-bindgen {}", toolchain.wasm_bindgen_version);
    let runner_ok = first_line("wasm-bindgen-test-runner", &["--version"], &toolchain.path)
        .is_some_and(|line| line.ends_with(&toolchain.wasm_bindgen_version));
    if first_line("wasm-bindgen", &["--version"], &toolchain.path) != Some(want) || !runner_ok {
        announce(&format!("installing wasm-bindgen-cli {} (about 2 minutes, once)", toolchain.wasm_bindgen_version));
        // Not --locked: its lockfile names a crate version the registry here lacks.
        let exact = format!("={}", toolchain.wasm_bindgen_version);
        run_visible(toolchain.cargo().args(["install", "--force", "wasm-bindgen-cli", "--version", &exact]))?;
    }

    ensure_npm_packages(&toolchain, &node_tools_dir(root))?;
    let wasm_opt = first_line("wasm-opt", &["--version"], &toolchain.path).unwrap_or_default();
    if !wasm_opt.contains(WASM_OPT_VERSION) {
        bail!("wasm-opt on PATH is `{wasm_opt}`, expected {WASM_OPT_VERSION} from xtask/node-tools");
    }
    Ok(toolchain)
}

/// Installs (when missing) Chromium, ChromeDriver, `unzip`, `zbarimg`, the end-to-end test
/// packages and the Python judges.
pub fn ensure_test_tools(root: &Path, toolchain: &Toolchain) -> Result<()> {
    let have_browser = on_path("chromium", &toolchain.path) && on_path("chromedriver", &toolchain.path);
    // Without a CJK font every Chinese character renders as a box, and screenshots show nothing.
    let have_cjk_font =
        first_line("fc-list", &[":lang=zh", "family"], &toolchain.path).is_some_and(|line| !line.is_empty());
    // The system's `unzip` judges the packets the core writes.
    let have_unzip = on_path("unzip", &toolchain.path);
    // ZBar's reader judges the cover sheet's QR codes.
    let have_zbar = on_path("zbarimg", &toolchain.path);
    if !have_browser || !have_cjk_font || !have_unzip || !have_zbar {
        let is_root = first_line("id", &["-u"], &toolchain.path).as_deref() == Some("0");
        if !(on_path("apt-get", &toolchain.path) && is_root) {
            bail!(
                "Chromium, ChromeDriver, a Chinese font, unzip and zbarimg are needed for the tests. \
                 Install them (on Debian: `apt-get install chromium chromium-driver fonts-noto-cjk unzip \
                 zbar-tools`) so that `chromium`, `chromedriver`, `unzip` and `zbarimg` are on PATH."
            );
        }
        announce("installing chromium, chromium-driver, fonts-noto-cjk, unzip and zbar-tools with apt-get");
        run_visible(toolchain.command("apt-get").arg("update"))?;
        let packages = ["chromium", "chromium-driver", "fonts-noto-cjk", "unzip", "zbar-tools"];
        run_visible(
            toolchain
                .command("apt-get")
                .args(["install", "-y", "--no-install-recommends"])
                .args(packages)
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
    }
    ensure_npm_packages(toolchain, &root.join("tests").join("e2e"))?;
    ensure_python_tools(root, toolchain)
}

/// The Python virtual environment of the judges the tests call (tests/python/requirements.txt:
/// the BagIt validator), made once in target/tools/venv and again when the list changes.
pub fn python_tools_dir(root: &Path) -> PathBuf {
    root.join("target").join("tools").join("venv")
}

fn ensure_python_tools(root: &Path, toolchain: &Toolchain) -> Result<()> {
    let requirements = root.join("tests").join("python").join("requirements.txt");
    let listed = std::fs::read(&requirements).with_context(|| format!("reading {}", requirements.display()))?;
    let digest = hex(&Sha256::digest(&listed));
    let venv = python_tools_dir(root);
    let stamp = venv.join(".yibiao-requirements-sha256");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(digest.as_str()) {
        return Ok(());
    }
    announce("making the Python tools' environment (target/tools/venv)");
    run_visible(toolchain.command("python3").arg("-m").arg("venv").arg("--clear").arg(&venv))?;
    run_visible(
        toolchain
            .command(venv.join("bin").join("pip").to_string_lossy().as_ref())
            .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(&requirements),
    )?;
    std::fs::write(&stamp, digest).with_context(|| format!("writing {}", stamp.display()))?;
    Ok(())
}

/// What `cargo xtask bench` needs beyond the test tools: Lighthouse (tests/lighthouse), which
/// the test run and CI never install.
pub fn ensure_bench_tools(root: &Path, toolchain: &Toolchain) -> Result<()> {
    ensure_npm_packages(toolchain, &root.join("tests").join("lighthouse"))
}

/// Runs `npm ci` in `dir` unless its node_modules already match its package-lock.json.
fn ensure_npm_packages(toolchain: &Toolchain, dir: &Path) -> Result<()> {
    let lock = std::fs::read(dir.join("package-lock.json"))
        .with_context(|| format!("reading {}/package-lock.json", dir.display()))?;
    let digest = hex(&Sha256::digest(&lock));
    let stamp = dir.join("node_modules").join(".yibiao-lock-sha256");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(digest.as_str()) {
        return Ok(());
    }
    announce(&format!("installing npm packages in {}", dir.display()));
    run_visible(toolchain.command("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(dir))?;
    std::fs::write(&stamp, digest).with_context(|| format!("writing {}", stamp.display()))?;
    Ok(())
}

/// The wasm-bindgen version Cargo.lock resolved: the CLI must be exactly this version.
pub fn locked_wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = read_text(&root.join("Cargo.lock"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|next| quoted_value(next, "version")) {
                return Ok(version);
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package")
}

/// Trunk must be pinned to the same wasm-bindgen as Cargo.lock, or it would try to download one.
fn check_trunk_pin(root: &Path, locked: &str) -> Result<()> {
    let trunk = read_text(&root.join("Trunk.toml"))?;
    let pinned = trunk.lines().find_map(|line| quoted_value(line, "wasm_bindgen"));
    if pinned.as_deref() != Some(locked) {
        bail!("Trunk.toml pins wasm_bindgen = {pinned:?} but Cargo.lock has {locked}: make them equal");
    }
    Ok(())
}

/// The value of `key = "value"` on a line.
fn quoted_value(line: &str, key: &str) -> Option<String> {
    let (name, value) = line.split_once('=')?;
    (name.trim() == key).then(|| value.trim().trim_matches('"').to_owned())
}

fn first_lines(toolchain: &Toolchain, program: &str, args: &[&str]) -> Vec<String> {
    toolchain
        .command(program)
        .args(args)
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).lines().map(|line| line.trim().to_owned()).collect())
        .unwrap_or_default()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn announce(message: &str) {
    println!("==> {message}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_pins_the_wasm_bindgen_of_cargo_lock() {
        let root = crate::project_root();
        let locked = locked_wasm_bindgen_version(&root).expect("Cargo.lock names wasm-bindgen");
        check_trunk_pin(&root, &locked).expect("Trunk.toml matches Cargo.lock");
        let manifest = read_text(&root.join("Cargo.toml")).expect("readable");
        assert!(manifest.contains(&format!("wasm-bindgen = \"={locked}\"")), "Cargo.toml pins wasm-bindgen with =");
    }

    #[test]
    fn reads_quoted_values() {
        assert_eq!(quoted_value(r#"wasm_bindgen = "0.2.130""#, "wasm_bindgen"), Some("0.2.130".into()));
        assert_eq!(quoted_value(r#"wasm_opt = "version_132""#, "wasm_bindgen"), None);
    }
}
