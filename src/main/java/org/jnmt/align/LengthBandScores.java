package org.jnmt.align;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Alignment error rate by source length, in bands of ten words (1-10, 11-20, 21-30, 31 and more):
 * an attention that drifts on long sentences shows as a rate that grows from band to band.
 */
public final class LengthBandScores {

    private static final int BAND_WIDTH = 10;
    private static final int BANDS = 4;

    private final List<AlignmentScore> bands = new ArrayList<>();

    public LengthBandScores() {
        for (int b = 0; b < BANDS; b++) {
            bands.add(new AlignmentScore());
        }
    }

    /** Adds one sentence pair to the band of its source length (in words). */
    public void add(Collection<Link> hypothesis, GoldAlignment gold, int sourceWords) {
        bands.get(band(sourceWords)).add(hypothesis, gold);
    }

    static int band(int sourceWords) {
        return Math.min(BANDS - 1, Math.max(0, sourceWords - 1) / BAND_WIDTH);
    }

    /** One line per band that holds a sentence: "source 11-20 words: AER ...  precision ...". */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int b = 0; b < BANDS; b++) {
            AlignmentScore score = bands.get(b);
            if (score.sentences() == 0) {
                continue;
            }
            String range =
                    b == BANDS - 1 ? (b * BAND_WIDTH + 1) + "+" : (b * BAND_WIDTH + 1) + "-" + ((b + 1) * BAND_WIDTH);
            lines.add(String.format(Locale.ROOT, "source %-5s words: %s", range, score.summary()));
        }
        return lines;
    }
}
