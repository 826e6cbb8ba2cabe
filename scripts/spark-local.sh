#!/usr/bin/env bash
# Both Spark jobs end to end on local[2], as spark-submit runs them, on Multi30k:
# builds the core and jnmt-spark-all.jar (the one jar a cluster needs), trains the shipped recipe
# (config/multi30k-de-en.yaml) for MINUTES (default 3) unless WORKDIR/model exists, then translates
# test_2016_flickr.de (1,000 lines) greedily with `nmt translate` and with the Spark job on
# local[1] and local[2] (the model shipped as a zip with --files), checks that each Spark output is
# the CLI's, line for line, and prints the speeds and model-loading times. Then trains the recipe
# again with the Spark training job (2 workers averaging every 10 updates) for SPARK_MINUTES
# (default 3) into WORKDIR/spark-model, checks its run directory (best weights, metrics, a
# checkpoint with the workers' positions) and translates with it through nmt translate and the
# Spark job, which must agree. Exits non-zero on any failure; the last line says what was checked.
#
#   scripts/spark-local.sh [MINUTES] [WORKDIR] [SPARK_MINUTES]
#
# Needs ../shared/corpora/multi30k-en-de beside the repository. Spark's distribution is not needed:
# org.apache.spark.deploy.SparkSubmit (what spark-submit runs) is run from the Maven-resolved Spark
# jars, with the arguments a user gives spark-submit.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
minutes="${1:-3}"
spark_minutes="${3:-3}"
work="${2:-$(mktemp -d /tmp/jnmt-spark.XXXXXX)}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
corpus="$root/../shared/corpora/multi30k-en-de"
if [ ! -f "$corpus/test_2016_flickr.de" ]; then
  echo "spark-local: $corpus is missing: put the shared corpora beside the repository (../shared)" >&2
  exit 1
fi
export SPARK_LOCAL_IP=127.0.0.1 OMP_NUM_THREADS=1
command -v zip >/dev/null || { echo "spark-local: zip is needed (apt-get install -y zip)" >&2; exit 1; }
cd "$root"

echo "spark-local: building the core and jnmt-spark-all.jar in $work" >&2
scripts/spark-build.sh "$work/spark-classpath.txt"
app="$root/spark/target/jnmt-spark-all.jar"

if [ ! -f "$work/model/model.json" ]; then
  echo "spark-local: training config/multi30k-de-en.yaml for $minutes minutes" >&2
  ./nmt --quiet train --config config/multi30k-de-en.yaml --max-minutes "$minutes" --out "$work/model"
fi
(cd "$work" && rm -f model.zip && zip -q -r model.zip model -x 'model/checkpoints/*')
input="$corpus/test_2016_flickr.de"
lines=$(wc -l < "$input")

# Wall time, CPU time and peak memory of a command (the machine may be shared: CPU time says more).
timed() { /usr/bin/time -f "%e s wall, %U+%S s CPU, %M KB peak RSS" -o "$1" "${@:2}"; }
command -v /usr/bin/time >/dev/null || { echo "spark-local: /usr/bin/time is needed (apt-get install -y time)" >&2; exit 1; }

timed "$work/cli.time" ./nmt --quiet translate -m "$work/model" -i "$input" -o "$work/cli.en" --beam 1
report="nmt translate (2 BLAS threads), $lines lines: $(tail -1 "$work/cli.time")"

# The JVM options ./nmt gives decoding (see the launcher): in the Spark JVM too they cut the CPU
# time of this job from 39 to 24 s (local[1], the same 1,000 lines).
decoding_jvm="-XX:+UseSerialGC -Xmn48m -XX:SurvivorRatio=2 -XX:TieredStopAtLevel=1"
# = spark-submit --master local[N] --files MODEL.zip --class org.jnmt.spark.TranslateJob jnmt-spark-all.jar ARGS;
# translates the input into $work/NAME.en with a zipped model and checks it equals $work/EXPECTED.
spark_translate() {
  local zip="$1" slots="$2" name="$3" expected="$4" out="$work/$3"
  rm -rf "$out"
  (cd "$work" && mkdir -p "submit-$name" && cd "submit-$name" &&
    timed "$work/$name.time" java -Xmx2g $decoding_jvm -Dorg.bytedeco.javacpp.maxbytes=2G -Dorg.bytedeco.javacpp.maxphysicalbytes=6G \
      -cp "$(cat "$work/spark-classpath.txt")" org.apache.spark.deploy.SparkSubmit \
      --master "local[$slots]" --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
      --files "$work/$zip" --class org.jnmt.spark.TranslateJob "$app" \
      --model "$zip" --input "file://$input" --output "file://$out" --beam 1 --partitions 4 \
      2> "$work/$name.log")
  cat "$out"/part-* > "$work/$name.en"
  if ! cmp -s "$work/$expected" "$work/$name.en"; then
    echo "spark-local: FAILED: the $name output differs from nmt translate's ($work/$name.en)" >&2
    exit 1
  fi
}
for slots in 1 2; do
  spark_translate model.zip "$slots" "spark-local$slots" cli.en
  job=$(grep -o 'jnmt: [0-9]* lines translated.*' "$work/spark-local$slots.log")
  loads=$(grep -o 'loaded in [0-9]* ms' "$work/spark-local$slots.log" | grep -o '[0-9]*' | paste -sd, -)
  report="$report; local[$slots]: $(tail -1 "$work/spark-local$slots.time") with start-up; job: ${job#jnmt: }; model loads (ms, the first in a JVM starts ND4J): $loads"
done

# Data-parallel training: = spark-submit --master local[2] --class org.jnmt.spark.TrainJob
# jnmt-spark-all.jar (nmt train's options) --workers 2 --average-every 10. In local mode one JVM
# holds the driver's model, both workers' replicas and the rounds' states (weights and Adam
# moments, 138 MB each): 4 GB of heap.
echo "spark-local: training config/multi30k-de-en.yaml on Spark (2 workers) for $spark_minutes minutes" >&2
rm -rf "$work/spark-model"
timed "$work/spark-train.time" java -Xmx4g -Dorg.bytedeco.javacpp.maxbytes=4G -Dorg.bytedeco.javacpp.maxphysicalbytes=10G \
  -cp "$(cat "$work/spark-classpath.txt")" org.apache.spark.deploy.SparkSubmit \
  --master "local[2]" --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
  --class org.jnmt.spark.TrainJob "$app" \
  --config config/multi30k-de-en.yaml --out "$work/spark-model" --max-minutes "$spark_minutes" \
  --workers 2 --average-every 10 \
  > "$work/spark-train.out" 2> "$work/spark-train.log"
for file in best.ckpt metrics.jsonl config.yaml; do
  [ -f "$work/spark-model/$file" ] || { echo "spark-local: FAILED: the Spark run directory has no $file" >&2; exit 1; }
done
last_checkpoint=$(ls "$work"/spark-model/checkpoints/step-*.ckpt | tail -1)
if ! grep -aq '"data_parallel"' "$last_checkpoint"; then
  echo "spark-local: FAILED: $last_checkpoint holds no workers' positions" >&2
  exit 1
fi
./nmt --quiet translate -m "$work/spark-model" -i "$input" -o "$work/cli-spark-model.en" --beam 1
(cd "$work" && rm -f spark-model.zip && zip -q -r spark-model.zip spark-model -x 'spark-model/checkpoints/*')
spark_translate spark-model.zip 2 spark-model-local2 cli-spark-model.en
report="$report; Spark training (local[2], 2 workers, K = 10): $(cat "$work/spark-train.out"); $(grep -o '[0-9]* averaging rounds.*' "$work/spark-train.log"); $(tail -1 "$work/spark-train.time")"
echo "$report" | tr ';' '\n'
echo "load average while it ran: $(cut -d' ' -f1-3 /proc/loadavg) (on $(getconf _NPROCESSORS_ONLN) cores)"
echo "spark-local: OK: $lines lines translated by nmt translate and by spark-submit on local[1] and local[2] (model zip via --files), outputs identical line for line; the recipe trained for $spark_minutes minutes by spark-submit TrainJob on local[2] (2 workers), its run directory (best.ckpt, metrics.jsonl, a checkpoint with the workers' positions) translated by nmt translate and by the Spark job identically"
