//! Running child processes: quietly with captured output, or in the foreground.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;

use anyhow::{bail, Context, Result};

/// What a finished command printed and whether it succeeded.
#[derive(Debug)]
pub struct Output {
    pub success: bool,
    /// Standard output and standard error, interleaved in the order read.
    pub text: String,
}

/// Runs `command`, capturing stdout and stderr together.
pub fn capture(command: &mut Command) -> Result<Output> {
    let description = describe(command);
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting `{description}`"))?;
    let mut stdout = child.stdout.take().context("stdout is piped")?;
    let mut stderr = child.stderr.take().context("stderr is piped")?;
    let errors = thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut text = String::new();
    stdout.read_to_string(&mut text).with_context(|| format!("reading the output of `{description}`"))?;
    let status = child.wait().with_context(|| format!("waiting for `{description}`"))?;
    let error_text = errors.join().unwrap_or_default();
    if !error_text.is_empty() {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&error_text);
    }
    Ok(Output { success: status.success(), text })
}

/// Runs `command` as `capture` does and returns what it printed; fails, with that output, unless
/// it succeeds (`what` names it in the message: "{what} failed").
pub fn capture_ok(command: &mut Command, what: &str) -> Result<String> {
    let output = capture(command)?;
    if !output.success {
        bail!("{what} failed:\n{}", output.text);
    }
    Ok(output.text)
}

/// Runs `command` with its output going straight to the terminal; fails unless it succeeds.
pub fn run_visible(command: &mut Command) -> Result<()> {
    let description = describe(command);
    let status = command.status().with_context(|| format!("starting `{description}`"))?;
    if !status.success() {
        bail!("`{description}` failed ({status})");
    }
    Ok(())
}

/// The first line a command prints, if it runs at all (for `--version` checks).
pub fn first_line(program: &str, args: &[&str], path: &str) -> Option<String> {
    let output = Command::new(program).args(args).env("PATH", path).stdin(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8_lossy(&output.stdout).lines().next().map(|line| line.trim().to_owned())
}

/// Whether `program` can be found on `path`.
pub fn on_path(program: &str, path: &str) -> bool {
    std::env::split_paths(path).any(|dir| is_file(&dir.join(program)))
}

fn is_file(path: &Path) -> bool {
    path.metadata().map(|metadata| metadata.is_file()).unwrap_or(false)
}

/// A command as it would be typed, for messages.
pub fn describe(command: &Command) -> String {
    let mut words = vec![command.get_program().to_string_lossy().into_owned()];
    words.extend(command.get_args().map(|arg| arg.to_string_lossy().into_owned()));
    words.join(" ")
}
