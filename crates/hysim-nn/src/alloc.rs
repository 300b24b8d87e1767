//! Settings of libtorch's CUDA caching allocator.
//!
//! The allocator keeps the blocks it frees for reuse, each in the size it was first cut.
//! Training batches of varying length ask for blocks of ever new sizes, so the memory it
//! holds grows far beyond what the tensors need: the `[gpu]` budget's LoRA training held
//! 38,283 MiB of an H200 in 120 steps, 12,475-12,517 MiB with expandable segments, which
//! grow and shrink one mapped segment instead (`bash scripts/gpu/allocator.sh`, nvidia-smi;
//! the steps took 33.9 s, and 29.2-31.0 s). HySim turns them on unless the user has set
//! the allocator's settings.

use std::ffi::OsStr;

/// The allocator settings HySim gives libtorch when the user has given none.
pub const CUDA_ALLOCATOR_SETTINGS: &str = "expandable_segments:True";

/// The variable libtorch reads its allocator settings from (`PYTORCH_CUDA_ALLOC_CONF` is its
/// older name, still read, with a deprecation warning).
pub const ALLOC_CONF: &str = "PYTORCH_ALLOC_CONF";
const CUDA_ALLOC_CONF: &str = "PYTORCH_CUDA_ALLOC_CONF";

/// What to set [`ALLOC_CONF`] to, given the two variables as the environment holds them:
/// nothing when the user has set either.
fn settings_to_set(alloc_conf: Option<&OsStr>, cuda_alloc_conf: Option<&OsStr>) -> Option<&'static str> {
    (alloc_conf.is_none() && cuda_alloc_conf.is_none()).then_some(CUDA_ALLOCATOR_SETTINGS)
}

/// Sets [`ALLOC_CONF`] to [`CUDA_ALLOCATOR_SETTINGS`] when neither it nor
/// `PYTORCH_CUDA_ALLOC_CONF` is set, and returns whether it did. Harmless without a GPU.
///
/// # Safety
///
/// It changes the process environment ([`std::env::set_var`]): call it first thing in
/// `main`, while no other thread can read the environment. It only takes effect before
/// libtorch first allocates CUDA memory, which reads the settings once.
pub unsafe fn default_cuda_allocator_settings() -> bool {
    match settings_to_set(std::env::var_os(ALLOC_CONF).as_deref(), std::env::var_os(CUDA_ALLOC_CONF).as_deref()) {
        Some(settings) => {
            // SAFETY: the caller guarantees that no other thread reads or writes the
            // environment now.
            unsafe { std::env::set_var(ALLOC_CONF, settings) };
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_users_allocator_settings_win() {
        assert_eq!(settings_to_set(None, None), Some("expandable_segments:True"));
        let mine = OsStr::new("expandable_segments:False");
        assert_eq!(settings_to_set(Some(mine), None), None);
        assert_eq!(settings_to_set(None, Some(mine)), None);
        assert_eq!(settings_to_set(Some(OsStr::new("")), None), None, "set, even empty, is the user's");
    }
}
