"""Max abs difference between embedding files (safetensors tensor `embeddings`, f32).

    python3 compare.py REFERENCE.safetensors OTHER.safetensors...
"""
import json
import struct
import sys

import torch


def load(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        meta = header["embeddings"]
        data = f.read()
    a, b = meta["data_offsets"]
    return torch.frombuffer(bytearray(data[a:b]), dtype=torch.float32).reshape(meta["shape"])


ref = load(sys.argv[1])
for path in sys.argv[2:]:
    other = load(path)
    print(json.dumps({"reference": sys.argv[1], "other": path, "rows": ref.shape[0],
                      "max_abs_diff": float((ref - other).abs().max()),
                      "min_cosine": float(torch.nn.functional.cosine_similarity(ref, other).min())}))
