package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LengthBandScoresTest {

    @Test
    void bandsAreTenWordsWideAndTheLastIsOpen() {
        assertEquals(0, LengthBandScores.band(0));
        assertEquals(0, LengthBandScores.band(1));
        assertEquals(0, LengthBandScores.band(10));
        assertEquals(1, LengthBandScores.band(11));
        assertEquals(2, LengthBandScores.band(30));
        assertEquals(3, LengthBandScores.band(31));
        assertEquals(3, LengthBandScores.band(500));
    }

    @Test
    void eachPairIsScoredInItsBandAndEmptyBandsAreLeftOut() {
        GoldAlignment gold = GoldAlignment.allSure(Set.of(new Link(0, 0), new Link(1, 1)));
        LengthBandScores scores = new LengthBandScores();
        scores.add(List.of(new Link(0, 0), new Link(1, 1)), gold, 4);
        scores.add(List.of(new Link(0, 1), new Link(1, 0)), gold, 35);
        assertEquals(
                List.of(
                        "source 1-10  words: AER 0.00  precision 100.00  recall 100.00  (1 sentences, |A| 2, |S| 2)",
                        "source 31+   words: AER 100.00  precision 0.00  recall 0.00  (1 sentences, |A| 2, |S| 2)"),
                scores.lines());
    }
}
