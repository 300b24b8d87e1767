#!/usr/bin/env bash
# Does libtorch's CUDA caching allocator explain the GPU memory of the [gpu] budget's
# training (38,407 MiB against 14,051 MiB for the same step at its largest batch in
# memory.sh)? Trains the decoder for 120 of the budget's 600 steps three times on the lent
# GPU, after scripts/gpu/prepare.sh and its two device calls (the second one running this
# script instead of pipeline.sh): the allocator's defaults (expandable segments off: hysim
# turns them on when neither variable is set), then expandable segments through the older
# and the newer name of its setting. Each variant's nvidia-smi samples, log and folders
# land in $OUT/<variant>/.
set -u -o pipefail
O=${OUT:-/tmp/hysim-gpu-out}
SHORT=/tmp/gpu-short.toml
sed -e 's/^total_steps = 600$/total_steps = 120/' -e 's/^eval_every = 100$/eval_every = 60/' .gpub/gpu.toml > $SHORT
grep -q '^total_steps = 120$' $SHORT || { echo "no 'total_steps = 600' in .gpub/gpu.toml"; exit 1; }
for variant in default cuda-alloc-conf alloc-conf; do
  unset PYTORCH_CUDA_ALLOC_CONF PYTORCH_ALLOC_CONF
  case $variant in
    default) export PYTORCH_ALLOC_CONF=expandable_segments:False ;;
    cuda-alloc-conf) export PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True ;;
    alloc-conf) export PYTORCH_ALLOC_CONF=expandable_segments:True ;;
  esac
  echo "== $variant"
  OUT=$O/$variant bash scripts/gpu/pipeline.sh $SHORT --from train --to train | grep -E "exit|peak|steps|train"
done
