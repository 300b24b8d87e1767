#!/usr/bin/env bash
# Batched greedy decoding of SmolLM2-135M's shapes (random weights) on the lent GPU, the
# loop `hysim extract` runs for the decoder: hysim-finetune's bench_generate example against
# PyTorch + transformers' generate (scripts/bench_generate.py), same batch, prompt and
# answer lengths. Run by the device tool from the repository root with .gpuc/ carried:
# .gpuc/bench_generate (stripped release example) and, when there are builds to compare
# with, .gpuc/bench_generate.old and .gpuc/bench_generate.new. One JSON line per run.
set -u -o pipefail
TORCH_LIB=$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__))') || { echo "no torch in python3"; exit 1; }
export LD_LIBRARY_PATH="$TORCH_LIB/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
T=scripts/gpu/smollm2-135m.config.json
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
python3 -c 'import torch, transformers; print("torch", torch.__version__, "transformers", transformers.__version__)' 2>&1 | tail -1
bins=$(ls .gpuc/bench_generate.old .gpuc/bench_generate.new .gpuc/bench_generate 2>/dev/null)
run() { timeout 120 "$@" 2>&1 | tail -1; }
for shape in "16 768 128 bf16" "16 768 128 f32" "1 256 128 bf16"; do
  set -- $shape
  echo "== batch $1, prompt $2, $3 new tokens, $4"
  for b in $bins; do
    echo "-- $b"
    run $b $T --device cuda --batch $1 --prompt $2 --new $3 --dtype $4
    [ "$1" = 16 ] && [ "$4" = bf16 ] && run $b $T --device cuda --batch $1 --prompt $2 --new $3 --dtype $4 --mode forward
  done
  echo "-- transformers"
  run python3 scripts/bench_generate.py --config $T --device cuda --threads 16 --batch $1 --prompt $2 --new $3 --dtype $4
done
