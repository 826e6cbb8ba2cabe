package org.jnmt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jnmt.serve.LoadGenerator;
import org.jnmt.util.NmtException;
import org.jnmt.util.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nmt serve-bench}: the load generator for {@code nmt serve} on this machine. For each
 * number of concurrent clients C it sends requests for a fixed time (and at most a fixed number),
 * checks every answer, and prints sentences/s and the latency percentiles.
 */
@Command(
        name = "serve-bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Load-test an 'nmt serve' on this machine (loopback only): C concurrent clients, each sending "
                    + "POST /translate requests one after another for a fixed time; prints sentences/s and latency "
                    + "p50/p95/p99 per C. Every answer must be 200 with one translation per sentence sent; the exit "
                    + "code is 1 if any is not."
        })
public class ServeBenchCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "HOST", description = "A loopback address (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "The server's port (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(
            names = {"-i", "--input"},
            required = true,
            paramLabel = "FILE",
            description = "Sentences to send, one a line, taken in turn.")
    Path input;

    @Option(
            names = "--clients",
            paramLabel = "C,...",
            split = ",",
            description = "Concurrent clients, one run each (default: 1,4,16,64).")
    List<Integer> clients = List.of(1, 4, 16, 64);

    @Option(names = "--seconds", paramLabel = "S", description = "Length of each run (default: ${DEFAULT-VALUE}).")
    double seconds = 20;

    @Option(
            names = "--max-requests",
            paramLabel = "N",
            description = "At most N requests per run (default: ${DEFAULT-VALUE}).")
    long maxRequests = 100_000;

    @Option(
            names = "--sentences-per-request",
            paramLabel = "N",
            description = "Sentences in each request (default: ${DEFAULT-VALUE}).")
    int sentencesPerRequest = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seconds <= 0
                || maxRequests < 1
                || sentencesPerRequest < 1
                || clients.stream().anyMatch(c -> c < 1)) {
            throw new UsageException(
                    "--seconds, --max-requests, --sentences-per-request and --clients must be positive.");
        }
        List<String> sentences = readSentences();
        LoadGenerator generator;
        try {
            generator = new LoadGenerator(host, port, sentences, sentencesPerRequest);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("clients  requests  sentences  failures  sent/s    p50 ms   p95 ms   p99 ms");
        long failures = 0;
        for (int c : clients) {
            LoadGenerator.Result r = generator.run(c, seconds, maxRequests);
            out.println(String.format(
                    Locale.ROOT,
                    "%7d  %8d  %9d  %8d  %7.1f  %7.1f  %7.1f  %7.1f",
                    c,
                    r.requests(),
                    r.sentences(),
                    r.failures(),
                    r.sentencesPerSecond(),
                    r.percentile(0.50),
                    r.percentile(0.95),
                    r.percentile(0.99)));
            out.flush();
            failures += r.failures();
        }
        if (failures > 0) {
            throw new NmtException(failures + " request(s) were not answered with their translations.");
        }
        return 0;
    }

    private List<String> readSentences() {
        try {
            List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
            if (lines.isEmpty()) {
                throw new NmtException(input + ": no sentences.");
            }
            return lines;
        } catch (IOException e) {
            throw new NmtException("cannot read " + input + ": " + e.getMessage(), e);
        }
    }
}
