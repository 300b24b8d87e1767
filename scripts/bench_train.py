"""Reference for `cargo xtask bench train`: LoRA training steps of SmolLM2-135M in
PyTorch + transformers + peft, the same work as `hysim-finetune`'s `bench_step` example.

The model is built from its config (random weights: the time of a step does not depend on
the values), LoRA rank R with alpha 2R on q_proj and v_proj (or --targets), AdamW, gradient clipping at
1.0, float32 (or --dtype bf16 | mixed), a fixed batch of B sequences of L tokens, every position a target; one
warm-up step, then N timed steps. Prints one JSON line like the Rust side.
"""

import argparse
import json
import time

import torch
from peft import LoraConfig, get_peft_model
from transformers import LlamaConfig, LlamaForCausalLM


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True, help="HF config.json of SmolLM2-135M-Instruct")
    ap.add_argument("--batch", type=int, default=2)
    ap.add_argument("--seq", type=int, default=256)
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--rank", type=int, default=8)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--device", default="cpu")
    ap.add_argument(
        "--dtype",
        default="f32",
        choices=["f32", "bf16", "mixed"],
        help="bf16: every weight in bfloat16; mixed: base weights bfloat16, adapters float32 (peft's autocast_adapter_dtype)",
    )
    ap.add_argument("--targets", default="q_proj,v_proj", help="comma-separated projections that get an adapter")
    ap.add_argument("--autocast", action="store_true", help="CUDA autocast (float16), as bench_step --autocast")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    with open(a.config) as f:
        cfg = LlamaConfig(**{k: v for k, v in json.load(f).items() if k not in ("architectures", "transformers.js_config")})
    cfg.torch_dtype = torch.float32
    model = LlamaForCausalLM(cfg).float()
    if a.dtype == "mixed":
        model = model.to(torch.bfloat16)  # peft then keeps the adapters in float32
    model = get_peft_model(model, LoraConfig(r=a.rank, lora_alpha=2 * a.rank, target_modules=a.targets.split(","), lora_dropout=0.0))
    model = model.to(a.device)
    if a.dtype == "bf16":
        model = model.to(torch.bfloat16)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=1e-4, weight_decay=0.0)
    vocab = cfg.vocab_size
    ids = torch.tensor([[((b * 7919 + t * 104729) % (vocab - 100)) + 100 for t in range(a.seq)] for b in range(a.batch)])
    ids = ids.to(a.device)

    def step():
        with torch.autocast("cuda", dtype=torch.float16, enabled=a.autocast):
            out = model(input_ids=ids, labels=ids)
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)

    model.train()
    step()
    start = time.perf_counter()
    for _ in range(a.steps):
        step()
    if a.device.startswith("cuda"):
        torch.cuda.synchronize()
    seconds = time.perf_counter() - start
    tokens = a.batch * a.seq * a.steps
    print(json.dumps({"steps": a.steps, "tokens": tokens, "seconds": round(seconds, 4), "tokens_per_second": round(tokens / seconds, 2)}))


if __name__ == "__main__":
    main()
