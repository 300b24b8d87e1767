//! HySim's libtorch layer, shared by the model, embedding and fine-tuning crates.
//!
//! - [`DeviceSpec`]: `auto | cpu | cuda:N`, resolved at run time (CUDA when present).
//! - [`DType`]: the floating-point type of weights and activations.
//! - [`seed`]: one call that seeds libtorch's CPU and CUDA generators.
//! - [`default_cuda_allocator_settings`]: expandable segments for libtorch's CUDA caching
//!   allocator unless the user set its settings (binaries call it first thing in `main`).
//! - [`gguf`]: GGUF files (metadata, tensors, dequantisation), as llama.cpp writes them.
//! - [`load_safetensors`]: fills a `VarStore` from safetensors files by tensor name and
//!   reports missing, unexpected and mis-shaped tensors.
//!
//! Tensors never leave the tch crates: stage crates convert them into
//! `hysim_core` types at their boundary.

mod alloc;
mod device;
mod error;
pub mod gguf;
mod load;

pub use alloc::{ALLOC_CONF, CUDA_ALLOCATOR_SETTINGS, default_cuda_allocator_settings};
pub use device::{DType, DeviceSpec, cpu_has_bf16_arithmetic, cuda_bf16_is_faster, cuda_device_count, seed, seeded};
pub use error::{Error, Result};
pub use load::{LoadMode, LoadReport, load_safetensors};
pub use tch;
