package org.jnmt.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Measures scoring 1,000 Multi30k segments and prints the times (no timed assertion): the first
 * call includes class loading and JIT warm-up, the later ones show the steady speed.
 */
class ScoringSpeedTest {

    private static final Path MULTI30K = Path.of("..", "shared", "corpora", "multi30k-en-de");

    @Test
    void scoresAThousandMulti30kLines() {
        Assumptions.assumeTrue(Files.isDirectory(MULTI30K), "../shared/corpora is absent: nothing to time");
        List<String> test2016 = SegmentReader.readFile(MULTI30K.resolve("test_2016_flickr.en"));
        List<String> test2017 = SegmentReader.readFile(MULTI30K.resolve("test_2017_flickr.en"));
        assertEquals(1000, test2016.size());
        Bleu bleu = new Bleu(BleuSettings.defaults());
        Chrf chrf = new Chrf(ChrfSettings.defaults());

        double self = time(
                "BLEU, first call (cold)",
                () -> bleu.corpusScore(test2016, List.of(test2016)).score());
        assertEquals(100.0, self, 1e-9);
        time(
                "chrF, first call (cold)",
                () -> chrf.corpusScore(test2016, List.of(test2016)).score());
        for (int round = 0; round < 3; round++) {
            time(
                    "BLEU, warm",
                    () -> bleu.corpusScore(test2017, List.of(test2016)).score());
            time(
                    "chrF, warm",
                    () -> chrf.corpusScore(test2017, List.of(test2016)).score());
        }
        double unrelated = bleu.corpusScore(test2017, List.of(test2016)).score();
        assertTrue(unrelated > 0 && unrelated < 20, "unrelated captions score low: " + unrelated);
    }

    private static double time(String what, Supplier<Double> scoring) {
        long start = System.nanoTime();
        double score = scoring.get();
        System.out.printf(
                "%s: 1000 Multi30k lines in %.1f ms (score %.4f)%n", what, (System.nanoTime() - start) / 1e6, score);
        return score;
    }
}
