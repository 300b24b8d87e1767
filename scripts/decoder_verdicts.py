#!/usr/bin/env python3
"""What the grounded decoder did with the reader's readings, per pipeline run.

Usage: python3 scripts/decoder_verdicts.py RUN_DIR...   (e.g. target/pipeline/default)

For each run folder, every record of `extract/decoder.jsonl` is compared with the reader's
record of the same cell and subject (`parse/records.jsonl`): `same` (the reader's code and
statistic confirmed), `changed` (another code or statistic) or `added` (a cell the reader
left unread). Where the run's gold points at cells (a synthetic target,
`source/target/gold.jsonl`), each is also judged against the gold's code and statistic of
that cell, and for a changed reading whether the reader's own was right. Real gold names
no cell, so only the counts are printed for it.
"""

import collections
import json
import sys
from pathlib import Path


def key(record):
    p = record["provenance"]
    return record["table_id"], p.get("row"), p.get("col"), (record.get("context") or {}).get("subject")


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(runs):
    if not runs:
        sys.exit(__doc__)
    for run in map(Path, runs):
        decoder = run / "extract" / "decoder.jsonl"
        reader = run / "parse" / "records.jsonl"
        if not decoder.exists() or not reader.exists():
            sys.exit(f"{run}: no {decoder.name} or {reader.name} (did the run extract with the decoder?)")
        readings = {key(r): (r["parameter"], r["statistic"]) for r in read(reader)}
        gold_file = run / "source" / "target" / "gold.jsonl"
        gold = collections.defaultdict(set)
        if gold_file.exists():
            for r in read(gold_file):
                gold[key(r)[:3]].add((r["parameter"], r["statistic"]))
        counts = collections.Counter()
        for r in read(decoder):
            k = key(r)
            mine = (r["parameter"], r["statistic"])
            theirs = readings.get(k)
            kind = "added" if theirs is None else "same" if theirs == mine else "changed"
            counts[kind] += 1
            if gold:
                right = mine in gold.get(k[:3], set())
                counts[f"{kind} right" if right else f"{kind} wrong"] += 1
                if kind == "changed" and theirs in gold.get(k[:3], set()):
                    counts["changed, the reader right"] += 1
        print(f"{run}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main(sys.argv[1:])
