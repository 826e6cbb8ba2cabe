#!/usr/bin/env bash
# Measures the peak resident memory of `nmt translate` on inputs of growing size, to show that
# translation streams: the peak for the largest input should be within 10% of the smallest's.
#
#   scripts/memory-check.sh MODEL_DIR CORPUS_FILE [LINES...] [-- TRANSLATE FLAGS...]
#
# Each input is CORPUS_FILE repeated (and cut) to the given number of lines (default 1000 100000).
# Peak memory is GNU time's "Maximum resident set size" (/usr/bin/time -v: apt-get install -y time).
# Example, after `./nmt quickstart`:
#   scripts/memory-check.sh models/quickstart/model models/quickstart/corpus/train.words 1000 100000 -- --beam 1
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
if [ $# -lt 2 ]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
model="$1" corpus="$2"
shift 2
sizes=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do sizes+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 100000)
[ -x /usr/bin/time ] || { echo "memory-check: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 1; }
[ -s "$corpus" ] || { echo "memory-check: $corpus: missing or empty" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/nmt" --help >/dev/null   # build first, so that no measurement pays for it

printf '%10s %12s %10s\n' lines peak_rss_mb seconds
for n in "${sizes[@]}"; do
  corpus_lines=$(wc -l < "$corpus")
  : > "$work/in.txt"
  for ((i = 0; i < (n + corpus_lines - 1) / corpus_lines; i++)); do cat "$corpus" >> "$work/in.txt"; done
  head -n "$n" "$work/in.txt" > "$work/input.txt"
  mv "$work/input.txt" "$work/in.txt"
  /usr/bin/time -v -o "$work/time.txt" "$root/nmt" --quiet translate -m "$model" \
    -i "$work/in.txt" -o "$work/out.txt" "$@"
  lines_out=$(wc -l < "$work/out.txt")
  [ "$lines_out" -eq "$n" ] || { echo "memory-check: $n lines in, $lines_out out" >&2; exit 1; }
  kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
  printf '%10d %12.1f %10s\n' "$n" "$(awk -v kb="$kb" 'BEGIN { print kb / 1024 }')" "$wall"
done
