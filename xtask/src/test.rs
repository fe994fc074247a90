//! `cargo xtask test`: every check in order, stopping at the first failure, with a readable
//! report and a last line `N passed, N failed` summed over every stage.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::build;
use crate::process::{capture, describe};
use crate::serve;
use crate::tools::{self, Toolchain};

/// How a stage ended.
#[derive(Debug)]
struct Outcome {
    passed: usize,
    failed: usize,
    /// What to print on success (a figure), if anything.
    summary: Option<String>,
    /// What to print on failure.
    output: String,
}

impl Outcome {
    fn check(ok: bool, output: String) -> Outcome {
        Outcome { passed: usize::from(ok), failed: usize::from(!ok), summary: None, output }
    }

    fn ok(&self) -> bool {
        self.failed == 0
    }
}

#[derive(Debug)]
struct StageRecord {
    name: &'static str,
    seconds: f64,
    passed: usize,
    failed: usize,
}

struct Runner {
    records: Vec<StageRecord>,
    log_dir: PathBuf,
}

impl Runner {
    /// Runs one stage; returns whether it passed.
    fn stage(&mut self, name: &'static str, body: impl FnOnce() -> Result<Outcome>) -> bool {
        println!("\n▶ {name}");
        let started = Instant::now();
        let outcome = body().unwrap_or_else(|error| Outcome {
            passed: 0,
            failed: 1,
            summary: None,
            output: format!("{error:#}"),
        });
        let seconds = started.elapsed().as_secs_f64();
        let log = self.log_dir.join(format!("{}.log", name.replace(' ', "-")));
        let _ = std::fs::write(&log, &outcome.output);
        let counts = format!("{} passed, {} failed", outcome.passed, outcome.failed);
        if outcome.ok() {
            println!("✓ {name}: {counts} in {seconds:.1} s");
            if let Some(summary) = &outcome.summary {
                println!("{summary}");
            }
        } else {
            println!("✗ {name}: {counts} in {seconds:.1} s. Its output (full log: {}):", log.display());
            let lines: Vec<&str> = outcome.output.lines().collect();
            let shown = &lines[lines.len().saturating_sub(150)..];
            println!("{}", shown.join("\n"));
        }
        let ok = outcome.ok();
        self.records.push(StageRecord { name, seconds, passed: outcome.passed, failed: outcome.failed });
        ok
    }

    fn finish(&self) -> Result<()> {
        println!("\nstage                     time      passed  failed");
        for record in &self.records {
            println!("{:<24} {:>7.1} s {:>8} {:>7}", record.name, record.seconds, record.passed, record.failed);
        }
        let total: f64 = self.records.iter().map(|record| record.seconds).sum();
        let passed: usize = self.records.iter().map(|record| record.passed).sum();
        let failed: usize = self.records.iter().map(|record| record.failed).sum();
        println!("{:<24} {:>7.1} s", "total", total);
        println!("{passed} passed, {failed} failed");
        if failed > 0 {
            anyhow::bail!("{failed} failed");
        }
        Ok(())
    }
}

/// Runs every stage and prints the report.
pub fn run_all(root: &Path) -> Result<()> {
    let log_dir = root.join("target").join("xtask-logs");
    std::fs::create_dir_all(&log_dir).context("creating target/xtask-logs")?;
    let mut runner = Runner { records: Vec::new(), log_dir };

    let mut toolchain: Option<Toolchain> = None;
    let ready = runner.stage("toolchain", || {
        let installed = tools::ensure_build_tools(root)?;
        tools::ensure_test_tools(root, &installed)?;
        toolchain = Some(installed);
        Ok(Outcome { passed: 0, failed: 0, summary: None, output: String::new() })
    });
    let Some(toolchain) = toolchain.filter(|_| ready) else {
        return runner.finish();
    };
    let cargo = |args: &[&str]| {
        let mut command = toolchain.cargo();
        command.args(args).current_dir(root);
        command
    };

    const WASM: &str = "wasm32-unknown-unknown";
    let stages: [(&'static str, Counted, &[&str]); 5] = [
        ("format", Counted::Whole, &["fmt", "--all", "--", "--check"]),
        ("clippy", Counted::Whole, &["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"]),
        (
            "clippy wasm32",
            Counted::Whole,
            &["clippy", "--package", "yibiao", "--target", WASM, "--all-targets", "--locked", "--", "-D", "warnings"],
        ),
        ("native tests", Counted::Tests, &["test", "--workspace", "--locked"]),
        (
            "browser tests",
            Counted::Tests,
            &["test", "--package", "yibiao", "--target", WASM, "--test", "web", "--test", "crash", "--locked"],
        ),
    ];
    for (name, counted, args) in stages {
        let passed = runner.stage(name, || match counted {
            Counted::Whole => command_check(cargo(args)),
            Counted::Tests => cargo_tests(cargo(args)),
        });
        if !passed {
            return runner.finish();
        }
    }

    let mut size = None;
    let built = runner.stage("release build", || {
        let report = build::release(root, &toolchain)?;
        size = Some(report.size);
        Ok(Outcome::check(true, String::new()))
    });
    if !built {
        return runner.finish();
    }
    // The budget holds whatever the catalog's size: for the shipped catalog and for a county
    // hall's generated one (issue 16), built here and served to the end-to-end suite.
    let mut generated_site = None;
    let within = runner.stage("size budget", || {
        let size = size.context("the build measured no sizes")?;
        let (site, generated) = crate::generated_app(root, &toolchain)?;
        generated_site = Some(site);
        let text = format!("{}\nwith the generated catalog, {}", size.describe(), generated.describe());
        let mut outcome = Outcome::check(size.within_budget() && generated.within_budget(), text.clone());
        outcome.summary = Some(text);
        Ok(outcome)
    });
    let Some(generated_site) = generated_site.filter(|_| within) else {
        return runner.finish();
    };
    runner.stage("end-to-end", || end_to_end(root, &toolchain, &generated_site));
    runner.finish()
}

/// How a cargo stage is counted.
#[derive(Debug, Clone, Copy)]
enum Counted {
    /// One check that passes or fails as a whole.
    Whole,
    /// Every test, from cargo's `test result:` lines.
    Tests,
}

/// A command that passes or fails as a whole.
fn command_check(mut command: Command) -> Result<Outcome> {
    let output = capture(&mut command)?;
    let text = format!("$ {}\n{}", describe(&command), output.text);
    Ok(Outcome::check(output.success, text))
}

/// `cargo test`, counted from its `test result:` lines.
fn cargo_tests(mut command: Command) -> Result<Outcome> {
    let output = capture(&mut command)?;
    let (passed, failed) = count_cargo_results(&output.text);
    // A build failure has no result lines: count the stage itself as one failure.
    let failed = if output.success { failed } else { failed.max(1) };
    Ok(Outcome { passed, failed, summary: None, output: format!("$ {}\n{}", describe(&command), output.text) })
}

fn count_cargo_results(text: &str) -> (usize, usize) {
    let mut totals = (0, 0);
    for line in text.lines().filter(|line| line.trim_start().starts_with("test result:")) {
        totals.0 += number_before(line, " passed");
        totals.1 += number_before(line, " failed");
    }
    totals
}

/// The number right before `word` in `line` ("31 passed" -> 31).
fn number_before(line: &str, word: &str) -> usize {
    line.find(word)
        .and_then(|end| line[..end].rsplit(|c: char| !c.is_ascii_digit()).next())
        .and_then(|digits| digits.parse().ok())
        .unwrap_or(0)
}

/// The end-to-end suite against the release build on a private local server. It serves a copy
/// of `dist/` (SITE_DIR), so a test can deploy a new version there without touching the build.
fn end_to_end(root: &Path, toolchain: &Toolchain, generated_site: &Path) -> Result<Outcome> {
    let site = root.join("target").join("e2e-site");
    let _ = std::fs::remove_dir_all(&site);
    copy_files(&root.join("dist"), &site)?;
    let server = serve::spawn(&site, "127.0.0.1", 0)?;
    // The same app with a county hall's generated catalog (issue 16).
    let generated = serve::spawn(generated_site, "127.0.0.1", 0)?;
    // The same app on an origin of its own, where a test serves a hall's kiosk.json (issue 15).
    let kiosk_site = root.join("target").join("e2e-kiosk");
    let _ = std::fs::remove_dir_all(&kiosk_site);
    copy_files(&root.join("dist"), &kiosk_site)?;
    let kiosk = serve::spawn(&kiosk_site, "127.0.0.1", 0)?;
    let e2e = root.join("tests").join("e2e");
    let artifacts = e2e.join("artifacts");
    let _ = std::fs::remove_dir_all(&artifacts);
    std::fs::create_dir_all(&artifacts)?;
    let mut command = toolchain.command("node");
    command
        .args(["--test", "--test-reporter=tap", "--test-concurrency=1"])
        .current_dir(&e2e)
        .env("BASE_URL", &server.url)
        .env("GENERATED_URL", &generated.url)
        .env("KIOSK_URL", &kiosk.url)
        .env("KIOSK_DIR", &kiosk_site)
        .env("SITE_DIR", &site)
        .env("ARTIFACTS", &artifacts)
        .env("PYTHON", crate::tools::python_tools_dir(root).join("bin").join("python"));
    let output = capture(&mut command)?;
    let passed = tap_count(&output.text, "# pass ");
    let mut failed = tap_count(&output.text, "# fail ");
    if !output.success || passed == 0 {
        failed = failed.max(1);
    }
    Ok(Outcome {
        passed,
        failed,
        summary: Some(format!("screenshots: {}", artifacts.display())),
        output: format!("$ {} (BASE_URL={})\n{}", describe(&command), server.url, output.text),
    })
}

/// Copies the files of `from` (a flat directory, as trunk writes `dist/`) into `to`.
fn copy_files(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in std::fs::read_dir(from).with_context(|| format!("listing {}", from.display()))? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name()))
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}

fn tap_count(text: &str, prefix: &str) -> usize {
    text.lines().filter_map(|line| line.strip_prefix(prefix)).filter_map(|rest| rest.trim().parse::<usize>().ok()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cargo_test_results_across_binaries() {
        let text = "test result: ok. 31 passed; 0 failed; 0 ignored\nnoise\ntest result: FAILED. 2 passed; 1 failed; 0 ignored";
        assert_eq!(count_cargo_results(text), (33, 1));
        assert_eq!(count_cargo_results("error[E0308]: mismatched types"), (0, 0));
    }

    #[test]
    fn counts_tap_totals() {
        let text = "TAP version 13\nok 1 - a\n# tests 3\n# pass 2\n# fail 1\n";
        assert_eq!(tap_count(text, "# pass "), 2);
        assert_eq!(tap_count(text, "# fail "), 1);
    }
}
