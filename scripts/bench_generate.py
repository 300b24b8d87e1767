"""Reference for `hysim-finetune`'s `bench_generate` example: batched greedy decoding with a
KV cache in PyTorch + transformers (`generate`, do_sample=False), the same model, batch,
prompt and answer lengths.

The model is built from its config (random weights: the time of a step does not depend on
the values); B rows of P fixed pseudo-random prompt tokens, each writing exactly N tokens
(min_new_tokens = max_new_tokens); float32 or --dtype bf16; one warm-up generation of 8
tokens, then one timed. Prints one JSON line like the Rust side.
"""

import argparse
import json
import time

import torch
from transformers import LlamaConfig, LlamaForCausalLM


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True, help="HF config.json of SmolLM2-135M-Instruct")
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--prompt", type=int, default=256)
    ap.add_argument("--new", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--dtype", default="f32", choices=["f32", "bf16"])
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    with open(a.config) as f:
        cfg = LlamaConfig(**{k: v for k, v in json.load(f).items() if k not in ("architectures", "transformers.js_config")})
    model = LlamaForCausalLM(cfg).float().to(a.device).eval()
    if a.dtype == "bf16":
        model = model.to(torch.bfloat16)
    vocab = cfg.vocab_size
    ids = torch.tensor([[((b * 7919 + t * 104729) % (vocab - 100)) + 100 for t in range(a.prompt)] for b in range(a.batch)])
    ids = ids.to(a.device)
    mask = torch.ones_like(ids)

    def run(n):
        with torch.no_grad():
            out = model.generate(
                input_ids=ids, attention_mask=mask, max_new_tokens=n, min_new_tokens=n, do_sample=False,
                use_cache=True, pad_token_id=0, eos_token_id=None,
            )
        assert out.shape[1] == a.prompt + n, out.shape
        if a.device.startswith("cuda"):
            torch.cuda.synchronize()

    run(8)
    start = time.perf_counter()
    run(a.new)
    seconds = time.perf_counter() - start
    tokens = a.batch * a.new
    print(json.dumps({"batch": a.batch, "prompt": a.prompt, "new": a.new, "mode": "transformers", "seconds": round(seconds, 4),
                      "new_tokens_per_second": round(tokens / seconds, 2)}))


if __name__ == "__main__":
    main()
