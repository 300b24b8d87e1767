//! Running child processes: print each command, then fail on a non-zero exit.

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

/// The cargo that runs this xtask (so toolchain overrides carry through).
pub(crate) fn cargo() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// A command that runs in `dir`.
pub(crate) fn new(program: impl AsRef<std::ffi::OsStr>, dir: &Path) -> Command {
    let mut command = Command::new(program);
    command.current_dir(dir);
    command
}

/// Prints a progress line for the user on standard error.
pub(crate) fn note(message: &str) {
    #[allow(clippy::print_stderr, reason = "xtask talks to the user on stderr")]
    {
        eprintln!("{message}");
    }
}

/// Prints `command`, runs it with inherited output and fails unless it exits with 0.
pub(crate) fn run(command: &mut Command) -> Result<()> {
    let shown = show(command);
    note(&format!("$ {shown}"));
    let status = command.status().with_context(|| format!("cannot start `{shown}`"))?;
    if !status.success() {
        bail!("`{shown}` failed with {status}");
    }
    Ok(())
}

/// Runs `command` quietly and returns its standard output, or `None` when it cannot be
/// started or fails.
pub(crate) fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn show(command: &Command) -> String {
    let mut parts = vec![command.get_program().to_string_lossy().into_owned()];
    parts.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}
