package org.jnmt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jnmt.model.Backend;
import org.jnmt.serve.ModelSpec;
import org.jnmt.serve.ServerLimits;
import org.jnmt.serve.TranslationServer;
import org.jnmt.util.Console;
import org.jnmt.util.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nmt serve}: translation over HTTP (LibreTranslate's and OpenNMT-py's JSON APIs) and the
 * attention explorer page. SIGTERM and SIGINT stop it gracefully: the requests in flight are
 * answered, then it exits 0.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Serve models over HTTP: POST /translate (LibreTranslate's JSON), POST /translator/translate "
                    + "(OpenNMT-py's), GET / (the attention explorer), GET /health, /models, /metrics.",
            "Each model is loaded once; concurrent requests share decoder batches. SIGTERM lets the requests "
                    + "in flight finish, then exits 0."
        })
public class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** How long a graceful stop waits for the requests in flight. */
    private static final long GRACE_MILLIS = 60_000;

    /** The models in command-line order (their OpenNMT-py ids). */
    final List<ModelSpec> models = new ArrayList<>();

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(
            names = "--workers",
            paramLabel = "N",
            description = "Model instances, each decoding on its own thread, per model (default: ${DEFAULT-VALUE}).")
    int workers = 1;

    @Option(
            names = "--no-batching",
            description = "Decode each request on its own instead of batching concurrent ones.")
    boolean noBatching;

    @Option(
            names = "--batch-window-ms",
            paramLabel = "MS",
            description = "How long a batch that is not full waits for more sentences (default: ${DEFAULT-VALUE}).")
    int batchWindowMillis = ServerLimits.DEFAULT.batchWindowMillis();

    @Option(
            names = "--max-pending",
            paramLabel = "N",
            description =
                    "Requests queued or decoding at once; more get 503 with Retry-After (default: ${DEFAULT-VALUE}).")
    int maxPending = ServerLimits.DEFAULT.maxPending();

    @Option(
            names = "--max-body-bytes",
            paramLabel = "N",
            description = "The largest request body (default: ${DEFAULT-VALUE}).")
    int maxBodyBytes = ServerLimits.DEFAULT.maxBodyBytes();

    @Option(
            names = "--max-sentences",
            paramLabel = "N",
            description = "The most sentences per request (default: ${DEFAULT-VALUE}).")
    int maxSentences = ServerLimits.DEFAULT.maxSentences();

    @Option(
            names = "--max-sentence-chars",
            paramLabel = "N",
            description = "The longest sentence, in characters (default: ${DEFAULT-VALUE}).")
    int maxSentenceChars = ServerLimits.DEFAULT.maxSentenceChars();

    @Option(
            names = {"-m", "--model"},
            paramLabel = "DIR|NAME=DIR",
            order = -1,
            description = {
                "A model directory to serve, repeatable: DIR is named after the directory, NAME=DIR (NAME "
                        + "without '/') is named NAME. Models are numbered 0, 1, ... (OpenNMT-py's id) in the order given."
            })
    void addModel(List<String> specs) {
        models.clear();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq > 0 && spec.substring(0, eq).indexOf('/') < 0) {
                if (eq == spec.length() - 1) {
                    throw new UsageException("--model " + spec + " names no directory.");
                }
                add(new ModelSpec(spec.substring(0, eq), Path.of(spec.substring(eq + 1))));
            } else {
                Path dir = Path.of(spec);
                Path name = dir.toAbsolutePath().normalize().getFileName();
                add(new ModelSpec(name == null ? spec : name.toString(), dir));
            }
        }
    }

    private void add(ModelSpec model) {
        for (ModelSpec other : models) {
            if (other.name().equals(model.name())) {
                throw new UsageException(
                        "two models are named '" + model.name() + "'; name them with --model NAME=DIR.");
            }
        }
        models.add(model);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (models.isEmpty()) {
            throw new UsageException("no model to serve: give -m DIR or --model NAME=DIR.");
        }
        if (workers < 1) {
            throw new UsageException("--workers must be at least 1.");
        }
        ServerLimits limits;
        try {
            limits = new ServerLimits(
                    maxBodyBytes, maxSentences, maxSentenceChars, maxPending, !noBatching, batchWindowMillis);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ".");
        }
        Backend.start(GlobalOptions.of(spec).threads());
        TranslationServer server = new TranslationServer(models, limits, workers).start(host, port);
        server.startLoading();
        Console.info("listening on http://" + host + ":" + server.port() + "/ (loading " + models.size() + " model"
                + (models.size() == 1 ? "" : "s") + ")");
        // SIGTERM or Ctrl-C: the JVM runs this hook, which lets the requests in flight finish, then
        // ends the process with 0 (a graceful stop is a success), not the signal's 143 or 130.
        Thread stopper = new Thread(
                () -> {
                    server.stop(GRACE_MILLIS);
                    Console.info("stopped");
                    Runtime.getRuntime().halt(0);
                },
                "nmt-serve-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        server.awaitStop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it ends the process.
        }
        Console.info("stopped");
        return 0;
    }
}
