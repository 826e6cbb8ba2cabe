#!/usr/bin/env bash
# The load figures of `nmt serve` (README): for C = 1, 4, 16, 64 concurrent clients, sentences/s and
# latency p50/p95/p99 with dynamic batching on and off, the server's resident memory after each
# series, and `nmt translate`'s throughput on the same sentences (the ceiling). Loopback only.
#
#   scripts/serve-load.sh MODEL_DIR SENTENCES [SECONDS_PER_RUN] [CLIENTS]
#   e.g. scripts/serve-load.sh models/multi30k-de-en ../shared/corpora/multi30k-en-de/test_2016_flickr.de 20
set -euo pipefail

model="$1"
sentences="$2"
seconds="${3:-20}"
clients="${4:-1,4,16,64}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nmt="$root/nmt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

rss_mb() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$1/status"; }

serve_and_load() {
  local label="$1"; shift
  "$nmt" serve -m "$model" --host 127.0.0.1 --port 0 "$@" 2> "$work/serve.log" &
  local pid=$!
  local port=""
  for _ in $(seq 600); do
    port="$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")"
    [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
    sleep 0.2
  done
  echo "== nmt serve, $label (port $port)"
  "$nmt" serve-bench --port "$port" -i "$sentences" --clients "$clients" --seconds "$seconds" ||
    echo "serve-bench: some requests were not answered (see above)"
  echo "server resident memory: $(rss_mb "$pid")"
  kill -TERM "$pid"
  wait "$pid" && echo "server exited 0 after SIGTERM"
}

serve_and_load "dynamic batching on"
serve_and_load "dynamic batching off" --no-batching

echo "== nmt translate on the same sentences (the ceiling)"
lines="$(grep -c . "$sentences")"
start=$(date +%s.%N)
"$nmt" translate -m "$model" -i "$sentences" -o "$work/hyp" 2> /dev/null
end=$(date +%s.%N)
awk -v n="$lines" -v s="$start" -v e="$end" 'BEGIN {printf "%d sentences in %.1f s (model loading included): %.1f sentences/s\n", n, e - s, n / (e - s)}'
