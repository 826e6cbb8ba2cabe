#!/usr/bin/env bash
# Fuzzes jnmt's input parsers with Jazzer, one @FuzzTest at a time, each for a bounded time.
#
#   scripts/fuzz.sh [-d DURATION] [TARGET...]
#
#   -d DURATION  how long each target fuzzes: 30s, 2m, 1h (default 2m)
#   TARGET       Class or Class#method under org.jnmt.fuzz (default: every @FuzzTest method)
#
# Without JAZZER_FUZZ, `mvn test` only replays the inputs kept under
# src/test/resources/org/jnmt/fuzz/<Class>Inputs/<method>/. Here each target fuzzes with coverage
# guidance: the corpus it grows lives in .cifuzz-corpus/ (ignored by git, reused by the next run);
# an input that breaks the rule (anything but NmtException escapes, or one input runs longer than
# the class's @Timeout) is written as crash-*/timeout-* into the Inputs folder above, so that it
# becomes a regression test, and the target stops. Logs: target/fuzz/<Class>.<method>.log.
# Exit status: 0 when no target found anything, 1 otherwise, 2 on a usage error.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=2m
while getopts "d:h" option; do
  case "$option" in
    d) duration="$OPTARG" ;;
    h) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))

fuzz_dir=src/test/java/org/jnmt/fuzz

# Every Class#method carrying @FuzzTest (the annotation is on the line before the method).
all_targets() {
  for file in "$fuzz_dir"/*FuzzTest.java; do
    class="$(basename "$file" .java)"
    grep -A1 '@FuzzTest' "$file" | grep -o 'void [A-Za-z0-9_]*' | sed "s/^void /$class#/"
  done
}

targets=()
for target in "${@:-$(all_targets)}"; do
  for expanded in $target; do
    if [[ "$expanded" == *"#"* ]]; then
      targets+=("$expanded")
    else
      mapfile -t -O "${#targets[@]}" targets < <(all_targets | grep "^$expanded#" || true)
    fi
  done
done
if [ "${#targets[@]}" -eq 0 ]; then
  echo "fuzz.sh: no @FuzzTest method matches '$*' in $fuzz_dir" >&2
  exit 2
fi

mkdir -p target/fuzz
mvn -q -B -o -f core.pom.xml test-compile

found=0
for target in "${targets[@]}"; do
  log="target/fuzz/${target/\#/.}.log"
  echo "fuzzing $target for $duration (log: $log)" >&2
  # timeout.mode=disabled: JUnit must not time the whole fuzzing run out; Jazzer turns the class's
  # @Timeout into libFuzzer's per-input -timeout instead. Jackson and SnakeYAML are instrumented
  # too so that coverage guides the fuzzer through the YAML and JSON parsers.
  if JAZZER_FUZZ=1 mvn -B -o -f core.pom.xml surefire:test \
      -Dtest="org.jnmt.fuzz.$target" \
      -Djazzer.max_duration="$duration" \
      -Djazzer.instrument='org.jnmt.**,com.fasterxml.jackson.**,org.yaml.snakeyaml.**' \
      -Djunit.jupiter.execution.timeout.mode=disabled \
      >"$log" 2>&1; then
    grep -h '^Done [0-9]* runs' "$log" | sed "s/^/  /" >&2 || true
  else
    found=1
    echo "  FINDING (or build failure) in $target:" >&2
    grep -h -m3 -E 'FuzzTestFinding|== Java Exception|ERROR: libFuzzer|Test unit written to|BUILD FAILURE' "$log" \
      | sed "s/^/  /" >&2 || true
  fi
done
exit "$found"
