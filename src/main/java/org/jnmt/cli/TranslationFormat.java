package org.jnmt.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jnmt.align.PharaohFormat;
import org.jnmt.align.SoftAlignmentFormat;
import org.jnmt.api.Translation;

/**
 * The output lines of {@code nmt translate} for one input line: the translation alone, or with
 * {@code --nbest N} N lines {@code ID ||| TRANSLATION ||| SCORE} (Marian's and fairseq's n-best
 * form, ID the 0-based input line); with {@code --alignments} each line ends in
 * {@code " ||| "} and the word alignment of its translation.
 */
final class TranslationFormat {

    /** The word alignments that --alignments appends. */
    enum Alignments {
        NONE,
        HARD,
        SOFT;

        /** The spelling on the command line. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final int nBest;
    private final Alignments alignments;

    /** @param nBest 0 for the plain form, else the number of n-best lines per input line */
    TranslationFormat(int nBest, Alignments alignments) {
        this.nBest = nBest;
        this.alignments = alignments;
    }

    /**
     * The lines of input line {@code id}, from its translations, best first. An empty input (one
     * empty translation) gets N n-best lines too.
     */
    List<String> lines(long id, List<Translation> translations) {
        if (nBest == 0) {
            return List.of(translations.get(0).text() + alignment(translations.get(0)));
        }
        List<String> lines = new ArrayList<>(nBest);
        for (Translation t : translations) {
            lines.add(id + " ||| " + t.text() + " ||| " + String.format(Locale.ROOT, "%.6f", t.score()) + alignment(t));
        }
        while (translations.get(0).isEmpty() && lines.size() < nBest) {
            lines.add(lines.get(0));
        }
        return lines;
    }

    private String alignment(Translation t) {
        return switch (alignments) {
            case NONE -> "";
            case HARD -> " ||| " + PharaohFormat.format(t.wordAttention().hardAlignment());
            case SOFT -> " ||| " + SoftAlignmentFormat.format(t.wordAttention().weights());
        };
    }
}
