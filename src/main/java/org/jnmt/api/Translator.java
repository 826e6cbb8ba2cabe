package org.jnmt.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jnmt.config.BatchType;
import org.jnmt.data.Batch;
import org.jnmt.data.Batcher;
import org.jnmt.data.BpeEncoder;
import org.jnmt.data.EncodedCorpus;
import org.jnmt.data.PreparedData;
import org.jnmt.data.SpecialTokens;
import org.jnmt.data.TextPipeline;
import org.jnmt.decode.BeamSearch;
import org.jnmt.decode.BeamTrace;
import org.jnmt.decode.GreedySearch;
import org.jnmt.decode.Hypothesis;
import org.jnmt.decode.ModelSearch;
import org.jnmt.decode.StepAlternatives;
import org.jnmt.model.Backend;
import org.jnmt.model.LossResult;
import org.jnmt.model.Seq2SeqModel;

/**
 * The translation API: load a model directory once, then translate sentences (plain text in, plain
 * text out: the model's normalisation, tokenisation and BPE are applied and undone here), each with
 * its score, tokens and attention matrix. Thread-safe: calls from several threads share a pool of
 * model instances (one by default, so that calls take turns; more to translate in parallel).
 *
 * <pre>{@code
 * try (Translator translator = Translator.load(Path.of("models/multi30k"))) {
 *     Translation t = translator.translate("Ein Mann fährt Fahrrad.");
 *     System.out.println(t.text() + "  " + t.score());
 * }
 * }</pre>
 */
public final class Translator implements AutoCloseable {

    private final PreparedData.Pipelines pipelines;
    private final TranslationOptions defaults;
    private final BlockingQueue<Seq2SeqModel> models;
    private volatile boolean closed;

    private Translator(ModelDirectory directory, int instances) {
        this.pipelines = directory.pipelines();
        this.defaults = TranslationOptions.of(directory.config().testing);
        this.models = new ArrayBlockingQueue<>(instances);
        for (int i = 0; i < instances; i++) {
            models.add(directory.loadModel(pipelines));
        }
    }

    /** Loads a model directory (what {@code nmt train --out DIR} wrote) with one model instance. */
    public static Translator load(Path modelDir) {
        return load(modelDir, 1);
    }

    /** Loads a model directory with {@code instances} model copies, for that many concurrent translations. */
    public static Translator load(Path modelDir, int instances) {
        if (instances < 1) {
            throw new IllegalArgumentException("at least one model instance is needed");
        }
        Backend.start(Math.min(2, Runtime.getRuntime().availableProcessors()));
        return new Translator(ModelDirectory.open(modelDir), instances);
    }

    /** The model's own translation defaults (its config's {@code testing:} section). */
    public TranslationOptions defaults() {
        return defaults;
    }

    public Translation translate(String sentence) {
        return translate(List.of(sentence)).get(0);
    }

    public List<Translation> translate(List<String> sentences) {
        return translate(sentences, defaults);
    }

    /** The best translation of each sentence, in input order. */
    public List<Translation> translate(List<String> sentences, TranslationOptions options) {
        List<List<Translation>> all = translateNBest(sentences, options.withNBest(1));
        List<Translation> best = new ArrayList<>(all.size());
        for (List<Translation> list : all) {
            best.add(list.get(0));
        }
        return best;
    }

    /**
     * Up to {@code options.nBest()} translations of each sentence, best first, in input order. An
     * empty or blank sentence gets one empty translation. Sentences are decoded in batches of
     * similar length; the result of a sentence does not depend on the others.
     */
    public List<List<Translation>> translateNBest(List<String> sentences, TranslationOptions options) {
        return translateNBest(sentences, null, options);
    }

    /**
     * Like {@link #translateNBest(List, TranslationOptions)}, but the translation of sentence i
     * starts with {@code prefixes.get(i)} (plain target text, forced: prefix-constrained decoding)
     * and goes on as the model chooses. {@code prefixes}, or any of its entries, may be null or blank.
     */
    public List<List<Translation>> translateNBest(
            List<String> sentences, List<String> prefixes, TranslationOptions options) {
        checkOpen();
        List<List<Translation>> out = new ArrayList<>(sentences.size());
        TextPipeline.Encoded[] encoded = new TextPipeline.Encoded[sentences.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            encoded[i] = pipelines.source().encodeDetailed(sentences.get(i));
            out.add(encoded[i].tokens().isEmpty() ? List.of(Translation.empty(sentences.get(i))) : null);
            if (encoded[i].tokens().isEmpty()) {
                continue;
            }
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> encoded[i].ids().length));
        Seq2SeqModel model = borrow();
        try {
            for (int start = 0; start < order.size(); start += options.batchSize()) {
                List<Integer> chunk = order.subList(start, Math.min(order.size(), start + options.batchSize()));
                List<int[]> sources = new ArrayList<>(chunk.size());
                int[][] forced = new int[chunk.size()][];
                for (int r = 0; r < chunk.size(); r++) {
                    sources.add(encoded[chunk.get(r)].ids());
                    forced[r] = prefixes == null ? null : prefixIds(prefixes.get(chunk.get(r)));
                }
                Batch batch = Batcher.sourcesOnly(sources, new long[chunk.size()]);
                List<List<Hypothesis>> results = search(model, batch, options, forced, null);
                for (int r = 0; r < chunk.size(); r++) {
                    int i = chunk.get(r);
                    List<Translation> list = new ArrayList<>();
                    for (Hypothesis h : results.get(r)) {
                        list.add(toTranslation(sentences.get(i), encoded[i], h, options.replaceUnk()));
                    }
                    out.set(i, list);
                }
            }
        } finally {
            give(model);
        }
        return out;
    }

    /**
     * Forced decoding: the attention of the model while it reads the given translations (teacher
     * forcing), for alignments and heatmaps of a translation the user supplies. Scores are the
     * log-probabilities of those translations.
     */
    public List<Translation> forceDecode(List<String> sources, List<String> targets) {
        checkOpen();
        if (sources.size() != targets.size()) {
            throw new IllegalArgumentException(sources.size() + " sources but " + targets.size() + " targets");
        }
        int n = sources.size();
        TextPipeline.Encoded[] src = new TextPipeline.Encoded[n];
        TextPipeline.Encoded[] tgt = new TextPipeline.Encoded[n];
        List<Translation> out = new ArrayList<>(n);
        EncodedCorpus.Builder corpus = new EncodedCorpus.Builder();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            src[i] = pipelines.source().encodeDetailed(sources.get(i));
            tgt[i] = pipelines.target().encodeDetailed(targets.get(i));
            out.add(Translation.empty(sources.get(i)));
            if (!src[i].tokens().isEmpty()) {
                corpus.add(src[i].ids(), tgt[i].ids());
                kept.add(i);
            }
        }
        EncodedCorpus pairs = corpus.build();
        Batcher batcher = new Batcher(pairs, defaults.batchSize(), BatchType.SENTENCES, 0);
        Seq2SeqModel model = borrow();
        try {
            for (int[] indices : batcher.sortedPlan()) {
                Batch batch = batcher.build(indices);
                float[][][] attention = model.attention(batch);
                for (int r = 0; r < indices.length; r++) {
                    int i = kept.get(indices[r]);
                    out.set(
                            i,
                            new Translation(
                                    sources.get(i),
                                    targets.get(i),
                                    Double.NaN,
                                    Double.NaN,
                                    withEos(src[i].tokens()),
                                    withEos(tgt[i].tokens()),
                                    attention[r],
                                    src[i].words(),
                                    tgt[i].words(),
                                    false));
                }
            }
        } finally {
            give(model);
        }
        return out;
    }

    /**
     * The model's negative log-likelihood of reference translations (teacher forced, no dropout):
     * {@code [sum of -log p over reference tokens (EOS included), number of tokens]}; perplexity is
     * exp(sum / tokens). Pairs with an empty source are left out.
     */
    public double[] referenceLikelihood(List<String> sources, List<String> references) {
        checkOpen();
        EncodedCorpus.Builder corpus = new EncodedCorpus.Builder();
        for (int i = 0; i < sources.size(); i++) {
            int[] src = pipelines.source().encode(sources.get(i));
            if (src.length > 1) {
                corpus.add(src, pipelines.target().encode(references.get(i)));
            }
        }
        Batcher batcher = new Batcher(corpus.build(), defaults.batchSize(), BatchType.SENTENCES, 0);
        double nll = 0;
        long tokens = 0;
        Seq2SeqModel model = borrow();
        try {
            for (int[] indices : batcher.sortedPlan()) {
                LossResult loss = model.loss(batcher.build(indices));
                nll += loss.nll();
                tokens += loss.tokens();
            }
        } finally {
            give(model);
        }
        return new double[] {nll, tokens};
    }

    /**
     * One sentence laid open for the attention explorer: its n-best translations (all starting
     * with {@code prefixTokens}, target subwords, when not empty: prefix-constrained decoding), the
     * beam search as a tree, and the top {@code topK} words the model weighed at each step of the
     * best translation.
     */
    public Exploration explore(String sentence, List<String> prefixTokens, TranslationOptions options, int topK) {
        checkOpen();
        TextPipeline.Encoded encoded = pipelines.source().encodeDetailed(sentence);
        if (encoded.tokens().isEmpty()) {
            throw new IllegalArgumentException("the sentence is empty");
        }
        Batch batch = Batcher.sourcesOnly(List.of(encoded.ids()), new long[1]);
        BeamTrace trace = new BeamTrace(1);
        Seq2SeqModel model = borrow();
        try {
            List<Hypothesis> hypotheses = search(model, batch, options, new int[][] {tokenIds(prefixTokens)}, trace)
                    .get(0);
            List<Translation> translations = new ArrayList<>(hypotheses.size());
            for (Hypothesis h : hypotheses) {
                translations.add(toTranslation(sentence, encoded, h, options.replaceUnk()));
            }
            List<List<StepAlternatives.Candidate>> alternatives = StepAlternatives.of(
                    new ModelSearch(model), encoded.ids(), hypotheses.get(0).tokens(), topK);
            return Exploration.of(
                    translations,
                    trace.steps(0),
                    alternatives,
                    pipelines.target().vocabulary());
        } finally {
            give(model);
        }
    }

    /** The target subword tokens of a plain text, as a prefix for {@link #explore}. */
    public List<String> targetTokens(String text) {
        return pipelines.target().tokens(text);
    }

    private int[] tokenIds(List<String> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = pipelines.target().vocabulary().id(tokens.get(i));
        }
        return ids;
    }

    /** The target ids of a forced prefix (EOS dropped), or null for none. */
    private int[] prefixIds(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return null;
        }
        int[] ids = pipelines.target().encode(prefix);
        return Arrays.copyOf(ids, ids.length - 1);
    }

    /** Beam search, or greedy search for a beam of 1 unless the beam is to be traced. */
    private List<List<Hypothesis>> search(
            Seq2SeqModel model, Batch batch, TranslationOptions options, int[][] prefixes, BeamTrace trace) {
        ModelSearch searchModel = new ModelSearch(model);
        if (options.beam() == 1 && trace == null) {
            List<Hypothesis> greedy =
                    new GreedySearch<>(searchModel, options.search()).search(batch.src(), batch.srcLengths(), prefixes);
            List<List<Hypothesis>> wrapped = new ArrayList<>(greedy.size());
            for (Hypothesis h : greedy) {
                wrapped.add(List.of(h));
            }
            return wrapped;
        }
        return new BeamSearch<>(searchModel, options.search()).search(batch.src(), batch.srcLengths(), prefixes, trace);
    }

    private Translation toTranslation(String source, TextPipeline.Encoded src, Hypothesis h, boolean replaceUnk) {
        TextPipeline.Decoded decoded = replaceUnk
                ? pipelines
                        .target()
                        .decodeDetailed(h.tokens(), position -> sourcePretoken(src, h.attention()[position]))
                : pipelines.target().decodeDetailed(h.tokens());
        List<String> targetTokens = h.finished() ? withEos(decoded.tokens()) : decoded.tokens();
        int[] targetWords = Arrays.copyOf(decoded.words(), targetTokens.size());
        if (h.finished()) {
            targetWords[targetWords.length - 1] = -1;
        }
        return new Translation(
                source,
                decoded.text(),
                h.score(),
                h.logProb(),
                withEos(src.tokens()),
                targetTokens,
                h.attention(),
                src.words(),
                targetWords,
                !h.finished());
    }

    /**
     * The source pre-token (its BPE pieces joined) around the source position that {@code weights}
     * (one attention row) favours: what replaces an {@code <unk>} (Luong et al. 2015).
     */
    private static String sourcePretoken(TextPipeline.Encoded src, float[] weights) {
        List<String> tokens = src.tokens();
        int best = 0;
        for (int j = 1; j < tokens.size(); j++) {
            if (weights[j] > weights[best]) {
                best = j;
            }
        }
        int first = best;
        while (first > 0 && tokens.get(first - 1).endsWith(BpeEncoder.SEPARATOR)) {
            first--;
        }
        StringBuilder pretoken = new StringBuilder();
        for (int j = first; j < tokens.size(); j++) {
            String piece = tokens.get(j);
            boolean continues = piece.endsWith(BpeEncoder.SEPARATOR);
            pretoken.append(continues ? piece.substring(0, piece.length() - BpeEncoder.SEPARATOR.length()) : piece);
            if (!continues) {
                break;
            }
        }
        return pretoken.toString();
    }

    private static List<String> withEos(List<String> tokens) {
        List<String> list = new ArrayList<>(tokens.size() + 1);
        list.addAll(tokens);
        list.add(SpecialTokens.EOS_TOKEN);
        return list;
    }

    private Seq2SeqModel borrow() {
        try {
            return models.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a model instance", e);
        }
    }

    private void give(Seq2SeqModel model) {
        models.add(model);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the translator is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
