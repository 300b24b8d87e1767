//! GGUF files (versions 2 and 3), as llama.cpp writes them: metadata, tensor directory,
//! and dequantisation of F32, F16, BF16, Q4_0, Q4_1, Q5_0, Q8_0, Q4_K and Q6_K blocks to
//! `f32`, exactly as llama.cpp's reference dequantisers define them.
//!
//! llama.cpp's converter permutes the rows of Llama's `attn_q` and `attn_k` weights for its
//! interleaved rotary embedding; [`unpermute_rows`] undoes that, giving the HF layout.
//! Shapes are reported HF-style (outermost first: `[rows, cols]`), the reverse of GGUF's
//! `ne` order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// A metadata value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Any unsigned integer type.
    U64(u64),
    /// Any signed integer type.
    I64(i64),
    /// `f32` or `f64`.
    F64(f64),
    /// A boolean.
    Bool(bool),
    /// A UTF-8 string.
    String(String),
    /// An array of values.
    Array(Vec<Value>),
}

impl Value {
    /// The value as an unsigned integer, when it is a non-negative integer.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::U64(v) => Some(*v),
            Value::I64(v) => u64::try_from(*v).ok(),
            _ => None,
        }
    }

    /// The value as a float.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::F64(v) => Some(*v),
            Value::U64(v) => Some(*v as f64),
            Value::I64(v) => Some(*v as f64),
            _ => None,
        }
    }

    /// The value as a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value as an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
}

/// The ggml block types this reader dequantises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GgmlType {
    /// 32-bit floats.
    F32,
    /// 16-bit floats.
    F16,
    /// bfloat16.
    Bf16,
    /// 32 values: an f16 scale and 4-bit values offset by 8.
    Q4_0,
    /// 32 values: f16 scale and minimum, 4-bit values.
    Q4_1,
    /// 32 values: f16 scale, 5-bit values offset by 16.
    Q5_0,
    /// 32 values: f16 scale, 8-bit values.
    Q8_0,
    /// 256 values in 8 sub-blocks with 6-bit scales and minimums, 4-bit values.
    Q4K,
    /// 256 values in 16 sub-blocks with 8-bit scales, 6-bit values.
    Q6K,
}

impl GgmlType {
    fn from_id(id: u32) -> Option<Self> {
        Some(match id {
            0 => GgmlType::F32,
            1 => GgmlType::F16,
            2 => GgmlType::Q4_0,
            3 => GgmlType::Q4_1,
            6 => GgmlType::Q5_0,
            8 => GgmlType::Q8_0,
            12 => GgmlType::Q4K,
            14 => GgmlType::Q6K,
            30 => GgmlType::Bf16,
            _ => return None,
        })
    }

    /// (values per block, bytes per block).
    fn block(self) -> (usize, usize) {
        match self {
            GgmlType::F32 => (1, 4),
            GgmlType::F16 | GgmlType::Bf16 => (1, 2),
            GgmlType::Q4_0 => (32, 18),
            GgmlType::Q4_1 => (32, 20),
            GgmlType::Q5_0 => (32, 22),
            GgmlType::Q8_0 => (32, 34),
            GgmlType::Q4K => (256, 144),
            GgmlType::Q6K => (256, 210),
        }
    }
}

/// One tensor of the directory.
#[derive(Debug, Clone, PartialEq)]
pub struct TensorInfo {
    /// Shape, outermost first (`[rows, cols]` for a matrix).
    pub shape: Vec<usize>,
    /// Block type (`None` for a type this reader does not know; reading it is an error).
    pub dtype: Option<GgmlType>,
    /// The raw type id.
    pub type_id: u32,
    /// Offset of the data from the start of the data section.
    pub offset: u64,
}

impl TensorInfo {
    /// Number of values.
    pub fn numel(&self) -> usize {
        self.shape.iter().product()
    }
}

/// A GGUF file read into memory.
pub struct Gguf {
    path: PathBuf,
    /// GGUF version (2 or 3).
    pub version: u32,
    /// Metadata by key.
    pub metadata: BTreeMap<String, Value>,
    /// Tensors by name.
    pub tensors: BTreeMap<String, TensorInfo>,
    bytes: Vec<u8>,
    data_start: usize,
}

impl std::fmt::Debug for Gguf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gguf")
            .field("path", &self.path)
            .field("version", &self.version)
            .field("tensors", &self.tensors.len())
            .finish()
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn take(&mut self, n: usize) -> std::result::Result<&[u8], String> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|e| *e <= self.bytes.len())
            .ok_or_else(|| format!("truncated: {n} bytes wanted at offset {} of {}", self.pos, self.bytes.len()))?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn u32(&mut self) -> std::result::Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("invariant: 4 bytes")))
    }

    fn u64(&mut self) -> std::result::Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("invariant: 8 bytes")))
    }

    fn len(&mut self) -> std::result::Result<usize, String> {
        let n = self.u64()?;
        usize::try_from(n).ok().filter(|n| *n <= self.bytes.len()).ok_or_else(|| format!("length {n} too large"))
    }

    fn string(&mut self) -> std::result::Result<String, String> {
        let n = self.len()?;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|e| format!("string is not UTF-8: {e}"))
    }

    fn value(&mut self, type_id: u32, depth: usize) -> std::result::Result<Value, String> {
        let b = |c: &mut Self, n: usize| -> std::result::Result<Vec<u8>, String> { Ok(c.take(n)?.to_vec()) };
        Ok(match type_id {
            0 => Value::U64(u64::from(b(self, 1)?[0])),
            1 => Value::I64(i64::from(b(self, 1)?[0] as i8)),
            2 => Value::U64(u64::from(u16::from_le_bytes(b(self, 2)?.try_into().expect("2")))),
            3 => Value::I64(i64::from(i16::from_le_bytes(b(self, 2)?.try_into().expect("2")))),
            4 => Value::U64(u64::from(self.u32()?)),
            5 => Value::I64(i64::from(self.u32()? as i32)),
            6 => Value::F64(f64::from(f32::from_le_bytes(b(self, 4)?.try_into().expect("4")))),
            7 => Value::Bool(b(self, 1)?[0] != 0),
            8 => Value::String(self.string()?),
            9 => {
                if depth > 4 {
                    return Err("arrays nested too deep".to_owned());
                }
                let item_type = self.u32()?;
                let n = self.len()?;
                let mut items = Vec::with_capacity(n.min(1 << 20));
                for _ in 0..n {
                    items.push(self.value(item_type, depth + 1)?);
                }
                Value::Array(items)
            }
            10 => Value::U64(self.u64()?),
            11 => Value::I64(self.u64()? as i64),
            12 => Value::F64(f64::from_le_bytes(b(self, 8)?.try_into().expect("8"))),
            other => return Err(format!("unknown metadata value type {other}")),
        })
    }
}

impl Gguf {
    /// Reads a GGUF file: header, metadata and tensor directory (data stays in memory).
    pub fn open(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path)
            .map_err(|source| Error::Gguf { path: path.to_path_buf(), problem: source.to_string() })?;
        Self::from_bytes(bytes, path)
    }

    /// Reads a GGUF image already in memory (`path` names it in errors).
    pub fn from_bytes(bytes: Vec<u8>, path: &Path) -> Result<Self> {
        let bad = |problem: String| Error::Gguf { path: path.to_path_buf(), problem };
        let mut c = Cursor { bytes: &bytes, pos: 0 };
        if c.take(4).map_err(&bad)? != b"GGUF" {
            return Err(bad("not a GGUF file (no GGUF magic)".to_owned()));
        }
        let version = c.u32().map_err(&bad)?;
        if !(2..=3).contains(&version) {
            return Err(bad(format!("GGUF version {version} is not supported (2 and 3 are)")));
        }
        let n_tensors = c.len().map_err(&bad)?;
        let n_kv = c.len().map_err(&bad)?;
        let mut metadata = BTreeMap::new();
        for _ in 0..n_kv {
            let key = c.string().map_err(&bad)?;
            let type_id = c.u32().map_err(&bad)?;
            let value = c.value(type_id, 0).map_err(|e| bad(format!("metadata {key}: {e}")))?;
            metadata.insert(key, value);
        }
        let mut tensors = BTreeMap::new();
        for _ in 0..n_tensors {
            let name = c.string().map_err(&bad)?;
            let n_dims = c.u32().map_err(&bad)? as usize;
            if n_dims > 8 {
                return Err(bad(format!("tensor {name}: {n_dims} dimensions")));
            }
            let mut ne = Vec::with_capacity(n_dims);
            for _ in 0..n_dims {
                ne.push(c.len().map_err(&bad)?);
            }
            let type_id = c.u32().map_err(&bad)?;
            let offset = c.u64().map_err(&bad)?;
            ne.reverse();
            tensors.insert(name, TensorInfo { shape: ne, dtype: GgmlType::from_id(type_id), type_id, offset });
        }
        let alignment = metadata.get("general.alignment").and_then(Value::as_u64).unwrap_or(32).max(1) as usize;
        let data_start = c.pos.div_ceil(alignment) * alignment;
        let gguf = Self { path: path.to_path_buf(), version, metadata, tensors, bytes, data_start };
        // Every tensor's data must lie inside the file.
        for (name, info) in &gguf.tensors {
            if let Some(dtype) = info.dtype {
                let (per_block, block_bytes) = dtype.block();
                let numel = info.numel();
                if !numel.is_multiple_of(per_block) {
                    return Err(bad(format!(
                        "tensor {name}: {numel} values is not a whole number of {dtype:?} blocks"
                    )));
                }
                let end = gguf.data_start as u64 + info.offset + (numel / per_block * block_bytes) as u64;
                if end > gguf.bytes.len() as u64 {
                    return Err(bad(format!("tensor {name}: data ends at byte {end}, past the end of the file")));
                }
            }
        }
        Ok(gguf)
    }

    /// A metadata value.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.metadata.get(key)
    }

    /// A tensor's values as `f32`, row-major in its [`TensorInfo::shape`].
    pub fn tensor_f32(&self, name: &str) -> Result<Vec<f32>> {
        let bad = |problem: String| Error::Gguf { path: self.path.clone(), problem };
        let info = self.tensors.get(name).ok_or_else(|| bad(format!("no tensor {name}")))?;
        let dtype =
            info.dtype.ok_or_else(|| bad(format!("tensor {name}: ggml type {} is not supported", info.type_id)))?;
        let (per_block, block_bytes) = dtype.block();
        let start = self.data_start + info.offset as usize;
        let data = &self.bytes[start..start + info.numel() / per_block * block_bytes];
        Ok(dequantize(dtype, data))
    }
}

/// IEEE half to f32.
pub fn f16_to_f32(bits: u16) -> f32 {
    let sign = u32::from(bits >> 15) << 31;
    let exp = u32::from((bits >> 10) & 0x1f);
    let mant = u32::from(bits & 0x3ff);
    let out = match (exp, mant) {
        (0, 0) => sign,
        (0, m) => {
            // Subnormal: normalise.
            let shift = m.leading_zeros() - 21;
            let m = (m << shift) & 0x3ff;
            sign | ((127 - 15 + 1 - shift) << 23) | (m << 13)
        }
        (0x1f, m) => sign | 0x7f80_0000 | (m << 13),
        (e, m) => sign | ((e + 127 - 15) << 23) | (m << 13),
    };
    f32::from_bits(out)
}

fn half(b: &[u8]) -> f32 {
    f16_to_f32(u16::from_le_bytes([b[0], b[1]]))
}

/// Dequantises whole blocks of `dtype`.
pub fn dequantize(dtype: GgmlType, data: &[u8]) -> Vec<f32> {
    let (per_block, block_bytes) = dtype.block();
    let mut out = Vec::with_capacity(data.len() / block_bytes * per_block);
    for block in data.chunks_exact(block_bytes) {
        match dtype {
            GgmlType::F32 => out.push(f32::from_le_bytes([block[0], block[1], block[2], block[3]])),
            GgmlType::F16 => out.push(half(block)),
            GgmlType::Bf16 => out.push(f32::from_bits(u32::from(u16::from_le_bytes([block[0], block[1]])) << 16)),
            GgmlType::Q4_0 => {
                let d = half(block);
                let qs = &block[2..18];
                out.extend(qs.iter().map(|q| (f32::from(q & 0xf) - 8.0) * d));
                out.extend(qs.iter().map(|q| (f32::from(q >> 4) - 8.0) * d));
            }
            GgmlType::Q4_1 => {
                let (d, m) = (half(block), half(&block[2..]));
                let qs = &block[4..20];
                out.extend(qs.iter().map(|q| f32::from(q & 0xf) * d + m));
                out.extend(qs.iter().map(|q| f32::from(q >> 4) * d + m));
            }
            GgmlType::Q5_0 => {
                let d = half(block);
                let qh = u32::from_le_bytes([block[2], block[3], block[4], block[5]]);
                let qs = &block[6..22];
                let lo: Vec<f32> = (0..16)
                    .map(|j| {
                        let xh = ((qh >> j) << 4) & 0x10;
                        ((u32::from(qs[j] & 0xf) | xh) as i32 - 16) as f32 * d
                    })
                    .collect();
                let hi: Vec<f32> = (0..16)
                    .map(|j| {
                        let xh = (qh >> (j + 12)) & 0x10;
                        ((u32::from(qs[j] >> 4) | xh) as i32 - 16) as f32 * d
                    })
                    .collect();
                out.extend(lo);
                out.extend(hi);
            }
            GgmlType::Q8_0 => {
                let d = half(block);
                out.extend(block[2..34].iter().map(|q| f32::from(*q as i8) * d));
            }
            GgmlType::Q4K => {
                let (d, dmin) = (half(block), half(&block[2..]));
                let scales = &block[4..16];
                let qs = &block[16..144];
                let scale_min = |j: usize| -> (f32, f32) {
                    if j < 4 {
                        (f32::from(scales[j] & 63), f32::from(scales[j + 4] & 63))
                    } else {
                        (
                            f32::from((scales[j + 4] & 0xf) | ((scales[j - 4] >> 6) << 4)),
                            f32::from((scales[j + 4] >> 4) | ((scales[j] >> 6) << 4)),
                        )
                    }
                };
                for (k, q) in qs.chunks_exact(32).enumerate() {
                    let (sc1, m1) = scale_min(2 * k);
                    let (sc2, m2) = scale_min(2 * k + 1);
                    out.extend(q.iter().map(|x| d * sc1 * f32::from(x & 0xf) - dmin * m1));
                    out.extend(q.iter().map(|x| d * sc2 * f32::from(x >> 4) - dmin * m2));
                }
            }
            GgmlType::Q6K => {
                let (ql, qh, sc) = (&block[0..128], &block[128..192], &block[192..208]);
                let d = half(&block[208..210]);
                for n in 0..2 {
                    let (ql, qh, sc) = (&ql[64 * n..], &qh[32 * n..], &sc[8 * n..]);
                    let mut y = [0f32; 128];
                    for l in 0..32 {
                        let is = l / 16;
                        let q1 = i32::from((ql[l] & 0xf) | ((qh[l] & 3) << 4)) - 32;
                        let q2 = i32::from((ql[l + 32] & 0xf) | (((qh[l] >> 2) & 3) << 4)) - 32;
                        let q3 = i32::from((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
                        let q4 = i32::from((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
                        y[l] = d * f32::from(sc[is] as i8) * q1 as f32;
                        y[l + 32] = d * f32::from(sc[is + 2] as i8) * q2 as f32;
                        y[l + 64] = d * f32::from(sc[is + 4] as i8) * q3 as f32;
                        y[l + 96] = d * f32::from(sc[is + 6] as i8) * q4 as f32;
                    }
                    out.extend(y);
                }
            }
        }
    }
    out
}

/// Undoes llama.cpp's row permutation of `attn_q`/`attn_k` (`n_head` heads of the
/// matrix's rows; `n_head` is the key-value head count for `attn_k`): GGUF row
/// `h·hd + 2j + a` is HF row `h·hd + a·hd/2 + j`.
pub fn unpermute_rows(data: &[f32], rows: usize, cols: usize, n_head: usize) -> Vec<f32> {
    assert!(n_head > 0 && rows.is_multiple_of(2 * n_head), "invariant: rows split into heads of even size");
    let hd = rows / n_head;
    let mut out = vec![0f32; data.len()];
    for h in 0..n_head {
        for j in 0..hd / 2 {
            for a in 0..2 {
                let src = h * hd + 2 * j + a;
                let dst = h * hd + a * hd / 2 + j;
                out[dst * cols..(dst + 1) * cols].copy_from_slice(&data[src * cols..(src + 1) * cols]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves() {
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        assert_eq!(f16_to_f32(0x0000), 0.0);
        assert_eq!(f16_to_f32(0x7bff), 65504.0);
        assert_eq!(f16_to_f32(0x0001), 2f32.powi(-24));
        assert!(f16_to_f32(0x7e00).is_nan());
    }

    #[test]
    fn q4_1_and_q8_0_blocks_by_hand() {
        // Q4_1: d = 0.5, m = -1, nibbles 0..15 in the low half, 15..0 in the high half.
        let mut block = vec![0x00, 0x38, 0x00, 0xbc];
        block.extend((0..16u8).map(|j| j | ((15 - j) << 4)));
        let v = dequantize(GgmlType::Q4_1, &block);
        assert_eq!(v.len(), 32);
        assert_eq!((v[0], v[15], v[16], v[31]), (-1.0, 6.5, 6.5, -1.0));
        // Q8_0: d = 2, values -3 and 4.
        let mut block = vec![0x00, 0x40];
        block.extend([(-3i8) as u8, 4].iter().cycle().take(32));
        let v = dequantize(GgmlType::Q8_0, &block);
        assert_eq!((v[0], v[1]), (-6.0, 8.0));
    }

    #[test]
    fn unpermute_inverts_the_converters_permutation() {
        // Two heads of four rows, one column: HF rows 0..8; the converter interleaves halves.
        let hf: Vec<f32> = (0..8).map(|x| x as f32).collect();
        let permuted = [0.0, 2.0, 1.0, 3.0, 4.0, 6.0, 5.0, 7.0];
        assert_eq!(unpermute_rows(&permuted, 8, 1, 2), hf);
    }

    #[test]
    fn bad_files_are_errors_naming_the_problem() {
        let path = Path::new("x.gguf");
        let msg = |bytes: Vec<u8>| Gguf::from_bytes(bytes, path).unwrap_err().to_string();
        assert!(msg(b"GGML....".to_vec()).contains("no GGUF magic"));
        assert!(msg([b"GGUF".as_slice(), &9u32.to_le_bytes()].concat()).contains("version 9"));
        let truncated = [b"GGUF".as_slice(), &3u32.to_le_bytes(), &1u64.to_le_bytes()].concat();
        assert!(msg(truncated).contains("truncated"), "x.gguf");
    }
}
