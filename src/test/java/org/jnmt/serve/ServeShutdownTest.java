package org.jnmt.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jnmt.api.TinyModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nmt serve} as a process: SIGTERM lets the request in flight finish, then it exits 0. */
class ServeShutdownTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void sigtermAnswersTheRequestInFlightThenExitsZero() throws Exception {
        Path modelDir = TinyModel.train(dir);
        List<String> sentences = Files.readAllLines(TinyModel.testSources(dir)).subList(0, 30);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            many.addAll(sentences);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.jnmt.cli.NmtCommand",
                        "serve",
                        "-m",
                        modelDir.toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .start();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLog(process, log, port));
        reader.setDaemon(true);
        reader.start();
        try {
            Http http = new Http(port.get(2, TimeUnit.MINUTES));
            http.awaitHealthy();
            CompletableFuture<Http.Response> inFlight =
                    CompletableFuture.supplyAsync(() -> http.post("/translate", Map.of("q", many, "beam", 8)));
            long deadline = System.currentTimeMillis() + 30_000;
            while (!http.get("/metrics").body().contains("jnmt_pending_requests 1")) {
                assertTrue(System.currentTimeMillis() < deadline, "the request never became pending");
                Thread.sleep(5);
            }
            process.destroy(); // SIGTERM
            Http.Response response = inFlight.get(2, TimeUnit.MINUTES);
            assertEquals(200, response.status(), response.body());
            assertEquals(many.size(), response.json().get("translatedText").size());
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the server stopped");
            assertEquals(0, process.exitValue(), String.join("\n", log));
        } finally {
            process.destroyForcibly();
        }
    }

    private static void readLog(Process process, List<String> log, CompletableFuture<Integer> port) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                log.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
            port.completeExceptionally(new AssertionError("the server ended: " + String.join("\n", log)));
        } catch (Exception e) {
            port.completeExceptionally(e);
        }
    }
}
