#!/usr/bin/env bash
# Runs jnmt's benchmark and the PyTorch reference of the same model alternately on this machine
# (A B A B ..., ROUNDS rounds each) and prints each figure of both with its ratio and spread.
#
#   scripts/bench-vs-torch.sh [ROUNDS] [-- SIZE FLAGS...]
#
# Size flags (--vocab --emb --enc-hidden --dec-hidden --attn --batch --src-len --tgt-len --warmup
# --steps --threads) go to both programs. The reference is ../shared/bench/torch_reference.py
# (override with TORCH_REFERENCE=path); it needs Debian's PyTorch and OpenBLAS:
#   apt-get install -y python3-torch libopenblas0-pthread
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rounds="${1:-3}"
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
reference="${TORCH_REFERENCE:-$root/../shared/bench/torch_reference.py}"
python=/usr/bin/python3

if [ ! -f "$reference" ]; then
  echo "bench-vs-torch: the PyTorch reference $reference is missing (it lives in ../shared/bench beside the repository; set TORCH_REFERENCE)" >&2
  exit 1
fi
if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "bench-vs-torch: PyTorch is not installed for $python; install it with:" >&2
  echo "  apt-get install -y python3-torch libopenblas0-pthread" >&2
  exit 1
fi
if ! ldconfig -p | grep libopenblas >/dev/null; then   # not grep -q: with pipefail, its early exit fails ldconfig
  echo "bench-vs-torch: warning: no OpenBLAS found; Debian's PyTorch then uses the slow reference BLAS (apt-get install -y libopenblas0-pthread)" >&2
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$root/nmt" --help >/dev/null   # build first, so that no round pays for it

for ((r = 1; r <= rounds; r++)); do
  echo "round $r/$rounds: jnmt" >&2
  # The launcher's own memory limits for `bench`, as a user runs it (raise them with NMT_HEAP,
  # NMT_OFFHEAP, NMT_PHYSICAL for larger sizes).
  "$root/nmt" --quiet bench --json "$@" | tail -n 1 > "$out/jnmt.$r.json"
  echo "round $r/$rounds: torch" >&2
  "$python" "$reference" --json "$@" | tail -n 1 > "$out/torch.$r.json"
done

"$python" - "$out" "$rounds" <<'PY'
import json, statistics, sys, platform, os
out, rounds = sys.argv[1], int(sys.argv[2])
load = lambda name: [json.load(open(f"{out}/{name}.{r}.json")) for r in range(1, rounds + 1)]
ours, torch = load("jnmt"), load("torch")
# (key, higher is better)
figures = [("train_ms_per_step_median", False), ("train_ms_per_step_min", False),
           ("train_target_tokens_per_s", True), ("greedy_ms_per_batch_median", False),
           ("greedy_sentences_per_s", True), ("peak_rss_mb", False)]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
print(f"machine: {cpu}, {os.cpu_count()} cores; {rounds} interleaved rounds; {ours[0].get('engine')} vs {torch[0].get('engine')}")
print(f"{'figure':28} {'jnmt (median)':>14} {'torch (median)':>15} {'ratio':>7}  {'ratio range':>15}   better")
for key, higher in figures:
    a = [o[key] for o in ours]
    b = [t[key] for t in torch]
    ratios = sorted(x / y for x, y in zip(a, b))
    print(f"{key:28} {statistics.median(a):14.1f} {statistics.median(b):15.1f} {statistics.median(ratios):7.2f}x"
          f"  {ratios[0]:6.2f}-{ratios[-1]:.2f}x   {'higher' if higher else 'lower'}")
beam = [o.get("beam5_sentences_per_s") for o in ours]
greedy = [o["greedy_sentences_per_s"] for o in ours]
if all(beam):
    print(f"{'beam5_sentences_per_s':28} {statistics.median(beam):14.1f} {'-':>15} "
          f"{statistics.median([x / g for x, g in zip(beam, greedy)]):7.2f}x of our greedy")
PY
