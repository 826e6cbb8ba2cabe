#!/usr/bin/env bash
# Issue 15's translation-quality check: Multi30k de->en test2016 BLEU (beam 5) of the recipe
# (config/multi30k-de-en.yaml, its 45 minutes) with each decoder, with and without guided alignment.
#
#   scripts/multi30k-decoders.sh [WORKDIR]                 (default /tmp/jnmt-decoders)
#   ROWS="cgru cgru-guided@1" scripts/multi30k-decoders.sh /tmp/d
#
# Rows (ROWS picks some; default "gru cgru gru-guided@1 cgru-guided@1"): the name before the first
# '-' is model.decoder; -guided adds training.guided_alignment W (the number after @, 1 without).
# All rows train on one data directory, prepared once with data.alignment: ibm2, so that they see
# the same files. Each row then prints its test2016 BLEU with beam 5 and its best dev BLEU, and, as
# the Europarl de-en gold set is beside the repository, the AER of its attention there (100 pairs,
# a domain the captions never show: a check, not a goal).
# A trained row is only scored again when the script is rerun. A row takes 45-50 minutes on 2
# cores: give the machine to this script alone.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/jnmt-decoders}
rows=${ROWS:-gru cgru gru-guided@1 cgru-guided@1}
corpus=../shared/corpora/multi30k-en-de
gold=../shared/corpora/alignments-de-en
if [ ! -f "$corpus/train.de" ] || [ ! -f "$gold/de-en.wa" ]; then
  echo "multi30k-decoders: ../shared/corpora (multi30k-en-de, alignments-de-en) is missing beside the repository" >&2
  exit 1
fi
mkdir -p "$work"
recipe=config/multi30k-de-en.yaml
data=(--set data.dir="$work/data" --set data.alignment=ibm2)
# Prepared once, before the first row, so that every row trains on the same files.
[ -f "$work/data/train.align" ] || ./nmt prepare --config "$recipe" "${data[@]}" > "$work/prepare.log" 2>&1 \
  || { echo "multi30k-decoders: nmt prepare failed, see $work/prepare.log" >&2; exit 1; }

printf '| row | test2016 BLEU beam 5 | best dev BLEU (greedy) | updates | Europarl de-en AER |\n|---|---|---|---|---|\n'
for row in $rows; do
  sets=(--set model.decoder="${row%%-*}")
  if [[ $row == *-guided* ]]; then
    weight=1
    [[ $row == *@* ]] && weight=${row#*@}
    sets+=(--set training.guided_alignment="$weight")
  fi
  run="$work/$row"
  # trains unless a run stopped for good (an interrupted one, by SIGTERM or Ctrl-C, resumes)
  if ! grep "Training stopped" "$run/train.log" 2>/dev/null | tail -1 | grep -qv "(interrupted)"; then
    resume=()
    compgen -G "$run/checkpoints/*.ckpt" > /dev/null && resume=(--resume)
    # The cgru decoder outgrows train's default physical limit (896m) on this recipe: its first run
    # died at step ~700 with the launcher's out-of-memory message (2026-12-03).
    NMT_PHYSICAL=${NMT_PHYSICAL:-1792m} ./nmt train --quiet "${resume[@]}" --config "$recipe" -o "$run" "${data[@]}" "${sets[@]}" >> "$run.log" 2>&1 \
      || { echo "multi30k-decoders: training $run failed, see $run.log" >&2; exit 1; }
  fi
  ./nmt translate --quiet -m "$run" -i "$corpus/test_2016_flickr.de" -o "$run.test.hyp" --beam 5
  bleu=$(./nmt bleu --quiet -b -w 2 "$corpus/test_2016_flickr.en" -i "$run.test.hyp")
  # "Training stopped (...) at step N after M minutes; best dev BLEU B at step S; ..."
  stopped=$(grep 'Training stopped' "$run/train.log" | tail -1)
  dev=$(sed -E 's/.*best dev BLEU ([0-9.]+).*/\1/' <<< "$stopped")
  updates=$(sed -E 's/.*\) at step ([0-9]+) after.*/\1/' <<< "$stopped")
  read -r _ aer _ <<< "$(./nmt align --quiet -m "$run" --src "$gold/test.de" --tgt "$gold/test.en" \
    --gold "$gold/de-en.wa" --gold-base 0 | head -1)"
  printf '| %s | %s | %s | %s | %s |\n' "$row" "$bleu" "$dev" "$updates" "$aer"
done
echo "multi30k-decoders: $rows, each the recipe's budget; runs in $work"
