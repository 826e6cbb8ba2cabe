#!/usr/bin/env bash
# Issue 13's measurements on this machine, on Multi30k with the shipped recipe
# (config/multi30k-de-en.yaml), every training run given the same MINUTES (default 20):
#
#   single   nmt train (2 BLAS threads), validating every 400 updates (25,600 pairs)
#   k50      TrainJob on local[2], 2 workers (one BLAS thread each), averaging every 50 updates
#   k200     the same, averaging every 200 updates
#   accum2   nmt train --accum-steps 2 (the 2 workers' effective batch of 128 pairs in one process)
#
# The data-parallel and accumulated runs validate every 200 updates, i.e. also every 25,600 pairs.
# It then translates 10,000 lines (the first 10,000 of train.de) greedily with the single run's model
# by nmt translate and by TranslateJob on local[2], and checks that the outputs are identical.
# It prints dev BLEU against wall time and pairs seen for every run (WORKDIR/curves.md), the
# averaging rounds' costs and the translation speeds (WORKDIR/summary.txt). A run whose directory
# already holds best.ckpt is kept, so the script can be rerun after an interruption; RUNS picks
# the runs (default "single k50 k200 accum2").
#
#   scripts/spark-compare.sh [MINUTES] [WORKDIR]
#
# Needs ../shared/corpora/multi30k-en-de beside the repository. Run it on an otherwise idle machine:
# the comparison is of wall time.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
minutes="${1:-20}"
work="${2:-$(mktemp -d /tmp/jnmt-spark-compare.XXXXXX)}"
runs="${RUNS:-single k50 k200 accum2}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
corpus="$root/../shared/corpora/multi30k-en-de"
if [ ! -f "$corpus/train.de" ]; then
  echo "spark-compare: $corpus is missing: put the shared corpora beside the repository (../shared)" >&2
  exit 1
fi
command -v zip >/dev/null || { echo "spark-compare: zip is needed (apt-get install -y zip)" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "spark-compare: /usr/bin/time is needed (apt-get install -y time)" >&2; exit 1; }
export SPARK_LOCAL_IP=127.0.0.1
cd "$root"

echo "spark-compare: building the core and jnmt-spark-all.jar" >&2
scripts/spark-build.sh "$work/spark-classpath.txt"
app="$root/spark/target/jnmt-spark-all.jar"
recipe=config/multi30k-de-en.yaml
./nmt --quiet prepare --config "$recipe"

timed() { /usr/bin/time -f "%e s wall, %U+%S s CPU, %M KB peak RSS" -o "$1" "${@:2}"; }
# Every minute, the load average, to show whether anything else shared the machine.
load_log() { while sleep 60; do echo "$(date +%T) $(cut -d' ' -f1-3 /proc/loadavg)"; done >> "$work/$1.load"; }

# = spark-submit --master local[2] --class CLASS jnmt-spark-all.jar ARGS (one JVM: driver and both
# workers, hence the 4 GB heap: the model, two replicas and each round's states).
spark_submit() {
  local time_file="$1" class="$2"
  shift 2
  OMP_NUM_THREADS=1 timed "$time_file" java -Xmx4g -Dorg.bytedeco.javacpp.maxbytes=4G -Dorg.bytedeco.javacpp.maxphysicalbytes=10G \
    -cp "$(cat "$work/spark-classpath.txt")" org.apache.spark.deploy.SparkSubmit \
    --master "local[2]" --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
    --class "$class" "$app" "$@"
}

train() {
  local name="$1" out="$work/$1"
  if [ -f "$out/best.ckpt" ]; then
    echo "spark-compare: $name: kept ($out/best.ckpt exists)" >&2
    return
  fi
  rm -rf "$out"
  echo "spark-compare: $name: training for $minutes minutes ($(date +%T))" >&2
  load_log "$name" &
  logger_pid=$!
  trap 'kill "$logger_pid" 2>/dev/null || true' EXIT
  case "$name" in
    single) timed "$work/$name.time" ./nmt --quiet train --config "$recipe" --out "$out" --max-minutes "$minutes" \
              --set training.validate_every=400 --set training.checkpoint_every=400 > "$work/$name.out" 2> "$work/$name.log" ;;
    accum2) timed "$work/$name.time" ./nmt --quiet train --config "$recipe" --out "$out" --max-minutes "$minutes" \
              --accum-steps 2 --set training.validate_every=200 --set training.checkpoint_every=200 \
              > "$work/$name.out" 2> "$work/$name.log" ;;
    k*) spark_submit "$work/$name.time" org.jnmt.spark.TrainJob --config "$recipe" --out "$out" \
          --max-minutes "$minutes" --workers 2 --average-every "${name#k}" \
          --set training.validate_every=200 --set training.checkpoint_every=200 \
          > "$work/$name.out" 2> "$work/$name.log" ;;
  esac
  kill "$logger_pid"
}
for run in $runs; do train "$run"; done

# Dev BLEU against wall time (the validation's elapsed_s) and pairs seen (updates x 64 x workers
# or accumulated batches).
{
  echo "| run | update | pairs seen | minutes | dev BLEU |"
  echo "|---|---|---|---|---|"
  for run in $runs; do
    case "$run" in single) per=64 ;; *) per=128 ;; esac
    grep '"type":"valid"' "$work/$run/metrics.jsonl" | while read -r line; do
      step=$(grep -o '"step":[0-9]*' <<< "$line" | cut -d: -f2)
      elapsed=$(grep -o '"elapsed_s":[0-9.]*' <<< "$line" | cut -d: -f2)
      bleu=$(grep -o '"dev_bleu":[0-9.]*' <<< "$line" | cut -d: -f2)
      printf '| %s | %s | %s | %.1f | %.2f |\n' "$run" "$step" "$((step * per))" "$(bc -l <<< "$elapsed / 60")" "$bleu"
    done
  done
} > "$work/curves.md"

# 10,000 lines, greedy: nmt translate (2 BLAS threads) against TranslateJob on local[2] (one BLAS
# thread a task), the single run's model shipped as a zip with --files, as on a cluster.
input="$work/train10k.de"
head -n 10000 "$corpus/train.de" > "$input"
(cd "$work" && rm -f model.zip && zip -q -r model.zip single -x 'single/checkpoints/*')
timed "$work/translate-cli.time" ./nmt --quiet translate -m "$work/single" -i "$input" -o "$work/cli.en" --beam 1
rm -rf "$work/spark-out"
decoding_jvm="-XX:+UseSerialGC -Xmn48m -XX:SurvivorRatio=2 -XX:TieredStopAtLevel=1"
(cd "$work" && OMP_NUM_THREADS=1 timed "$work/translate-spark.time" java -Xmx2g $decoding_jvm \
  -Dorg.bytedeco.javacpp.maxbytes=2G -Dorg.bytedeco.javacpp.maxphysicalbytes=6G \
  -cp "$(cat "$work/spark-classpath.txt")" org.apache.spark.deploy.SparkSubmit \
  --master "local[2]" --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
  --files "$work/model.zip" --class org.jnmt.spark.TranslateJob "$app" \
  --model model.zip --input "file://$input" --output "file://$work/spark-out" --beam 1 --partitions 8 \
  2> "$work/translate-spark.log")
cat "$work"/spark-out/part-* > "$work/spark.en"
if ! cmp -s "$work/cli.en" "$work/spark.en"; then
  echo "spark-compare: FAILED: the Spark translation differs from nmt translate's ($work/spark.en)" >&2
  exit 1
fi

{
  for run in $runs; do
    echo "$run: $(tail -1 "$work/$run.time"); $(cat "$work/$run.out" | tr '\n' ' ')"
    grep -o '[0-9]* averaging rounds.*' "$work/$run.log" || true
    echo "  load average each minute: $(cut -d' ' -f2 "$work/$run.load" | paste -sd' ')"
  done
  echo "nmt translate, 10,000 lines, greedy: $(tail -1 "$work/translate-cli.time")"
  echo "TranslateJob local[2], 8 partitions: $(tail -1 "$work/translate-spark.time") with start-up;" \
    "$(grep -o 'jnmt: [0-9]* lines translated.*' "$work/translate-spark.log");" \
    "model loads (ms): $(grep -o 'loaded in [0-9]* ms' "$work/translate-spark.log" | grep -o '[0-9]*' | paste -sd, -)"
} > "$work/summary.txt"
cat "$work/curves.md" "$work/summary.txt"
echo "spark-compare: OK: runs $runs trained for $minutes minutes each; 10,000 lines translated identically by nmt translate and TranslateJob on local[2]"
