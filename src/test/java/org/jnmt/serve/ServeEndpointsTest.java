package org.jnmt.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jnmt.api.TinyModel;
import org.jnmt.cli.NmtCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of {@code nmt serve} and every bad request, against a tiny model on 127.0.0.1. */
class ServeEndpointsTest {

    @TempDir
    static Path dir;

    static Path modelDir;
    static List<String> sentences;
    static TranslationServer server;
    static Http http;

    @BeforeAll
    static void startServer() throws Exception {
        modelDir = TinyModel.train(dir);
        sentences = Files.readAllLines(TinyModel.testSources(dir)).subList(0, 6);
        server = new TranslationServer(
                        List.of(new ModelSpec("dates", modelDir)),
                        ServerLimits.DEFAULT
                                .withMaxBodyBytes(4096)
                                .withMaxSentences(8)
                                .withMaxSentenceChars(200),
                        1)
                .start("127.0.0.1", 0)
                .startLoading();
        http = new Http(server.port());
        http.awaitHealthy();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void translationsScoresAlignmentsAndAttentionAreThoseOfNmtTranslate() throws Exception {
        Path input = dir.resolve("input.txt");
        Files.write(input, sentences);
        Path output = dir.resolve("output.txt");
        Path attention = dir.resolve("attention");
        assertEquals(
                0,
                NmtCommand.execute(
                        "translate",
                        "-m",
                        modelDir.toString(),
                        "-i",
                        input.toString(),
                        "-o",
                        output.toString(),
                        "--nbest",
                        "1",
                        "--alignments",
                        "hard",
                        "--attention-out",
                        attention.toString()));
        List<String> lines = Files.readAllLines(output);

        Http.Response response = http.post(
                "/translate",
                Map.of("q", sentences, "source", "words", "target", "iso", "alignment", true, "attention", true));
        assertEquals(200, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/json"));
        JsonNode body = response.json();
        for (int i = 0; i < sentences.size(); i++) {
            String[] fields = lines.get(i).split(" \\|\\|\\| ", -1);
            assertEquals(fields[1], body.get("translatedText").get(i).asText(), sentences.get(i));
            assertEquals(
                    fields[2],
                    String.format(Locale.ROOT, "%.6f", body.get("score").get(i).asDouble()));
            assertEquals(fields[3], body.get("alignment").get(i).asText());
            JsonNode file =
                    Http.JSON.readTree(attention.resolve((i + 1) + ".json").toFile());
            assertEquals(file, body.get("attention").get(i), "the attention of sentence " + (i + 1));
        }

        JsonNode single = http.post("/translate", Map.of("q", sentences.get(0))).json();
        assertEquals(
                lines.get(0).split(" \\|\\|\\| ")[1],
                single.get("translatedText").asText());
        assertFalse(single.has("alternatives"), "alternatives only when asked for");
    }

    @Test
    void alternativesAreTheNBestOfTheBeam() {
        JsonNode body = http.post("/translate", Map.of("q", sentences.get(1), "alternatives", 2, "beam", 3))
                .json();
        assertEquals(2, body.get("alternatives").size());
        JsonNode greedy = http.post("/translate", Map.of("q", List.of(sentences.get(1)), "beam", 1))
                .json();
        assertEquals(1, greedy.get("translatedText").size());
    }

    @Test
    void openNmtShapeAnswersEachSourceInOrder() {
        Http.Response response = http.post(
                "/translator/translate",
                List.of(Map.of("src", sentences.get(2), "id", 0), Map.of("src", sentences.get(3))));
        assertEquals(200, response.status(), response.body());
        JsonNode results = response.json().get(0);
        assertEquals(2, results.size());
        JsonNode libre = http.post("/translate", Map.of("q", List.of(sentences.get(2), sentences.get(3))))
                .json();
        for (int i = 0; i < 2; i++) {
            assertEquals(sentences.get(2 + i), results.get(i).get("src").asText());
            assertEquals(
                    libre.get("translatedText").get(i).asText(),
                    results.get(i).get("tgt").asText());
            assertEquals(
                    libre.get("score").get(i).asDouble(),
                    results.get(i).get("pred_score").asDouble(),
                    0.0);
            assertEquals(1, results.get(i).get("n_best").asInt());
        }
    }

    @Test
    void prefixIsForcedAndTheRestDecoded() throws Exception {
        String free = http.post("/translate", Map.of("q", sentences.get(0)))
                .json()
                .get("translatedText")
                .asText();
        String reference = Files.readAllLines(TinyModel.testReferences(dir)).get(0);
        String prefix = String.join(" ", Arrays.asList(reference.split(" ")).subList(0, 4));
        assertFalse(free.startsWith(prefix), "the prefix is not what the model would say anyway: " + free);
        JsonNode forced = http.post(
                        "/translate",
                        Map.of("q", List.of(sentences.get(0), sentences.get(1)), "prefix", List.of(prefix, "")))
                .json()
                .get("translatedText");
        assertTrue(forced.get(0).asText().startsWith(prefix), forced.get(0).asText());
        assertEquals(
                http.post("/translate", Map.of("q", sentences.get(1)))
                        .json()
                        .get("translatedText")
                        .asText(),
                forced.get(1).asText(),
                "an empty prefix is no constraint");
    }

    @Test
    void exploreGivesTheBeamTreeTheAlternativesAndForcedPrefixes() {
        String sentence = sentences.get(4);
        JsonNode translated = http.post("/translate", Map.of("q", sentence, "beam", 3, "attention", true))
                .json();
        JsonNode explored = http.post("/explore", Map.of("q", sentence, "beam", 3, "top_k", 4))
                .json();
        JsonNode best = explored.get("translations").get(0);
        assertEquals(translated.get("translatedText").asText(), best.get("text").asText());
        assertEquals(translated.get("attention"), best.get("tokens"), "the token attention of /translate");
        assertTrue(explored.get("translations").size() <= 3);
        JsonNode targets = best.get("tokens").get("target");
        assertEquals(targets.size(), explored.get("alternatives").size(), "alternatives at every target step");
        for (JsonNode step : explored.get("alternatives")) {
            assertEquals(4, step.size());
            assertTrue(step.get(0).get("p").asDouble() >= step.get(3).get("p").asDouble());
        }
        JsonNode steps = explored.get("beam_steps");
        assertTrue(steps.size() >= targets.size(), "the trace reaches the step where the winner finished");
        boolean winnerFinished = false;
        for (JsonNode node : steps.get(targets.size() - 1)) {
            winnerFinished |= node.get("finished").asBoolean()
                    && node.get("score").asDouble() == best.get("score").asDouble();
        }
        assertTrue(winnerFinished, "the winner is marked finished at its last step");

        String picked = explored.get("alternatives").get(1).get(1).get("token").asText();
        List<String> prefix = List.of(targets.get(0).asText(), picked);
        JsonNode whatIf = http.post("/explore", Map.of("q", sentence, "beam", 3, "prefix_tokens", prefix))
                .json();
        JsonNode forcedTargets = whatIf.get("translations").get(0).get("tokens").get("target");
        assertEquals(prefix.get(0), forcedTargets.get(0).asText());
        assertEquals(picked, forcedTargets.get(1).asText(), "the picked alternative is forced at step 2");
    }

    @Test
    void healthIs503AndTranslationIsRefusedUntilTheModelsAreLoaded() throws Exception {
        try (TranslationServer loading = new TranslationServer(
                        List.of(new ModelSpec("dates", modelDir)), ServerLimits.DEFAULT, 1)
                .start("127.0.0.1", 0)) {
            Http client = new Http(loading.port());
            Http.Response health = client.get("/health");
            assertEquals(503, health.status());
            assertEquals("loading", health.json().get("status").asText());
            Http.Response refused = client.post("/translate", Map.of("q", "one"));
            assertEquals(503, refused.status());
            assertEquals("1", refused.retryAfter());
            assertFalse(client.get("/models").json().get(0).get("loaded").asBoolean());
            loading.startLoading();
            client.awaitHealthy();
            assertEquals(200, client.post("/translate", Map.of("q", "one")).status());
        }
    }

    @Test
    void healthModelsAndMetrics() {
        assertEquals("ok", http.get("/health").json().get("status").asText());
        JsonNode models = http.get("/models").json();
        assertEquals(1, models.size());
        JsonNode model = models.get(0);
        assertEquals("dates", model.get("name").asText());
        assertEquals(0, model.get("id").asInt());
        assertEquals("words", model.get("source").asText());
        assertEquals("iso", model.get("target").asText());
        assertTrue(
                model.get("source_vocabulary").asInt() > 4
                        && model.get("parameters").asLong() > 0,
                model.toString());
        assertEquals(5, model.get("defaults").get("beam").asInt());

        http.post("/translate", Map.of("q", sentences.get(0)));
        http.post("/translate", "{");
        Http.Response metrics = http.get("/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.contentType().startsWith("text/plain; version=0.0.4"), metrics.contentType());
        String text = metrics.body();
        for (String name : List.of(
                "jnmt_requests_total counter",
                "jnmt_request_duration_seconds histogram",
                "jnmt_sentences_total counter",
                "jnmt_batch_sentences histogram",
                "jnmt_pending_requests gauge")) {
            assertTrue(text.contains("# TYPE " + name), name);
            assertTrue(text.contains("# HELP " + name.split(" ")[0] + " "), name);
        }
        assertTrue(text.contains("jnmt_requests_total{endpoint=\"/translate\",status=\"200\"}"), text);
        assertTrue(text.contains("jnmt_requests_total{endpoint=\"/translate\",status=\"400\"}"), text);
        assertTrue(text.contains("jnmt_request_duration_seconds_bucket{endpoint=\"/translate\",le=\"+Inf\"}"), text);
    }

    @Test
    void thePageIsServedWholeAndLoadsNothingFromOutside() {
        Http.Response page = http.get("/");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("<html"), "an HTML page");
        Http.Response script = http.get("/explorer.js");
        Http.Response style = http.get("/explorer.css");
        assertEquals(200, script.status());
        assertEquals(200, style.status());
        for (String outside : List.of(
                "src=\"http",
                "href=\"http",
                "src=\"//",
                "href=\"//",
                "@import",
                "url(",
                "fetch('http",
                "fetch(\"http")) {
            for (Http.Response part : List.of(page, script, style)) {
                assertFalse(part.body().contains(outside), "the page loads nothing from outside: " + outside);
            }
        }
    }

    @Test
    void everyBadRequestGetsA4xxWithAOneSentenceError() {
        String tooLong = "1".repeat(201);
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("malformed JSON", new Object[] {"/translate", "{\"q\": ", 400});
        cases.put("trailing garbage", new Object[] {"/translate", "{\"q\": \"a\"} x", 400});
        cases.put("empty body", new Object[] {"/translate", "", 400});
        cases.put("not an object", new Object[] {"/translate", "[1]", 400});
        cases.put("q missing", new Object[] {"/translate", "{}", 400});
        cases.put("q a number", new Object[] {"/translate", "{\"q\": 3}", 400});
        cases.put("q a list with a number", new Object[] {"/translate", "{\"q\": [\"a\", 3]}", 400});
        cases.put("beam a string", new Object[] {"/translate", "{\"q\": \"a\", \"beam\": \"5\"}", 400});
        cases.put("beam zero", new Object[] {"/translate", "{\"q\": \"a\", \"beam\": 0}", 400});
        cases.put("alignment not a boolean", new Object[] {"/translate", "{\"q\": \"a\", \"alignment\": 1}", 400});
        cases.put(
                "alternatives past the beam",
                new Object[] {"/translate", "{\"q\": \"a\", \"alternatives\": 3, \"beam\": 2}", 400});
        cases.put("unknown model", new Object[] {"/translate", "{\"q\": \"a\", \"model\": \"nope\"}", 400});
        cases.put(
                "unknown pair",
                new Object[] {"/translate", "{\"q\": \"a\", \"source\": \"de\", \"target\": \"en\"}", 400});
        cases.put("empty list", new Object[] {"/translate", "{\"q\": []}", 400});
        cases.put(
                "too many sentences",
                new Object[] {"/translate", "{\"q\": [\"a\",\"a\",\"a\",\"a\",\"a\",\"a\",\"a\",\"a\",\"a\"]}", 400});
        cases.put("sentence too long", new Object[] {"/translate", "{\"q\": \"" + tooLong + "\"}", 400});
        cases.put("prefix shape", new Object[] {"/translate", "{\"q\": [\"a\"], \"prefix\": \"b\"}", 400});
        cases.put("OpenNMT not a list", new Object[] {"/translator/translate", "{\"src\": \"a\"}", 400});
        cases.put("OpenNMT empty list", new Object[] {"/translator/translate", "[]", 400});
        cases.put("OpenNMT no src", new Object[] {"/translator/translate", "[{\"id\": 0}]", 400});
        cases.put("OpenNMT unknown id", new Object[] {"/translator/translate", "[{\"src\": \"a\", \"id\": 7}]", 400});
        cases.put("OpenNMT id a string", new Object[] {"/translator/translate", "[{\"src\": \"a\", \"id\": \"0\"}]", 400
        });
        cases.put("explore without q", new Object[] {"/explore", "{\"beam\": 2}", 400});
        cases.put("unknown endpoint", new Object[] {"/nothing", "{}", 404});
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            Http.Response response = http.post((String) c.getValue()[0], (String) c.getValue()[1]);
            checkError(c.getKey(), (int) c.getValue()[2], response);
        }
        byte[] invalidUtf8 = "{\"q\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        checkError("invalid UTF-8", 400, http.postBytes("/translate", invalidUtf8));
        byte[] huge = new byte[3 << 20];
        Arrays.fill(huge, (byte) ' ');
        checkError("body over the limit", 413, http.postBytes("/translate", huge));
        assertEquals(200, http.get("/health").status(), "the server is still up");
        assertEquals(200, http.post("/translate", Map.of("q", "one")).status());
    }

    private static void checkError(String name, int status, Http.Response response) {
        assertEquals(status, response.status(), name + ": " + response.body());
        assertTrue(response.contentType().startsWith("application/json"), name + ": " + response.contentType());
        JsonNode error = response.json().get("error");
        assertNotNull(error, name + ": " + response.body());
        String message = error.asText();
        assertTrue(
                message.endsWith(".") && !message.contains("\n") && message.length() < 200,
                name + ": one sentence: " + message);
    }
}
