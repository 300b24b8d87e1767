//! `hysim`: the command line of HySim (see `SPEC.md`, "Command line").
//!
//! This binary does not link libtorch: it runs `parse`, `synth` and `review` itself and
//! hands the commands that run models to `hysim-torch` beside it, with the same arguments.
//! A binary that links libtorch loads it before `main` (about 0.45 s and 470 MB
//! here), which reading tables does not need.
//!
//! Exit codes: 0 on success, 1 on bad input (one line naming the file and the problem),
//! 2 on usage errors. `RUST_LOG` controls the tracing output on standard error.

/// mimalloc: table reading allocates many small strings, and the system allocator spent
/// about a fifth of `hysim parse`'s time in malloc and free.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod parse;
mod review;
mod shell;
mod synth;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "hysim", version, about = shell::ABOUT)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The arguments of a command `hysim-torch` runs, handed over as they are.
#[derive(clap::Args)]
struct Handed {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, num_args = 0.., value_name = "ARGS")]
    _args: Vec<OsString>,
}

/// The commands; those that run models are listed here for `--help` and run by
/// `hysim-torch` ([`TORCH_COMMANDS`]), which prints their own help.
#[derive(Subcommand)]
enum Command {
    #[command(about = shell::about::PARSE)]
    Parse(parse::Args),
    #[command(about = shell::about::EMBED, disable_help_flag = true)]
    Embed(Handed),
    #[command(about = shell::about::EXTRACT, disable_help_flag = true)]
    Extract(Handed),
    #[command(about = shell::about::EVAL, disable_help_flag = true)]
    Eval(Handed),
    #[command(about = shell::about::SYNTH)]
    Synth(synth::Args),
    #[command(about = shell::about::REVIEW)]
    Review(review::Args),
    #[command(about = shell::about::TRAIN, disable_help_flag = true)]
    Train(Handed),
    #[command(about = shell::about::WEIGHTS, disable_help_flag = true)]
    Weights(Handed),
    #[command(about = shell::about::LABEL_NOISE, disable_help_flag = true)]
    LabelNoise(Handed),
    #[command(about = shell::about::RUN, disable_help_flag = true)]
    Run(Handed),
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    if let Some(command) = torch_command(&args) {
        return hand_to_torch(command, &args[1..]);
    }
    let cli = Cli::parse();
    shell::init_tracing();
    let result = match cli.command {
        Command::Parse(args) => parse::run(&args),
        Command::Synth(args) => synth::run(&args),
        Command::Review(args) => review::run(&args),
        Command::Embed(_)
        | Command::Extract(_)
        | Command::Eval(_)
        | Command::Train(_)
        | Command::Weights(_)
        | Command::LabelNoise(_)
        | Command::Run(_) => {
            // `torch_command` has handed these over before clap parsed (clap accepts no
            // abbreviation or alias that it would miss); handed over here too, so that the
            // match stays whole.
            let name = args.get(1).and_then(|a| a.to_str()).unwrap_or("run").to_owned();
            return hand_to_torch(&name, &args[1..]);
        }
    };
    shell::finish(result)
}

/// The commands `hysim` hands to `hysim-torch`: they run models (or, for `eval` and
/// `weights`, may run one on the CUDA or CPU device), so they need libtorch.
const TORCH_COMMANDS: &[&str] = &["embed", "extract", "eval", "train", "weights", "label-noise", "run"];

/// The command a command line names, when `hysim` hands it to `hysim-torch`:
/// `hysim embed ...` and `hysim help embed`.
fn torch_command(args: &[OsString]) -> Option<&str> {
    let word = |k: usize| args.get(k).and_then(|a| a.to_str());
    let command = match word(1)? {
        "help" => word(2)?,
        first => first,
    };
    TORCH_COMMANDS.iter().find(|c| **c == command).copied()
}

/// Runs `hysim-torch` (beside this binary) with `args` (the command line without the
/// program name): on Unix the process becomes it, so its output and exit code are
/// this command's.
fn hand_to_torch(command: &str, args: &[OsString]) -> ExitCode {
    let torch =
        std::env::current_exe().map(|exe| exe.with_file_name(format!("hysim-torch{}", std::env::consts::EXE_SUFFIX)));
    let torch = match torch {
        Ok(path) if path.is_file() => path,
        Ok(path) => {
            return shell::finish(Err(anyhow::anyhow!(
                "`hysim {command}` runs in {}, which is missing: build both binaries (`cargo build -p hysim-cli`) \
                 or install both (`cargo install --path crates/hysim-cli`)",
                path.display()
            )));
        }
        Err(e) => {
            return shell::finish(Err(anyhow::anyhow!(
                "cannot find this program's path to run `hysim {command}`: {e}"
            )));
        }
    };
    let mut child = std::process::Command::new(&torch);
    child.args(args);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let err = child.exec();
        shell::finish(Err(anyhow::anyhow!("cannot run {}: {err}", torch.display())))
    }
    #[cfg(not(unix))]
    match child.status() {
        Ok(status) => ExitCode::from(status.code().and_then(|c| u8::try_from(c).ok()).unwrap_or(1)),
        Err(err) => shell::finish(Err(anyhow::anyhow!("cannot run {}: {err}", torch.display()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_commands_go_to_hysim_torch_and_table_commands_stay() {
        let line = |words: &[&str]| words.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(torch_command(&line(&["hysim", "embed", "--help"])), Some("embed"));
        assert_eq!(torch_command(&line(&["hysim", "label-noise"])), Some("label-noise"));
        assert_eq!(torch_command(&line(&["hysim", "help", "run"])), Some("run"));
        for stays in [&["hysim", "parse", "x.html"][..], &["hysim", "help", "parse"], &["hysim"], &["hysim", "--help"]]
        {
            assert_eq!(torch_command(&line(stays)), None, "{stays:?}");
        }
    }

    #[test]
    fn every_command_is_listed_and_each_runs_in_one_binary() {
        use clap::CommandFactory;
        let listed: Vec<String> = Cli::command().get_subcommands().map(|c| c.get_name().to_owned()).collect();
        // The same commands, in the same order, as hysim-torch (whose test holds COMMANDS).
        assert_eq!(listed, shell::COMMANDS);
        let here = ["parse", "synth", "review"];
        for command in shell::COMMANDS {
            assert_ne!(TORCH_COMMANDS.contains(command), here.contains(command), "{command}");
        }
    }
}
