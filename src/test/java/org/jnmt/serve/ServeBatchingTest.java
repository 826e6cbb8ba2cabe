package org.jnmt.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jnmt.api.TinyModel;
import org.jnmt.api.Translation;
import org.jnmt.api.Translator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent clients: dynamic batching, results independent of batch-mates, the queue's bound. */
class ServeBatchingTest {

    private static final Pattern BATCH_COUNT = Pattern.compile("jnmt_batch_sentences_count (\\d+)");

    @TempDir
    static Path dir;

    static Path modelDir;
    static List<String> sentences;

    @BeforeAll
    static void trainModel() throws Exception {
        modelDir = TinyModel.train(dir);
        sentences = Files.readAllLines(TinyModel.testSources(dir)).subList(0, 30);
    }

    @Test
    void concurrentRequestsShareBatchesAndGetTheirOwnTranslations() throws Exception {
        List<Translation> alone = new ArrayList<>();
        try (Translator translator = Translator.load(modelDir)) {
            for (String sentence : sentences) {
                alone.add(translator
                        .translate(List.of(sentence), translator.defaults())
                        .get(0));
            }
        }
        try (TranslationServer server = new TranslationServer(
                        List.of(new ModelSpec("dates", modelDir)), ServerLimits.DEFAULT.withBatchWindowMillis(20), 1)
                .start("127.0.0.1", 0)
                .startLoading()) {
            Http http = new Http(server.port());
            http.awaitHealthy();
            List<Callable<Http.Response>> clients = new ArrayList<>();
            for (String sentence : sentences) {
                clients.add(() -> http.post("/translate", Map.of("q", sentence, "attention", true)));
            }
            List<Http.Response> responses = runAll(clients, sentences.size());
            for (int i = 0; i < sentences.size(); i++) {
                JsonNode body = responses.get(i).json();
                assertEquals(200, responses.get(i).status(), responses.get(i).body());
                assertEquals(alone.get(i).text(), body.get("translatedText").asText(), sentences.get(i));
                // The same tokens; the numbers agree to float32 rounding (a GEMM over more rows may sum
                // in another order).
                assertEquals(alone.get(i).score(), body.get("score").asDouble(), 1e-5, sentences.get(i));
                assertEquals(
                        Http.JSON.valueToTree(alone.get(i).targetTokens()),
                        body.get("attention").get("target"));
                float[][] attention = alone.get(i).attention();
                JsonNode rows = body.get("attention").get("attention");
                for (int t = 0; t < attention.length; t++) {
                    for (int s = 0; s < attention[t].length; s++) {
                        assertEquals(attention[t][s], rows.get(t).get(s).asDouble(), 1e-5);
                    }
                }
            }
            long batches = batchCount(http.get("/metrics").body());
            assertTrue(
                    batches < sentences.size(),
                    sentences.size() + " single-sentence requests in " + batches + " batches: some shared one");
        }
    }

    @Test
    void sixtyFourConcurrentClientsAreAllAnswered() throws Exception {
        try (TranslationServer server = new TranslationServer(
                        List.of(new ModelSpec("dates", modelDir)), ServerLimits.DEFAULT, 1)
                .start("127.0.0.1", 0)
                .startLoading()) {
            Http http = new Http(server.port());
            http.awaitHealthy();
            List<Callable<Http.Response>> clients = new ArrayList<>();
            for (int c = 0; c < 64; c++) {
                List<String> own = sentences.subList(c % 20, c % 20 + 1 + c % 3);
                clients.add(
                        c % 2 == 0
                                ? () -> http.post("/translate", Map.of("q", own))
                                : () -> http.post("/translator/translate", List.of(Map.of("src", own.get(0)))));
            }
            List<Http.Response> responses = runAll(clients, 64);
            for (int c = 0; c < 64; c++) {
                Http.Response response = responses.get(c);
                assertEquals(200, response.status(), "client " + c + ": " + response.body());
                int expected = c % 2 == 0 ? 1 + c % 3 : 1;
                JsonNode body = response.json();
                assertEquals(
                        expected,
                        c % 2 == 0
                                ? body.get("translatedText").size()
                                : body.get(0).size(),
                        "client " + c);
            }
        }
    }

    @Test
    void beyondTheQueueBoundTheServerAnswers503WithRetryAfter() throws Exception {
        try (TranslationServer server = new TranslationServer(
                        List.of(new ModelSpec("dates", modelDir)),
                        ServerLimits.DEFAULT.withMaxPending(2).withBatching(false),
                        1)
                .start("127.0.0.1", 0)
                .startLoading()) {
            Http http = new Http(server.port());
            http.awaitHealthy();
            List<Callable<Http.Response>> clients = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                clients.add(() -> http.post("/translate", Map.of("q", sentences, "beam", 8)));
            }
            int ok = 0;
            int refused = 0;
            for (Http.Response response : runAll(clients, 16)) {
                if (response.status() == 200) {
                    assertEquals(
                            sentences.size(),
                            response.json().get("translatedText").size());
                    ok++;
                } else {
                    assertEquals(503, response.status(), response.body());
                    assertEquals("1", response.retryAfter());
                    assertTrue(response.json().get("error").asText().startsWith("The server is busy"));
                    refused++;
                }
            }
            assertTrue(ok >= 2 && refused >= 1, ok + " answered, " + refused + " refused");
            assertEquals(200, http.post("/translate", Map.of("q", "one")).status(), "the server recovers");
        }
    }

    @Test
    void theLoadGeneratorChecksEveryAnswerAndKeepsToItsBudget() throws Exception {
        try (TranslationServer server = new TranslationServer(
                        List.of(new ModelSpec("dates", modelDir)), ServerLimits.DEFAULT, 1)
                .start("127.0.0.1", 0)
                .startLoading()) {
            new Http(server.port()).awaitHealthy();
            LoadGenerator generator = new LoadGenerator("127.0.0.1", server.port(), sentences, 2);
            LoadGenerator.Result result = generator.run(4, 30, 24);
            assertEquals(24, result.requests(), "the request budget ends the run before the clock");
            assertEquals(48, result.sentences());
            assertEquals(0, result.failures());
            assertTrue(result.percentile(0.5) <= result.percentile(0.99));
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> new LoadGenerator("192.0.2.1", 80, sentences, 1),
                "loopback only");
    }

    /** Runs every client at once (each request bounded by the client's timeout); responses in order. */
    static List<Http.Response> runAll(List<Callable<Http.Response>> clients, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Http.Response>> futures = pool.invokeAll(clients, 2, TimeUnit.MINUTES);
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long batchCount(String metrics) {
        Matcher m = BATCH_COUNT.matcher(metrics);
        assertTrue(m.find(), metrics);
        return Long.parseLong(m.group(1));
    }
}
