//! `cargo xtask`: the project's build, serve and test orchestration.
//!
//! - `cargo xtask serve [--port 8080] [--host 127.0.0.1]`: installs what is missing, builds the
//!   release app and serves it.
//! - `cargo xtask test`: installs what is missing, then runs every check in order and stops at
//!   the first failure, ending with one line `N passed, N failed`.
//! - `cargo xtask build`: the release build alone, into `dist/`.
//! - `cargo xtask bench`: the benchmarks, with their figures.
//! - `cargo xtask fuzz [--cases N]`: a million hostile inputs or more against every validator
//!   and parser, with their count and time.

mod build;
mod catalog;
mod fuzz;
mod html;
mod process;
mod serve;
mod shrink;
mod size;
mod test;
#[cfg(test)]
mod tidy;
#[cfg(test)]
mod tidy_web;
mod tools;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve [--port N] [--host ADDR]   build the release app and serve it (default 127.0.0.1:8080)
  test                             run every check: fmt, clippy, native, browser, size, end-to-end
  build                            build the release app into dist/
  bench                            run the benchmarks and print their figures (with Lighthouse)
  fuzz [--cases N]                 N hostile inputs (default 250,000) per validator and parser target
  gen-catalog                      generate a county hall's catalog (100 bundles, 1,500 items) into
                                   target/generated-catalog and build the app with it into
                                   target/dist-generated (serve it with any static server)
";

fn main() {
    if let Err(error) = run() {
        eprintln!("error: {error:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    let root = project_root();
    match command.as_str() {
        "serve" => {
            let options = serve::Options::parse(&rest)?;
            let toolchain = tools::ensure_build_tools(&root)?;
            build::release(&root, &toolchain)?;
            serve::serve_forever(&root.join("dist"), &options)
        }
        "test" => {
            expect_no_arguments(&rest)?;
            test::run_all(&root)
        }
        "bench" => {
            expect_no_arguments(&rest)?;
            bench(&root)
        }
        "fuzz" => {
            let cases = fuzz::parse_cases(&rest)?;
            fuzz::run(&root, cases)
        }
        "build" => {
            expect_no_arguments(&rest)?;
            let toolchain = tools::ensure_build_tools(&root)?;
            let report = build::release(&root, &toolchain)?;
            println!("{}", report.size.describe());
            Ok(())
        }
        "" | "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        "gen-catalog" => {
            expect_no_arguments(&rest)?;
            let toolchain = tools::ensure_build_tools(&root)?;
            let report = build::release(&root, &toolchain)?;
            let (folder, generated) = generated_app(&root, &toolchain)?;
            println!("the shipped catalog's app (dist/), {}\n", report.size.describe());
            println!("the generated catalog's app ({}), {}", folder.display(), generated.describe());
            Ok(())
        }
        other => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

/// The core's benchmarks, then the browser's (tests/e2e/bench.mjs), with their targets.
fn bench(root: &Path) -> Result<()> {
    println!(
        "Targets on this 2-core machine: the largest shipped bundle (plan, every field check, verdict) under 1 ms;"
    );
    println!(
        "the generated catalog of 1,500 items, 6,000 materials and 3,000 fields loaded and checked under 200 ms.\n"
    );
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    process::run_visible(
        std::process::Command::new(cargo).args(["bench", "-p", "yibiao-core", "--bench", "core"]).current_dir(root),
    )?;
    println!("\nIn headless Chromium, on the release build:");
    let toolchain = tools::ensure_build_tools(root)?;
    tools::ensure_test_tools(root, &toolchain)?;
    build::release(root, &toolchain)?;
    let server = serve::spawn(&root.join("dist"), "127.0.0.1", 0)?;
    let mut command = toolchain.command("node");
    command.arg("bench.mjs").current_dir(root.join("tests").join("e2e")).env("BASE_URL", &server.url);
    process::run_visible(&mut command)?;
    // The catalog in pieces, shipped and at a county hall's scale (issue 16).
    let (generated_dist, generated_size) = generated_app(root, &toolchain)?;
    let shipped_size = build::measure_first_load(&root.join("dist"))?;
    println!("\nThe catalog in pieces: the shipped one (dist/), {}", shipped_size.describe());
    println!(
        "the generated one (100 bundles, 1,500 items; {}), {}",
        generated_dist.display(),
        generated_size.describe()
    );
    for (name, size) in [("shipped", &shipped_size), ("generated", &generated_size)] {
        println!("{}", size::against_targets(name, size.total_gzip));
    }
    let generated_server = serve::spawn(&generated_dist, "127.0.0.1", 0)?;
    let mut command = toolchain.command("node");
    command
        .arg("catalog-bench.mjs")
        .current_dir(root.join("tests").join("e2e"))
        .env("BASE_URL", &server.url)
        .env("GENERATED_URL", &generated_server.url);
    process::run_visible(&mut command)?;
    println!("\nThe packet, in headless Chromium, on the release build:");
    let mut command = toolchain.command("node");
    command.arg("packet-bench.mjs").current_dir(root.join("tests").join("e2e")).env("BASE_URL", &server.url);
    process::run_visible(&mut command)?;
    // The hall's view: the same server as `cargo xtask serve` (precompressed files), measured
    // the way Lighthouse's mobile preset does (slow 4G, a 4x slower CPU).
    println!("\nLighthouse, mobile preset, on the release build behind the server of `cargo xtask serve`:");
    tools::ensure_bench_tools(root, &toolchain)?;
    let mut command = toolchain.command("node");
    command.arg("score.mjs").current_dir(root.join("tests").join("lighthouse")).env("BASE_URL", &server.url);
    process::run_visible(&mut command)
}

/// Generates the county hall's catalog into `target/generated-catalog` and builds the app in
/// `dist/` with it into `target/dist-generated`.
pub(crate) fn generated_app(root: &Path, toolchain: &tools::Toolchain) -> Result<(PathBuf, build::SizeReport)> {
    let folder = root.join("target").join("generated-catalog");
    let folder_arg = folder.to_string_lossy().into_owned();
    let args =
        ["run", "--locked", "--quiet", "-p", "yibiao-core", "--bin", "yibiao-catalog", "--", "generate", &folder_arg];
    process::capture_ok(toolchain.cargo().args(args).current_dir(root), "generating the catalog")?;
    catalog::with_catalog(root, toolchain, &folder, "dist-generated")
}

fn expect_no_arguments(rest: &[String]) -> Result<()> {
    if let Some(first) = rest.first() {
        bail!("unexpected argument `{first}`\n\n{USAGE}");
    }
    Ok(())
}

/// The workspace root: the parent of this crate's directory.
fn project_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// Reads a file as UTF-8, naming it in the error.
fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}
