#!/usr/bin/env bash
# GPU checks of the embedding and training paths, run by the `device` tool from the
# repository root with target/gpu-carry/ (stripped release binaries: hysim-torch, which runs
# every command, and bench_step; the MiniLM configs and
# tokenizer, its tensor shapes) carried along: the model files exceed the tool's 64 MiB, so
# the weights are random with the real shapes (the work per text or step is the same).
# Prints one result line per measurement.
set -u
C=target/gpu-carry
S=${OUT:-/tmp}/scratch
mkdir -p "$S"
export LD_LIBRARY_PATH="$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__))')/lib"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
python3 -c 'import torch, transformers, peft, sentence_transformers as st; print("torch", torch.__version__, "transformers", transformers.__version__, "peft", peft.__version__, "sentence-transformers", st.__version__)' 2>&1 | tail -1
cp -r $C/minilm "$S/minilm"
python3 scripts/gpu/random_safetensors.py $C/minilm-shapes.json "$S/minilm/model.safetensors"
$C/hysim-torch synth --n 600 --out "$S/synth" | tail -1
E="$C/hysim-torch embed --texts $S/synth/tables.jsonl --unit row --model $S/minilm --no-cache"
echo "== hysim embed rows cpu f32 (16 cores)"
$E --device cpu --dtype f32 --out "$S/cpu.safetensors" --dump-texts "$S/texts.jsonl" 2>&1 | tail -1
for dt in f32 bf16; do
  for b in 64 512; do
    echo "== hysim embed rows cuda $dt batch $b, dedup off then on"
    $E --device cuda --dtype $dt --batch-size $b --no-dedup --out "$S/cuda-$dt-$b.safetensors" 2>&1 | tail -1
    $E --device cuda --dtype $dt --batch-size $b --out "$S/cuda-$dt-$b-dedup.safetensors" 2>&1 | tail -1
    echo "== sentence-transformers cuda $dt batch $b"
    python3 scripts/bench_embed.py --texts "$S/texts.jsonl" --model "$S/minilm" --batch-size $b --threads 16 \
      --device cuda --dtype $dt --compare "$S/cuda-$dt-$b.safetensors" 2>&1 | tail -1
  done
done
python3 scripts/gpu/compare.py "$S/cpu.safetensors" "$S/cuda-f32-64.safetensors" "$S/cuda-bf16-64.safetensors"
T=scripts/gpu/smollm2-135m.config.json
for args in "--dtype f32" "--dtype bf16" "--autocast"; do
  echo "== LoRA step cuda batch 8 seq 512 $args: bench_step, then PyTorch + peft"
  $C/bench_step $T --device cuda --batch 8 --seq 512 --steps 10 $args 2>&1 | tail -1
  python3 scripts/bench_train.py --config $T --device cuda --batch 8 --seq 512 --steps 10 --threads 16 $args 2>&1 | tail -1
done
echo "== LoRA step cuda batch 2 seq 256 f32 (the CPU benchmark's shape): bench_step, then PyTorch + peft"
$C/bench_step $T --device cuda --batch 2 --seq 256 --steps 10 2>&1 | tail -1
python3 scripts/bench_train.py --config $T --device cuda --batch 2 --seq 256 --steps 10 --threads 16 2>&1 | tail -1
