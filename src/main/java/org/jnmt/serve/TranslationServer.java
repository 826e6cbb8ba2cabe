package org.jnmt.serve;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.jnmt.util.Console;

/**
 * The HTTP server of {@code nmt serve} (Javalin on Jetty): the LibreTranslate and OpenNMT-py
 * translation endpoints, the attention explorer page and its {@code /explore} endpoint, and
 * {@code /health}, {@code /models}, {@code /metrics}. It listens at once and loads the models in
 * the background ({@code /health} answers 503 until they are loaded). Every answer is JSON except
 * the page and the metrics; every refusal is a 4xx (or 503) with {@code {"error": one sentence}}.
 */
public final class TranslationServer implements AutoCloseable {

    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String PAGE = "explorer.html";
    private static final String SCRIPT = "explorer.js";
    private static final String STYLE = "explorer.css";
    /** Seconds a refused client is told to wait. */
    private static final String RETRY_AFTER = "1";

    private final ModelCatalog catalog;
    private final ServerLimits limits;
    private final int workers;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Metrics metrics = new Metrics();
    private final LibreTranslateApi libre;
    private final OpenNmtApi openNmt;
    private final ExplorerApi explorer;
    private final byte[] page;
    private final byte[] script;
    private final byte[] style;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<RuntimeException> loadFailure = new AtomicReference<>();
    private volatile boolean draining;
    private Javalin app;

    /**
     * @param models  the models, in the order of their ids
     * @param limits  what a request may ask and how requests are batched
     * @param workers model instances (and decoding threads) per model
     */
    public TranslationServer(List<ModelSpec> models, ServerLimits limits, int workers) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model to serve");
        }
        List<ServedModel> served = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            served.add(new ServedModel(models.get(i).name(), i, models.get(i).dir()));
        }
        this.catalog = new ModelCatalog(served);
        this.limits = limits;
        this.workers = workers;
        this.libre = new LibreTranslateApi(catalog, limits, json);
        this.openNmt = new OpenNmtApi(catalog, limits, json);
        this.explorer = new ExplorerApi(catalog, limits, json);
        this.page = resource(PAGE);
        this.script = resource(SCRIPT);
        this.style = resource(STYLE);
    }

    /**
     * Starts listening on {@code host:port} (port 0: any free port); the translation endpoints
     * answer 503 until {@link #startLoading()} has loaded the models.
     */
    public TranslationServer start(String host, int port) {
        app = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.startup.showOldJavalinVersionWarning = false;
                    config.jetty.host = host;
                    config.jetty.port = port;
                    config.routes.get("/", ctx -> send(ctx, 200, "text/html; charset=utf-8", page));
                    config.routes.get("/" + SCRIPT, ctx -> send(ctx, 200, "text/javascript; charset=utf-8", script));
                    config.routes.get("/" + STYLE, ctx -> send(ctx, 200, "text/css; charset=utf-8", style));
                    config.routes.get("/health", this::health);
                    config.routes.get("/models", ctx -> sendJson(ctx, 200, models()));
                    config.routes.get(
                            "/metrics",
                            ctx -> send(
                                    ctx,
                                    200,
                                    "text/plain; version=0.0.4; charset=utf-8",
                                    metrics.text().getBytes(StandardCharsets.UTF_8)));
                    config.routes.post("/translate", ctx -> translate(ctx, "/translate", libre::translate));
                    config.routes.post(
                            "/translator/translate",
                            ctx -> translate(ctx, "/translator/translate", openNmt::translate));
                    config.routes.post("/explore", ctx -> translate(ctx, "/explore", explorer::explore));
                    config.routes.error(
                            404, ctx -> error(ctx, 404, "No such endpoint: " + ctx.method() + " " + ctx.path() + "."));
                    config.routes.error(
                            405,
                            ctx -> error(
                                    ctx, 405, "Method " + ctx.method() + " is not allowed on " + ctx.path() + "."));
                })
                .start();
        return this;
    }

    /** Loads the models in the background; {@code /health} answers 200 once they are all loaded. */
    public TranslationServer startLoading() {
        Thread loader = new Thread(this::loadModels, "nmt-serve-loader");
        loader.setDaemon(true);
        loader.start();
        return this;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** True once every model is loaded. */
    public boolean ready() {
        return catalog.allLoaded();
    }

    /** Blocks until {@link #close()} has run, or loading failed (then rethrows that failure). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
        RuntimeException failure = loadFailure.get();
        if (failure != null) {
            throw failure;
        }
    }

    private void loadModels() {
        try {
            for (ServedModel model : catalog.all()) {
                model.load(workers, limits, metrics, json);
                Console.info("loaded model " + model.name() + " (id " + model.id() + ", " + model.sourceLanguage()
                        + " -> " + model.targetLanguage() + ")");
            }
        } catch (RuntimeException e) {
            loadFailure.set(e);
            stopped.countDown();
        }
    }

    private void health(Context ctx) {
        boolean ready = catalog.allLoaded() && !draining;
        ObjectNode body = json.createObjectNode().put("status", draining ? "stopping" : ready ? "ok" : "loading");
        sendJson(ctx, ready ? 200 : 503, body);
    }

    private ArrayNode models() {
        ArrayNode list = json.createArrayNode();
        for (ServedModel model : catalog.all()) {
            list.add(model.info(json));
        }
        return list;
    }

    /**
     * A translation request: its body read (bounded) and parsed, then admitted if the models are
     * loaded and fewer than {@code maxPending} requests are waiting, then answered. The answer is
     * written before the request stops counting as pending, so that a graceful stop loses none.
     */
    private void translate(Context ctx, String endpoint, BiFunction<JsonNode, Metrics, JsonNode> action) {
        long start = System.nanoTime();
        int status;
        try {
            JsonNode request =
                    RequestBody.parse(RequestBody.read(ctx.req().getInputStream(), limits.maxBodyBytes()), json);
            admit();
            try {
                status = sendJson(ctx, 200, action.apply(request, metrics));
            } finally {
                metrics.pending().decrementAndGet();
            }
        } catch (BadRequest e) {
            status = error(ctx, e.status(), e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            status = error(ctx, 400, "The request body could not be read.");
        } catch (RuntimeException e) {
            Console.warn(endpoint + ": " + e);
            status = error(ctx, 500, "The translation failed: " + e.getMessage());
        }
        metrics.countRequest(endpoint, status, (System.nanoTime() - start) / 1e9);
    }

    private void admit() {
        if (draining) {
            throw new BadRequest(503, "The server is shutting down.");
        }
        if (!catalog.allLoaded()) {
            throw new BadRequest(503, "The models are still loading; see GET /health.");
        }
        if (metrics.pending().incrementAndGet() > limits.maxPending()) {
            metrics.pending().decrementAndGet();
            throw new BadRequest(503, "The server is busy: " + limits.maxPending() + " requests are waiting.");
        }
    }

    private int error(Context ctx, int status, String message) {
        if (status == 503) {
            ctx.header("Retry-After", RETRY_AFTER);
        }
        return sendJson(ctx, status, json.createObjectNode().put("error", message));
    }

    private int sendJson(Context ctx, int status, JsonNode body) {
        try {
            return send(ctx, status, JSON_TYPE, json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the whole answer now, rather than after the handler returns. */
    private static int send(Context ctx, int status, String contentType, byte[] body) {
        ctx.status(status);
        ctx.contentType(contentType);
        ctx.res().setContentLength(body.length);
        try {
            OutputStream out = ctx.res().getOutputStream();
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // The client went away; there is nobody to tell.
        }
        return status;
    }

    private static byte[] resource(String name) {
        try (InputStream in = TranslationServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops gracefully: new requests get 503, the queued and decoding ones are answered (for at
     * most {@code graceMillis}), then the server stops listening.
     */
    public void stop(long graceMillis) {
        draining = true;
        long deadline = System.currentTimeMillis() + graceMillis;
        try {
            while (metrics.pending().get() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            for (ServedModel model : catalog.all()) {
                if (model.loaded()) {
                    model.batcher().close();
                    model.batcher().awaitDrained(Math.max(1, deadline - System.currentTimeMillis()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (app != null) {
            app.stop();
        }
        for (ServedModel model : catalog.all()) {
            if (model.loaded()) {
                model.translator().close();
            }
        }
        stopped.countDown();
    }

    @Override
    public void close() {
        stop(30_000);
    }
}
