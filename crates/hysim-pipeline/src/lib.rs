//! HySim's Algorithm 1 as a stage graph (`hysim run`, `cargo xtask pipeline`).
//!
//! - [`config`]: the `pipeline.toml` schema and the embedded default.
//! - [`plan`]: from a configuration to the stages, their folders
//!   (`<root>/<run>/<stage>/`), inputs, settings and `hysim` command lines.
//! - [`runner`]: freshness (a [`hysim_core::StageManifest`] of input hashes per stage),
//!   skipping fresh stages, `--from`, resuming an interrupted training stage.
//! - [`experiment`]: the paper's experiments as sets of configuration overrides.
//! - [`summary`]: the run's summary table and report.
//!
//! This crate holds no model code: the command line executes the planned `hysim`
//! commands (in its own process), so every stage can also be run by hand.

mod error;

pub mod config;
pub mod experiment;
pub mod plan;
pub mod runner;
pub mod summary;

pub use config::Config;
pub use error::{Error, Result};
pub use plan::{Job, Plan, Stage, StagePlan, plan};
pub use runner::{Executor, Outcome, run};
