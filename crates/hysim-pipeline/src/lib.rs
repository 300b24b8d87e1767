//! HySim's Algorithm 1 as a stage graph (`hysim run`, `cargo xtask pipeline`).
//!
//! - [`config`]: the `pipeline.toml` schema and the embedded default.
//! - [`plan`](mod@plan): from a configuration to the stages, their folders
//!   (`<root>/<run>/<stage>/`), inputs, settings and `hysim` command lines.
//! - [`runner`]: freshness (a [`hysim_core::StageManifest`] of input hashes per stage),
//!   skipping fresh stages, `--from`, resuming an interrupted training stage.
//! - [`experiment`]: the paper's experiments as sets of configuration overrides.
//! - [`summary`]: the run's summary table and report.
//!
//! This crate holds no model code: the command line executes the planned `hysim`
//! commands (in its own process), so every stage can also be run by hand.
//!
//! # Example
//!
//! ```no_run
//! use hysim_pipeline::{Config, plan};
//!
//! // The stages of the smallest run, with the `hysim` commands each would run.
//! let cfg = Config::embedded().tiny().unwrap();
//! let plan = plan(&cfg, std::path::Path::new("../shared")).unwrap();
//! for stage in &plan.stages {
//!     for job in &stage.jobs {
//!         println!("{}: {}", stage.stage, job.display());
//!     }
//! }
//! ```

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
