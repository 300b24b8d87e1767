//! `hysim-torch`: every command of the `hysim` command line (see `SPEC.md`, "Command
//! line"), the ones that run models among them. `hysim` hands those here (see `main.rs`);
//! run directly, it reads the same arguments and prints as `hysim`.
//!
//! Exit codes: 0 on success, 1 on bad input (one line naming the file and the problem),
//! 2 on usage errors. `RUST_LOG` controls the tracing output on standard error.

/// mimalloc: table reading allocates many small strings, and the system allocator spent
/// about a fifth of `hysim parse`'s time in malloc and free.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod embed;
mod eval;
mod extract;
mod labels;
mod parse;
mod progress;
mod review;
mod run;
mod shell;
mod synth;
mod train;
mod weights;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "hysim", bin_name = "hysim", version, about = shell::ABOUT)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    #[command(about = shell::about::PARSE)]
    Parse(parse::Args),
    #[command(about = shell::about::EMBED)]
    Embed(embed::Args),
    #[command(about = shell::about::EXTRACT)]
    Extract(extract::Args),
    #[command(about = shell::about::EVAL)]
    Eval(eval::Args),
    #[command(about = shell::about::SYNTH)]
    Synth(synth::Args),
    #[command(about = shell::about::REVIEW)]
    Review(review::Args),
    #[command(about = shell::about::TRAIN, after_long_help = hysim_extract::settings::CONFIG_HELP)]
    Train(train::Args),
    #[command(about = shell::about::WEIGHTS)]
    Weights(weights::Args),
    #[command(about = shell::about::LABEL_NOISE)]
    LabelNoise(labels::Args),
    #[command(about = shell::about::RUN)]
    Run(run::Args),
}

/// Runs one command and returns its summary (what it prints on success).
fn execute(command: Command) -> anyhow::Result<String> {
    match command {
        Command::Parse(args) => parse::run(&args),
        Command::Embed(args) => embed::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Extract(args) => extract::run(&args),
        Command::Review(args) => review::run(&args),
        Command::Synth(args) => synth::run(&args),
        Command::Train(args) => train::run(&args),
        Command::Weights(args) => weights::run(&args),
        Command::LabelNoise(args) => labels::run(&args),
        Command::Run(args) => run::run(&args),
    }
}

fn main() -> ExitCode {
    // SAFETY: the first statement of `main`: no other thread exists yet to read the
    // environment, and libtorch has not touched CUDA.
    let allocator_set = unsafe { hysim_nn::default_cuda_allocator_settings() };
    let cli = Cli::parse();
    shell::init_tracing();
    if allocator_set {
        tracing::debug!(
            settings = hysim_nn::CUDA_ALLOCATOR_SETTINGS,
            "{} set for libtorch's CUDA allocator",
            hysim_nn::ALLOC_CONF
        );
    }
    shell::finish(execute(cli.command))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_commands_are_the_shared_list() {
        use clap::CommandFactory;
        let defined: Vec<String> = Cli::command().get_subcommands().map(|c| c.get_name().to_owned()).collect();
        assert_eq!(defined, shell::COMMANDS);
    }
}
