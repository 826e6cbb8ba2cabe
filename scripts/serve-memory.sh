#!/usr/bin/env bash
# The resident memory of `nmt serve` after loading and after 1,000, 10,000 and 100,000 requests
# (16 clients, single sentences, dynamic batching on; every answer checked). Loopback only.
#
#   scripts/serve-memory.sh MODEL_DIR SENTENCES
set -euo pipefail

model="$1"
sentences="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nmt="$root/nmt"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

"$nmt" serve -m "$model" --host 127.0.0.1 --port 0 2> "$log" &
pid=$!
port=""
for _ in $(seq 600); do
  port="$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log")"
  [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
  sleep 0.2
done
rss() { awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status"; }

echo "after loading: $(rss)"
done_so_far=0
for total in 1000 10000 100000; do
  "$nmt" serve-bench --port "$port" -i "$sentences" --clients 16 --seconds 7200 \
    --max-requests $((total - done_so_far)) > /dev/null
  done_so_far=$total
  echo "after $total requests: $(rss)"
done
kill -TERM "$pid"
wait "$pid" && echo "server exited 0 after SIGTERM"
