#!/usr/bin/env bash
# The small-corpus check of the defaults: train on the first N Multi30k pairs (default 100) with
# nothing but the launcher's defaults (dev = the training pairs themselves, --epochs large,
# --max-minutes M, default 5), translate the same sources with `nmt translate`'s defaults, and
# count the lines that reproduce their reference exactly (whitespace aside). Prints the
# validations from metrics.jsonl and whether the last step was validated.
#
#   scripts/small-corpus.sh [N] [MINUTES] [WORKDIR]
#
# Needs ../shared/corpora/multi30k-en-de beside the repository (set MULTI30K to another copy).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
pairs="${1:-100}"
minutes="${2:-5}"
work="${3:-$(mktemp -d /tmp/jnmt-small.XXXXXX)}"
corpus="${MULTI30K:-$root/../shared/corpora/multi30k-en-de}"
if [ ! -f "$corpus/train.de" ]; then
  echo "small-corpus: $corpus/train.de is missing: put the shared corpora beside the repository (../shared) or set MULTI30K" >&2
  exit 1
fi

mkdir -p "$work"
head -n "$pairs" "$corpus/train.de" > "$work/src.de"
head -n "$pairs" "$corpus/train.en" > "$work/ref.en"
rm -rf "$work/model"

start=$(date +%s)
"$root/nmt" --quiet train --train-src "$work/src.de" --train-tgt "$work/ref.en" \
  --dev-src "$work/src.de" --dev-tgt "$work/ref.en" --epochs 100000 --max-minutes "$minutes" --out "$work/model"
trained=$(date +%s)
"$root/nmt" --quiet translate -m "$work/model" < "$work/src.de" > "$work/hyp.en"
done_at=$(date +%s)

python3 - "$work" "$pairs" "$((trained - start))" "$((done_at - trained))" <<'PY'
import json, sys
work, pairs, train_s, translate_s = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
norm = lambda line: " ".join(line.split())
hyp = [norm(l) for l in open(f"{work}/hyp.en", encoding="utf-8")]
ref = [norm(l) for l in open(f"{work}/ref.en", encoding="utf-8")]
assert len(hyp) == len(ref), f"{len(hyp)} translations for {len(ref)} lines"
exact = sum(h == r for h, r in zip(hyp, ref))
records = [json.loads(l) for l in open(f"{work}/model/metrics.jsonl", encoding="utf-8")]
validations = [r for r in records if "dev_bleu" in r]
last_step = max(r["step"] for r in records)
print(f"trained {train_s} s, translated {translate_s} s; last step {last_step}")
for v in validations:
    print(f"  validation at step {v['step']}: dev BLEU {v['dev_bleu']:.2f}")
print(f"validated at the last step: {'yes' if validations and validations[-1]['step'] == last_step else 'NO'}")
print(f"exact reproductions: {exact} of {pairs}")
PY
