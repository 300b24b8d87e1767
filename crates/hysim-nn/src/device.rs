//! Device and dtype selection, and seeding.

use std::fmt;
use std::str::FromStr;

use tch::{Cuda, Device, Kind};

use crate::{Error, Result};

/// Where to run: parsed from `auto`, `cpu`, `cuda` or `cuda:N`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DeviceSpec {
    /// The first CUDA device when libtorch sees one, else the CPU.
    #[default]
    Auto,
    /// The CPU.
    Cpu,
    /// CUDA device `N`.
    Cuda(usize),
}

impl FromStr for DeviceSpec {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(Self::Auto),
            "cpu" => Ok(Self::Cpu),
            "cuda" | "gpu" => Ok(Self::Cuda(0)),
            other => other
                .strip_prefix("cuda:")
                .and_then(|n| n.parse().ok())
                .map(Self::Cuda)
                .ok_or_else(|| Error::BadDevice(s.to_owned())),
        }
    }
}

impl fmt::Display for DeviceSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Auto => f.write_str("auto"),
            Self::Cpu => f.write_str("cpu"),
            Self::Cuda(n) => write!(f, "cuda:{n}"),
        }
    }
}

impl DeviceSpec {
    /// Resolves to a concrete libtorch device; `cuda:N` fails when that GPU is absent.
    pub fn resolve(self) -> Result<Device> {
        let device = match self {
            Self::Cpu => Device::Cpu,
            Self::Auto if cuda_device_count() > 0 => Device::Cuda(0),
            Self::Auto => Device::Cpu,
            Self::Cuda(index) => {
                let available = cuda_device_count();
                if index >= available {
                    return Err(Error::CudaUnavailable { index, available });
                }
                Device::Cuda(index)
            }
        };
        tracing::debug!(requested = %self, ?device, "device resolved");
        Ok(device)
    }
}

/// How many CUDA devices libtorch sees (0 on a CPU-only machine).
pub fn cuda_device_count() -> usize {
    if Cuda::is_available() { usize::try_from(Cuda::device_count()).unwrap_or(0) } else { 0 }
}

/// Floating-point type of weights and activations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DType {
    /// 32-bit float.
    #[default]
    F32,
    /// bfloat16: half-precision embeddings and mixed-precision training, fast on CUDA GPUs
    /// from Ampere on and on CPUs with AVX512-BF16.
    Bf16,
    /// IEEE half precision.
    F16,
}

impl FromStr for DType {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "f32" | "float32" | "fp32" => Ok(Self::F32),
            "bf16" | "bfloat16" => Ok(Self::Bf16),
            "f16" | "float16" | "fp16" | "half" => Ok(Self::F16),
            _ => Err(Error::BadDType(s.to_owned())),
        }
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::F32 => "f32",
            Self::Bf16 => "bf16",
            Self::F16 => "f16",
        })
    }
}

impl DType {
    /// The libtorch kind.
    pub fn kind(self) -> Kind {
        match self {
            Self::F32 => Kind::Float,
            Self::Bf16 => Kind::BFloat16,
            Self::F16 => Kind::Half,
        }
    }
}

impl DType {
    /// The fastest of float32 and bfloat16 that keeps training sound on `device`: bfloat16
    /// on CPUs with bfloat16 arithmetic (AVX512-BF16, where libtorch's bfloat16 matrix
    /// products run about 2.5 times as fast as float32 ones) and on GPUs where a bfloat16
    /// matrix product is measured faster than a float32 one (Ampere and newer; tch cannot
    /// read a GPU's compute capability, so [`cuda_bf16_is_faster`] times one), float32
    /// elsewhere (emulated bfloat16 is slower than float32).
    pub fn fastest_for(device: Device) -> Self {
        let fast = match device {
            Device::Cuda(index) => cuda_bf16_is_faster(index),
            _ => cpu_has_bf16_arithmetic(),
        };
        if fast { Self::Bf16 } else { Self::F32 }
    }

    /// The precision to run a model trained in `self` on `device`: bfloat16 where it was
    /// trained so and the device is a CPU that computes it natively, float32 otherwise.
    /// On a GPU inference runs in float32 even where bfloat16 trains faster: inference
    /// meets a new tensor shape at almost every call (each decoding step's cache length,
    /// each length-sorted batch), and libtorch's bfloat16 kernels pay for each new shape on
    /// first use. Measured on an H200 with SmolLM2-135M's shapes (`scripts/gpu/generate.sh`):
    /// 16 rows decoding 128 tokens after 768 ran at 175-235 tokens/s in bfloat16 against
    /// 658-1,035 in float32 (2.8 to 5.9 times as fast), transformers' `generate` at 247
    /// against 538 (2.2 times); MiniLM's embedding likewise (README).
    pub fn inference_on(self, device: Device) -> Self {
        match device {
            Device::Cpu if self == Self::Bf16 && cpu_has_bf16_arithmetic() => Self::Bf16,
            _ => Self::F32,
        }
    }
}

/// Whether a 2048 x 2048 bfloat16 matrix product on CUDA device `index` runs faster than a
/// float32 one (five of each after two warm-ups, about 10 ms on a recent GPU; false if
/// bfloat16 fails there). Measured once per device and process.
pub fn cuda_bf16_is_faster(index: usize) -> bool {
    static MEASURED: std::sync::Mutex<Vec<(usize, bool)>> = std::sync::Mutex::new(Vec::new());
    let mut measured = MEASURED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(&(_, fast)) = measured.iter().find(|(i, _)| *i == index) {
        return fast;
    }
    let device = Device::Cuda(index);
    let sync = || Cuda::synchronize(i64::try_from(index).unwrap_or(0));
    let seconds = |kind: Kind| -> Option<f64> {
        let _guard = tch::no_grad_guard();
        let a = tch::Tensor::f_ones([2048, 2048], (kind, device)).ok()?;
        for _ in 0..2 {
            let _product = a.f_matmul(&a).ok()?;
        }
        sync();
        let started = std::time::Instant::now();
        for _ in 0..5 {
            let _product = a.f_matmul(&a).ok()?;
        }
        sync();
        Some(started.elapsed().as_secs_f64())
    };
    let fast = match (seconds(Kind::Float), seconds(Kind::BFloat16)) {
        (Some(f32_seconds), Some(bf16_seconds)) => bf16_seconds < f32_seconds,
        _ => false,
    };
    tracing::debug!(index, fast, "bfloat16 against float32 matrix products on CUDA");
    measured.push((index, fast));
    fast
}

/// Whether this CPU has bfloat16 arithmetic instructions (AVX512-BF16).
pub fn cpu_has_bf16_arithmetic() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx512bf16")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Seeds libtorch's CPU generator and, when present, every CUDA generator.
pub fn seed(seed: u64) {
    // libtorch takes an i64; keep every u64 seed distinct by reinterpreting the bits.
    tch::manual_seed(i64::from_ne_bytes(seed.to_ne_bytes()));
    if Cuda::is_available() {
        Cuda::manual_seed_all(seed);
    }
}

/// Runs `build` with libtorch's generators seeded with `seed`, holding a process-wide lock,
/// so that random initialisations in threads running at once (tests, say) cannot draw from
/// each other's streams: the same seed gives the same weights whatever else runs.
pub fn seeded<T>(seed_value: u64, build: impl FnOnce() -> T) -> T {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _held = LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    seed(seed_value);
    build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_device(input: &str, expect: &str) {
        let got = match input.parse::<DeviceSpec>() {
            Ok(spec) => spec.to_string(),
            Err(err) => format!("error: {err}"),
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn device_strings() {
        check_device("auto", "auto");
        check_device("CPU", "cpu");
        check_device("cuda", "cuda:0");
        check_device("cuda:3", "cuda:3");
        check_device("cuda:x", "error: unknown device \"cuda:x\": expected auto, cpu, cuda or cuda:N");
        check_device("tpu", "error: unknown device \"tpu\": expected auto, cpu, cuda or cuda:N");
    }

    #[test]
    fn dtype_strings() {
        assert_eq!("bf16".parse::<DType>().unwrap().kind(), Kind::BFloat16);
        assert_eq!("fp16".parse::<DType>().unwrap().kind(), Kind::Half);
        assert_eq!("f32".parse::<DType>().unwrap().to_string(), "f32");
        assert_eq!("f64".parse::<DType>().unwrap_err().to_string(), "unknown dtype \"f64\": expected f32, bf16 or f16");
    }

    #[test]
    fn fastest_dtype_follows_the_cpu_and_needs_a_working_gpu() {
        let cpu = if cpu_has_bf16_arithmetic() { DType::Bf16 } else { DType::F32 };
        assert_eq!(DType::fastest_for(Device::Cpu), cpu);
        // A GPU that is not there cannot run bfloat16 fast.
        let absent = cuda_device_count() + 3;
        assert_eq!(DType::fastest_for(Device::Cuda(absent)), DType::F32);
        // A model runs in bfloat16 only where it was trained so and the CPU is fast; on a
        // GPU in float32, whatever it measures.
        assert_eq!(DType::Bf16.inference_on(Device::Cpu), cpu);
        assert_eq!(DType::F32.inference_on(Device::Cpu), DType::F32);
        assert_eq!(DType::Bf16.inference_on(Device::Cuda(absent)), DType::F32);
        assert_eq!(DType::Bf16.inference_on(Device::Cuda(0)), DType::F32);
    }

    #[test]
    fn missing_cuda_device_is_an_error_not_a_fallback() {
        let available = cuda_device_count();
        let err = DeviceSpec::Cuda(available).resolve().unwrap_err();
        assert!(
            matches!(err, Error::CudaUnavailable { index, available: a } if index == available && a == available),
            "{err:?}"
        );
    }
}
