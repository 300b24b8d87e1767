#!/usr/bin/env bash
# A smoke run of `hysim run` on the GPU: every stage but the decoder's (its 98 MB GGUF
# exceeds what the device tool carries), with random weights of MiniLM's shapes, the
# autoencoder manifold and the encoder extractor, all on cuda:0.
set -eu
C=target/gpu-carry
S=${OUT:-/tmp}/scratch
mkdir -p "$S"
export LD_LIBRARY_PATH="$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__))')/lib"
cp -r $C/minilm "$S/minilm"
python3 scripts/gpu/random_safetensors.py $C/minilm-shapes.json "$S/minilm/model.safetensors" 2>/dev/null
cat > "$S/pipeline.toml" <<TOML
name = "gpu-smoke"
root = "$S/runs"
device = "cuda:0"
[source.synth]
n = 300
noise = "label=0.05,offtopic=0.05"
[target]
tables = ["fixtures/open-tables.jsonl"]
[embed]
model = "$S/minilm"
[weights]
alpha = "auto"
beta = "auto"
[weights.manifold]
kind = "autoencoder"
[train]
systems = ["encoder"]
[train.encoder]
model = "$S/minilm"
[eval]
encoder = "none"
TOML
HYSIM_CACHE="$S/cache" $C/hysim-torch run --config "$S/pipeline.toml" 2>&1 | grep -v " INFO " | tail -30
HYSIM_CACHE="$S/cache" $C/hysim-torch run --config "$S/pipeline.toml" 2>&1 | grep -v " INFO " | tail -1
