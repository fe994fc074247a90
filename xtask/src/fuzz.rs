//! `cargo xtask fuzz [--cases N]`: the never-panic targets of `core/tests/integration/
//! never_panics.rs` (every validator, `check_value` over every field kind, the condition
//! language, the pattern language, the catalog loader with damaged files, the packet importer,
//! QR codes, damaged saved drafts) with N inputs each
//! (the loader a fiftieth), in release with overflow checks on, so that an overflow is found as
//! it would be in a debug build. Prints each target's count and time and the total.
//!
//! The stable toolchain has no cargo-fuzz (it needs nightly's sanitizers); proptest drives the
//! same targets, shrinking any failure to its smallest input.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::process::{capture, describe};

/// Inputs per target by default: four targets at this count and the loader at a fiftieth make
/// just over a million.
pub const DEFAULT_CASES: u64 = 250_000;

/// The least the run must reach in all.
const AT_LEAST: u64 = 1_000_000;

pub fn parse_cases(rest: &[String]) -> Result<u64> {
    match rest {
        [] => Ok(DEFAULT_CASES),
        [flag, cases] if flag == "--cases" => cases.parse().with_context(|| format!("`--cases {cases}`: not a number")),
        other => bail!("unexpected arguments {other:?}: usage: cargo xtask fuzz [--cases N]"),
    }
}

pub fn run(root: &Path, cases: u64) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command
        .args(["test", "--release", "--locked", "-p", "yibiao-core", "--test", "integration", "never_panics::"])
        .args(["--", "--nocapture", "--test-threads=2"])
        .current_dir(root)
        // Its own directory: the profile change below would otherwise rebuild the release app.
        .env("CARGO_TARGET_DIR", root.join("target").join("fuzz"))
        .env("CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS", "true")
        .env("CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS", "true")
        .env("YIBIAO_FUZZ_CASES", cases.to_string());
    println!("$ YIBIAO_FUZZ_CASES={cases} {}", describe(&command));
    let started = Instant::now();
    let output = capture(&mut command)?;
    let seconds = started.elapsed().as_secs_f64();
    let targets: Vec<(String, u64, f64)> = output.text.lines().filter_map(parse_line).collect();
    println!("\n{:<28} {:>12} {:>10}", "target", "inputs", "time");
    for (target, count, seconds) in &targets {
        println!("{target:<28} {count:>12} {seconds:>8.1} s");
    }
    let total: u64 = targets.iter().map(|(_, count, _)| count).sum();
    println!("{:<28} {total:>12} {seconds:>8.1} s (with the release build)", "total");
    if !output.success {
        println!("\n{}", output.text);
        bail!("a target failed: its smallest failing input is printed above");
    }
    if total < AT_LEAST && cases >= DEFAULT_CASES {
        bail!("only {total} inputs ran, fewer than {AT_LEAST}");
    }
    println!("no panic, no stack overflow in {total} inputs");
    Ok(())
}

/// `fuzz: validators: 250000 inputs in 12.34 s` -> ("validators", 250000, 12.34).
fn parse_line(line: &str) -> Option<(String, u64, f64)> {
    let rest = line.strip_prefix("fuzz: ")?;
    let (target, rest) = rest.rsplit_once(": ")?;
    let (count, rest) = rest.split_once(" inputs in ")?;
    let seconds = rest.strip_suffix(" s")?;
    Some((target.to_owned(), count.parse().ok()?, seconds.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_targets_lines() {
        assert_eq!(
            parse_line("fuzz: check_value, every kind: 3000 inputs in 4.11 s"),
            Some(("check_value, every kind".to_owned(), 3000, 4.11))
        );
        assert_eq!(parse_line("test result: ok."), None);
        assert_eq!(parse_cases(&[]).ok(), Some(DEFAULT_CASES));
        assert_eq!(parse_cases(&["--cases".into(), "10".into()]).ok(), Some(10));
        assert!(parse_cases(&["--cases".into(), "ten".into()]).is_err());
    }
}
