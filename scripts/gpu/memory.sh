#!/usr/bin/env bash
# GPU memory and speed of one LoRA step of SmolLM2-135M's shapes (random weights) with
# adapters on all seven projections, as `hysim train` trains: bench_step against PyTorch +
# peft (scripts/bench_train.py), at the [gpu] budget's batch (8 x 1024) and at 8 x 512.
# Memory is the GPU's memory in use above idle, sampled by nvidia-smi every 50 ms while the
# process runs (both tools keep freed memory in libtorch's caching allocator, so this is
# what each holds at its peak, CUDA context included). Run by the device tool from the
# repository root with .gpuc/bench_step (the stripped release example) carried along, and
# .gpuc/bench_step.old when there is a baseline build to compare with.
set -u -o pipefail
TORCH_LIB=$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__))') || { echo "no torch in python3"; exit 1; }
export LD_LIBRARY_PATH="$TORCH_LIB/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
T=scripts/gpu/smollm2-135m.config.json
ALL=q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
peak() {
  local base
  base=$(nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits | head -1)
  nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -lms 50 > /tmp/mem.csv &
  local smi=$!
  "$@" 2>&1 | tail -1
  local rc=${PIPESTATUS[0]}
  kill $smi
  wait $smi 2>/dev/null
  [ "$rc" = 0 ] || echo "   exit status $rc"
  echo "   peak GPU memory $(( $(sort -n /tmp/mem.csv | tail -1) - base )) MiB above idle ($base MiB)"
}
for shape in "8 1024" "8 512"; do
  set -- $shape
  for dt in mixed f32; do
    echo "== $1 x $2, $dt, all seven projections: bench_step, then PyTorch + peft"
    peak .gpuc/bench_step $T --device cuda --batch $1 --seq $2 --steps 20 --dtype $dt --targets $ALL
    if [ -x .gpuc/bench_step.old ]; then
      echo "   (bench_step.old, a baseline build to compare with)"
      peak .gpuc/bench_step.old $T --device cuda --batch $1 --seq $2 --steps 20 --dtype $dt --targets $ALL
    fi
    peak python3 scripts/bench_train.py --config $T --device cuda --batch $1 --seq $2 --steps 20 --threads 16 --dtype $dt --targets $ALL
  done
done
