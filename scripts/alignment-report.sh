#!/usr/bin/env bash
# Issue 15's table: Hansards en-fr AER and translation quality of the attention of models trained
# with the same recipe and budget, each row one choice of decoder and guided alignment.
#
#   scripts/alignment-report.sh [STEPS] [WORKDIR]      (default 4000 steps, /tmp/jnmt-alignment)
#   ROWS="gru cgru" scripts/alignment-report.sh 30      # a subset (a smoke run)
#
# Rows (ROWS picks some): gru and cgru (model.decoder); gru-guided and cgru-guided add guided
# alignment (data.alignment: ibm2, training.guided_alignment 0.1, or W for a name ending in @W, as
# cgru-guided@1). A name with -hansards (cgru-guided-hansards) trains on the French written as the
# gold set writes it (scripts/hansards-style-french.sh: contractions and elisions open), lowercased;
# its BLEU is then on that text and not comparable with the other rows'.
#
# Every row trains config/tatoeba-en-fr.yaml for STEPS updates (validation every 1000 and at the end,
# checkpoints every 1000) into WORKDIR/ROW, then prints its AER on ../shared/corpora/alignments-en-fr
# (nmt align --gold, the gold set's text as it is) and its BLEU on the recipe's Tatoeba test split
# (beam 5). With SYMMETRIC=1 each row (with SYMMETRIC="cgru-guided@1", only the rows named) also
# trains the fr->en model (config/tatoeba-fr-en.yaml), at the same time as the en->fr one, and adds
# the AER of both directions with grow-diag-final-and, intersect, and intersect of their mean
# attention (--average). A second table gives each row's AER by source length (nmt align --by-length) beside
# the diagonal baseline's. Trained rows stay in WORKDIR and are only scored again when the script
# is rerun, so rows can be added one run at a time; rerun with more STEPS, a row trains on from its
# last checkpoint to them (copy WORKDIR first to keep the shorter runs).
# With GOLD_TEXT=N every row also trains on the gold set's 447 sentence pairs (their text, not their
# links), N times over (data.extra_train, after the Tatoeba split: never in dev or test): the data the
# IBM2 rows are trained on (scripts/ibm2-aer.sh), which is how word aligners are evaluated. Give such
# runs their own WORKDIR. With CONCAT=K every row also trains on examples that join K training pairs
# drawn at random (data.concat, CONCAT_FRACTION times as many as there are pairs, default 0.2): the
# long sentences that Tatoeba lacks. Give such runs their own WORKDIR too.
# A row takes 20-45 minutes on 2 cores: give the machine to this script alone.
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-4000}
work=${2:-/tmp/jnmt-alignment}
rows=${ROWS:-gru cgru gru-guided cgru-guided}
gold=../shared/corpora/alignments-en-fr
if [ ! -f "$gold/enfr.gold" ] || [ ! -f ../shared/corpora/tatoeba-eng-fra/eng-fra.en ]; then
  echo "alignment-report: ../shared/corpora (alignments-en-fr, tatoeba-eng-fra) is missing beside the repository" >&2
  exit 1
fi
mkdir -p "$work"

train() {  # recipe, run dir, data dir, extra --set arguments...: trains, or resumes a run that did not finish
  local recipe=$1 run=$2 data=$3; shift 3
  set -- "$@" --set data.dir="$data"
  # Done when its last stop was for good. It resumes when it never stopped, when its last stop was
  # an interruption (SIGTERM, Ctrl-C), or when it stopped at its step limit below STEPS (longer training).
  local stopped
  stopped=$(grep "Training stopped" "$run/train.log" 2>/dev/null | tail -1 || true)  # none yet: set -e must not end the script
  if [ -n "$stopped" ] && [[ $stopped != *"(interrupted)"* ]]; then
    [[ $stopped == *"(step limit) at step "* ]] || return 0
    local at=${stopped#*"(step limit) at step "}
    [ "${at%% *}" -lt "$steps" ] || return 0
  fi
  # Every row of one data directory trains on the files prepared for the first.
  [ -f "$data/train.align" ] || ./nmt prepare --config "$recipe" "$@" >> "$run.log" 2>&1 \
    || { echo "alignment-report: preparing the data of $run failed, see $run.log" >&2; exit 1; }
  local resume=()
  compgen -G "$run/checkpoints/*.ckpt" > /dev/null && resume=(--resume)
  # The budget is in updates only (max_minutes 0): a row slowed by other work still gets all of them.
  # The Tatoeba recipe outgrows train's default physical limit (896m): at the defaults a run died
  # at step ~1,450 with the launcher's out-of-memory message.
  NMT_PHYSICAL=${NMT_PHYSICAL:-1792m} ./nmt train --quiet "${resume[@]}" --config "$recipe" -o "$run" \
    --set training.max_steps="$steps" --set training.max_minutes=0 \
    --set training.validate_every=1000 --set training.checkpoint_every=1000 "$@" >> "$run.log" 2>&1 \
    || { echo "alignment-report: training $run failed, see $run.log" >&2; exit 1; }
}

by_length="$work/aer-by-length.md"
: > "$by_length"
aer() {  # label, then nmt align arguments: prints the table row's scores, keeps the lengths' row
  local label=$1; shift
  local out; out=$(./nmt align --quiet --by-length --src "$gold/test.en" --tgt "$gold/test.fr" --gold "$gold/enfr.gold" "$@")
  read -r _ a _ p _ r _ <<< "$(head -1 <<< "$out")"
  printf '| %s | %s\n' "$label" "$(tail -n +2 <<< "$out" | awk '{printf "%s | ", $5}')" >> "$by_length"
  printf '%s | %s | %s' "$a" "$p" "$r"
}

printf '| row | AER en→fr | precision | recall | Tatoeba test BLEU |\n|---|---|---|---|---|\n'
printf '| diagonal | %s | |\n' "$(aer diagonal --method diagonal)"
for row in $rows; do
  # Every row prepares with the built-in aligner, so that all rows train on the same files; only the
  # guided rows use train.align.
  decoder=${row%%-*}
  weight=0.1
  [[ $row == *@* ]] && weight=${row#*@}
  sets=(--set model.decoder="$decoder" --set data.alignment=ibm2)
  reverse_sets=("${sets[@]}")
  data=data
  if [ "${GOLD_TEXT:-0}" -gt 0 ]; then
    sets+=(--set "data.extra_train=[{src: $gold/test.en, tgt: $gold/test.fr, repeat: $GOLD_TEXT}]")
    reverse_sets+=(--set "data.extra_train=[{src: $gold/test.fr, tgt: $gold/test.en, repeat: $GOLD_TEXT}]")
    data=data-gold$GOLD_TEXT
  fi
  if [ "${CONCAT:-0}" -gt 0 ]; then
    concat="data.concat={pairs: $CONCAT, fraction: ${CONCAT_FRACTION:-0.2}}"
    sets+=(--set "$concat")
    reverse_sets+=(--set "$concat")
    data=$data-concat$CONCAT
  fi
  if [[ $row == *-guided* ]]; then
    sets+=(--set training.guided_alignment="$weight")
    reverse_sets+=(--set training.guided_alignment="$weight")
  fi
  if [[ $row == *-hansards* ]]; then  # the French written as the gold set writes it, all lowercased
    french="$work/eng-fra.hansards.fr"
    [ -s "$french" ] || scripts/hansards-style-french.sh ../shared/corpora/tatoeba-eng-fra/eng-fra.fr "$french"
    sets+=(--set data.train.tgt="$french" --set data.lowercase=true)
    reverse_sets+=(--set data.train.src="$french" --set data.lowercase=true)
    data=$data-hansards
  fi
  run="$work/$row"
  symmetric=false
  { [ "${SYMMETRIC:-0}" = 1 ] || [[ " ${SYMMETRIC:-} " == *" $row "* ]]; } && symmetric=true
  twin=""
  if $symmetric; then
    # The fr->en twin trains alongside: two trainings on 2 cores take about 1.7 times one's time,
    # not twice (1.1 s an update each, against 0.67 alone, on this project's 2-core machine).
    train config/tatoeba-fr-en.yaml "$run-fr-en" "$work/$data-fr-en" "${reverse_sets[@]}" &
    twin=$!
    # The script failed: the twin's java (a child of its subshell) saves a checkpoint and stops too.
    trap 'pkill -TERM -P $twin 2>/dev/null || true' EXIT
  fi
  train config/tatoeba-en-fr.yaml "$run" "$work/$data-en-fr" "${sets[@]}"
  if [ -n "$twin" ]; then
    wait "$twin" || exit 1   # train has said what failed
    trap - EXIT
  fi
  scores=$(aer "$row" -m "$run")
  ./nmt translate --quiet -m "$run" -i "$work/$data-en-fr/test.src.txt" -o "$run.test.hyp" --beam 5
  bleu=$(./nmt bleu --quiet -b "$work/$data-en-fr/test.ref.txt" -i "$run.test.hyp")
  printf '| %s | %s | %s |\n' "$row" "$scores" "$bleu"
  if $symmetric; then
    for heuristic in grow-diag-final-and intersect "intersect --average"; do
      # shellcheck disable=SC2086 # "intersect --average" is two arguments
      scores=$(aer "$row, both directions, $heuristic" -m "$run" --reverse-model "$run-fr-en" --symmetrize $heuristic)
      printf '| %s, both directions, %s | %s | |\n' "$row" "$heuristic" "$scores"
    done
  fi
done
printf '\n| row | AER, sources of 1-10 words | 11-20 | 21-30 |\n|---|---|---|---|\n'
cat "$by_length"
echo "alignment-report: $rows at $steps steps each, scored on $gold (447 pairs); runs in $work"
