package org.jnmt.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load generator for {@code nmt serve}: C clients, each sending one request after another
 * ({@code POST /translate} with {@code sentencesPerRequest} sentences, taken in turn from a list)
 * until the time is up or the request budget is spent. Every answer is checked: status 200 and
 * as many translations as sentences sent. Only loopback addresses are accepted.
 */
public final class LoadGenerator {

    /**
     * What one run measured.
     *
     * @param clients    concurrent clients
     * @param requests   requests answered
     * @param sentences  sentences translated
     * @param failures   requests not answered 200 with the right number of translations
     * @param seconds    wall time of the run
     * @param latencyMs  per-request latencies, sorted, in milliseconds
     */
    public record Result(
            int clients, long requests, long sentences, long failures, double seconds, double[] latencyMs) {

        public double sentencesPerSecond() {
            return sentences / seconds;
        }

        /** The latency below which a fraction q of the requests fell (nearest rank). */
        public double percentile(double q) {
            if (latencyMs.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(q * latencyMs.length);
            return latencyMs[Math.max(0, Math.min(latencyMs.length - 1, rank - 1))];
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final List<String> sentences;
    private final int sentencesPerRequest;
    private final HttpClient http;

    public LoadGenerator(String host, int port, List<String> sentences, int sentencesPerRequest) throws IOException {
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            throw new IllegalArgumentException("the load generator only sends to loopback addresses, not " + host);
        }
        if (sentences.isEmpty() || sentencesPerRequest < 1) {
            throw new IllegalArgumentException("no sentences to send");
        }
        this.endpoint = URI.create("http://" + host + ":" + port + "/translate");
        this.sentences = List.copyOf(sentences);
        this.sentencesPerRequest = sentencesPerRequest;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Runs {@code clients} clients for {@code seconds}, at most {@code maxRequests} requests in all. */
    public Result run(int clients, double seconds, long maxRequests) throws InterruptedException {
        AtomicLong issued = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> runs = new ArrayList<>();
        List<List<Double>> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            List<Double> own = new ArrayList<>();
            latencies.add(own);
            runs.add(pool.submit(() -> client(deadline, maxRequests, issued, next, own)));
        }
        long requests = 0;
        long translated = 0;
        long failures = 0;
        try {
            for (Future<long[]> run : runs) {
                long[] counts = run.get();
                requests += counts[0];
                translated += counts[1];
                failures += counts[2];
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] all = latencies.stream()
                .flatMap(List::stream)
                .mapToDouble(Double::doubleValue)
                .toArray();
        Arrays.sort(all);
        return new Result(clients, requests, translated, failures, elapsed, all);
    }

    /** One client's loop; returns {requests, sentences, failures}. */
    private long[] client(long deadline, long maxRequests, AtomicLong issued, AtomicLong next, List<Double> latencies) {
        long requests = 0;
        long translated = 0;
        long failures = 0;
        while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests) {
            List<String> batch = new ArrayList<>(sentencesPerRequest);
            for (int i = 0; i < sentencesPerRequest; i++) {
                batch.add(sentences.get((int) (next.getAndIncrement() % sentences.size())));
            }
            long start = System.nanoTime();
            int answered = send(batch);
            latencies.add((System.nanoTime() - start) / 1e6);
            requests++;
            if (answered == batch.size()) {
                translated += answered;
            } else {
                failures++;
            }
        }
        return new long[] {requests, translated, failures};
    }

    /** The number of translations in the answer, or -1 when the request failed. */
    private int send(List<String> batch) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofMinutes(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("q", batch))))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return -1;
            }
            JsonNode texts = JSON.readTree(response.body()).get("translatedText");
            return texts != null && texts.isArray() ? texts.size() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
