"""The sentence-transformers side of `cargo xtask bench embed`.

Encodes the texts of a JSON Lines file ({"id", "text"} per line, as `hysim embed
--dump-texts` writes them) with sentence-transformers on the given device (the CPU by default), with the given batch
size and thread count, and prints one JSON line: seconds spent in `encode` (model loading
excluded, as in hysim's own timing) and, when `--compare` names a hysim output, the
largest absolute difference between the two sets of embeddings.

With `--out FILE --no-warmup` it is the whole command a user would run instead of
`hysim embed`: start, imports, model loading, encoding and writing the embeddings to a
safetensors file; `cargo xtask bench embed` times such runs from outside (wall clock).
"""

import argparse
import json
import time

import torch
from sentence_transformers import SentenceTransformer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--compare")
    parser.add_argument("--out", help="write the embeddings here (safetensors, tensor `embeddings`)")
    parser.add_argument("--no-warmup", action="store_true")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--dtype", default="f32", choices=["f32", "bf16"])
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    texts = [json.loads(line)["text"] for line in open(args.texts, encoding="utf-8") if line.strip()]
    model = SentenceTransformer(args.model, device=args.device)
    if args.dtype == "bf16":
        model = model.to(torch.bfloat16)
    if not args.no_warmup:
        model.encode(texts[:8], batch_size=args.batch_size)  # warm-up, as hysim's timing excludes loading
    start = time.perf_counter()
    embeddings = model.encode(texts, batch_size=args.batch_size, convert_to_tensor=True).float().cpu().numpy()
    seconds = time.perf_counter() - start
    result = {"seconds": seconds, "texts": len(texts)}
    if args.out:
        from safetensors.numpy import save_file

        save_file({"embeddings": embeddings}, args.out)
    if args.compare:
        from safetensors.numpy import load_file

        ours = load_file(args.compare)["embeddings"]
        result["max_abs_diff"] = float(abs(ours - embeddings).max())
    print(json.dumps(result))


if __name__ == "__main__":
    main()
