#!/usr/bin/env bash
# Writes French text the way the Hansards gold set (../shared/corpora/alignments-en-fr) writes it:
# contractions and elisions open, so that a model trained on it has seen the words it is asked to
# align. "du" -> "de le", "des" -> "de les", "au" -> "à le", "aux" -> "à les"; "l'" -> "le ",
# "d'" -> "de ", and likewise j' m' t' s' c' n' qu' lorsqu' puisqu' jusqu' quoiqu' (the gold writes
# "le heure", "de expérience", "que il"). "aujourd'hui" is left as it is, as in the gold. A capital
# first letter stays capital ("Du" -> "De le", "L'" -> "Le "). Lowercasing, the gold's other
# convention, is the recipe's data.lowercase.
#
#   scripts/hansards-style-french.sh IN.fr OUT.fr
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 IN.fr OUT.fr" >&2; exit 2; }
perl -CSD -Mutf8 -pe '
  our %open = (d => "de", l => "le", j => "je", m => "me", t => "te", s => "se", c => "ce", n => "ne",
    qu => "que", lorsqu => "lorsque", puisqu => "puisque", jusqu => "jusque", quoiqu => "quoique",
    du => "de le", des => "de les", au => "à le", aux => "à les");
  sub keep_case { my ($word, $full) = @_; $word =~ /^\p{Lu}/ ? ucfirst($full) : $full }
  s/\b(lorsqu|puisqu|jusqu|quoiqu|qu|[dljmtscn])[\x{27}\x{2019}](?=\w)/keep_case($1, $open{lc $1}) . " "/gie;
  s/\b(du|des|aux|au)\b/keep_case($1, $open{lc $1})/gie;
' "$1" > "$2"
