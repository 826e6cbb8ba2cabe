package org.jnmt.serve;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's counters and latency histograms, written in Prometheus' text exposition format
 * (version 0.0.4) for {@code GET /metrics}.
 */
final class Metrics {

    /** Request latency buckets, in seconds. */
    private static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    /** Sentences per decoder batch. */
    private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128};

    /** Sorted, so that the text is stable: "endpoint,status" → count. */
    private final Map<String, LongAdder> requests = new ConcurrentSkipListMap<>();

    private final Map<String, Histogram> latency = new ConcurrentSkipListMap<>();
    private final LongAdder sentences = new LongAdder();
    private final Histogram batches = new Histogram(BATCH_BUCKETS);
    private final AtomicInteger pending = new AtomicInteger();

    void countRequest(String endpoint, int status, double seconds) {
        requests.computeIfAbsent(endpoint + "," + status, key -> new LongAdder())
                .increment();
        latency.computeIfAbsent(endpoint, key -> new Histogram(LATENCY_BUCKETS)).observe(seconds);
    }

    void countSentences(int n) {
        sentences.add(n);
    }

    void observeBatch(int size) {
        batches.observe(size);
    }

    AtomicInteger pending() {
        return pending;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP jnmt_requests_total HTTP requests answered, by endpoint and status.\n");
        out.append("# TYPE jnmt_requests_total counter\n");
        for (Map.Entry<String, LongAdder> e : requests.entrySet()) {
            String[] key = e.getKey().split(",", 2);
            out.append(String.format(
                    Locale.ROOT,
                    "jnmt_requests_total{endpoint=\"%s\",status=\"%s\"} %d%n",
                    key[0],
                    key[1],
                    e.getValue().sum()));
        }
        out.append("# HELP jnmt_request_duration_seconds Time from a request's arrival to its answer.\n");
        out.append("# TYPE jnmt_request_duration_seconds histogram\n");
        for (Map.Entry<String, Histogram> e : latency.entrySet()) {
            e.getValue().write(out, "jnmt_request_duration_seconds", "endpoint=\"" + e.getKey() + "\"");
        }
        out.append("# HELP jnmt_sentences_total Sentences translated.\n");
        out.append("# TYPE jnmt_sentences_total counter\n");
        out.append("jnmt_sentences_total ").append(sentences.sum()).append('\n');
        out.append("# HELP jnmt_batch_sentences Sentences per decoder batch (dynamic batching).\n");
        out.append("# TYPE jnmt_batch_sentences histogram\n");
        batches.write(out, "jnmt_batch_sentences", "");
        out.append("# HELP jnmt_pending_requests Translation requests queued or decoding now.\n");
        out.append("# TYPE jnmt_pending_requests gauge\n");
        out.append("jnmt_pending_requests ").append(pending.get()).append('\n');
        return out.toString();
    }

    /** A Prometheus sample value: integers without a fraction, others as Java writes doubles. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
