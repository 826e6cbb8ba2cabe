package org.jnmt.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jnmt.train.TrainingSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The translation API used as an embedding application would: one Translator, several threads. */
class TranslatorConcurrencyTest {

    @TempDir
    static Path dir;

    static Path modelDir;

    @BeforeAll
    static void trainModel() {
        modelDir = TinyModel.train(dir);
    }

    @Test
    void fourThreadsThroughTwoInstancesGetTheSequentialResults() throws Exception {
        List<String> sentences = Files.readAllLines(TinyModel.testSources(dir)).subList(0, 16);
        try (Translator translator = Translator.load(modelDir, 2)) {
            TranslationOptions options = translator.defaults().withBeam(3);
            List<Translation> sequential = new ArrayList<>();
            for (String sentence : sentences) {
                sequential.add(translator.translate(List.of(sentence), options).get(0));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Translation>> futures = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    for (String sentence : sentences) {
                        futures.add(pool.submit(() ->
                                translator.translate(List.of(sentence), options).get(0)));
                    }
                }
                for (int i = 0; i < futures.size(); i++) {
                    Translation concurrent = futures.get(i).get();
                    Translation expected = sequential.get(i % sentences.size());
                    assertEquals(expected.text(), concurrent.text(), sentences.get(i % sentences.size()));
                    assertEquals(expected.score(), concurrent.score(), 0.0);
                    assertEquals(expected.targetTokens(), concurrent.targetTokens());
                    for (int t = 0; t < expected.attention().length; t++) {
                        assertArrayEquals(expected.attention()[t], concurrent.attention()[t]);
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void wordAttentionMergesPiecesIntoTheWordsOfSourceAndTranslation() {
        try (Translator translator = Translator.load(modelDir)) {
            Translation t = translator.translate("the twenty-first of September 1999");
            assertTrue(t.sourceTokens().size() > 5 + 1, "BPE splits some words: " + t.sourceTokens());
            var words = t.wordAttention();
            assertEquals(5, words.sourceWords());
            assertEquals(t.text().isEmpty() ? 0 : t.text().split(" ").length, words.targetWords());
            for (double[] row : words.weights()) {
                double sum = 0;
                for (double w : row) {
                    sum += w;
                }
                assertTrue(sum > 0 && sum <= 1 + 1e-5, "a word row is a part of a distribution: " + sum);
            }
        }
    }

    @Test
    void trainingSummaryReadsCheckpointsAndMetrics() {
        TrainingSummary summary =
                TrainingSummary.of(modelDir, ModelDirectory.open(modelDir).config().training);
        assertTrue(summary.finished(), "two epochs were trained to the end");
        assertEquals("all " + TinyModel.EPOCHS + " epochs done", summary.finishedReason());
        assertEquals(TinyModel.EPOCHS, summary.validations());
        assertTrue(summary.lastStep() > 0);
        assertTrue(summary.bestStep() > 0 && summary.bestStep() <= summary.lastStep());
        assertTrue(summary.bestDevBleu() >= 0);
    }
}
