#!/usr/bin/env bash
# AER of the built-in statistical aligner (nmt align --method ibm2) on the two gold sets beside the
# repository, each direction and symmetrisation, with the wall and CPU time of each run.
#
#   scripts/ibm2-aer.sh            # all rows
#   WORK=/tmp/x scripts/ibm2-aer.sh
#
# Training data (all lowercased with --lowercase; the gold sets are already tokenised):
#   en-fr: the 447 Hansards pairs, alone and followed by all 142,787 Tatoeba pairs
#          (tatoeba-eng-fra/eng-fra.{en,fr}, whole file, no split).
#   de-en: the 100 Europarl pairs, alone and followed by the 29,000 Multi30k train pairs.
# Tatoeba and Multi30k are raw text: they are tokenised with 'nmt tokenize --lowercase' and the
# joiner marks (U+FFED) removed, so "l'homme" becomes "l ' homme" and "don't" "don ' t".
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=../shared/corpora
work=${WORK:-/tmp/jnmt-ibm2}
mkdir -p "$work"

tokenize() {  # raw file -> lowercased tokens without joiners
  [ -s "$2" ] || ./nmt --quiet tokenize --lowercase -i "$1" | sed 's/\xef\xbf\xad//g' > "$2"
}
tokenize "$corpora/tatoeba-eng-fra/eng-fra.en" "$work/tatoeba.en"
tokenize "$corpora/tatoeba-eng-fra/eng-fra.fr" "$work/tatoeba.fr"
tokenize "$corpora/multi30k-en-de/train.de" "$work/multi30k.de"
tokenize "$corpora/multi30k-en-de/train.en" "$work/multi30k.en"

enfr="$corpora/alignments-en-fr"
deen="$corpora/alignments-de-en"
row() {  # label, then nmt align arguments
  local label=$1; shift
  local start; start=$(date +%s.%N)
  local times="$work/time.txt"
  local score
  score=$( { /usr/bin/time -f '%U %S' -o "$times" ./nmt align --method ibm2 --lowercase "$@" 2> "$work/log.txt"; } )
  local wall; wall=$(echo "$(date +%s.%N) - $start" | bc)
  local speed; speed=$(grep -o '([0-9,]* pairs/s)' "$work/log.txt" | tr -d '(),' | awk '{s+=$1; n++} END {if (n) printf "%.0f", s/n}')
  printf '%s | %s | wall %.1f s, cpu %s s, %s pairs/s per EM iteration\n' "$label" "$score" "$wall" \
    "$(awk '{print $1+$2}' "$times")" "$speed"
}

for data in gold tatoeba; do
  extra=()
  [ "$data" = tatoeba ] && extra=(--train-src "$work/tatoeba.en" --train-tgt "$work/tatoeba.fr")
  common=(--src "$enfr/test.en" --tgt "$enfr/test.fr" --gold "$enfr/enfr.gold" "${extra[@]}")
  row "en-fr ($data) en→fr" "${common[@]}"
  row "en-fr ($data) fr→en" "${common[@]}" --reverse
  for h in intersect union grow-diag-final-and; do
    row "en-fr ($data) $h" "${common[@]}" --symmetrize "$h"
  done
done
for data in gold multi30k; do
  extra=()
  [ "$data" = multi30k ] && extra=(--train-src "$work/multi30k.de" --train-tgt "$work/multi30k.en")
  common=(--src "$deen/test.de" --tgt "$deen/test.en" --gold "$deen/de-en.wa" --gold-base 0 "${extra[@]}")
  row "de-en ($data) de→en" "${common[@]}"
  row "de-en ($data) en→de" "${common[@]}" --reverse
  for h in intersect union grow-diag-final-and; do
    row "de-en ($data) $h" "${common[@]}" --symmetrize "$h"
  done
done
