"""Writes a safetensors file of random weights with the names and shapes of a real one.

Used on the GPU machine, where the real model file cannot be copied (the device tool moves
at most 64 MiB per call): throughput does not depend on the weight values. Matrices are
N(0, 0.02), LayerNorm weights 1, biases 0, integer tensors (position ids) 0..n.

    python3 random_safetensors.py SHAPES.json OUT.safetensors
"""
import ctypes
import json
import struct
import sys

import torch

shapes = json.load(open(sys.argv[1]))
torch.manual_seed(0)
tensors = {}
for name, (dtype, shape) in shapes.items():
    if dtype == "I64":
        t = torch.arange(shape[-1], dtype=torch.int64).reshape(shape)
    elif name.endswith("LayerNorm.weight"):
        t = torch.ones(shape)
    elif name.endswith("bias"):
        t = torch.zeros(shape)
    else:
        t = torch.randn(shape) * 0.02
    tensors[name] = t.contiguous()
header, offset, blobs = {}, 0, []
for name, t in tensors.items():
    raw = ctypes.string_at(t.data_ptr(), t.numel() * t.element_size())
    header[name] = {"dtype": "I64" if t.dtype == torch.int64 else "F32", "shape": list(t.shape),
                    "data_offsets": [offset, offset + len(raw)]}
    offset += len(raw)
    blobs.append(raw)
head = json.dumps(header).encode()
head += b" " * ((8 - len(head) % 8) % 8)
with open(sys.argv[2], "wb") as f:
    f.write(struct.pack("<Q", len(head)))
    f.write(head)
    for b in blobs:
        f.write(b)
