package org.jnmt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jnmt.config.ModelConfig;
import org.jnmt.config.Readout;
import org.jnmt.config.TrainingConfig;
import org.jnmt.data.Batch;
import org.jnmt.data.SpecialTokens;
import org.jnmt.decode.BeamSearch;
import org.jnmt.decode.GreedySearch;
import org.jnmt.decode.ModelSearch;
import org.jnmt.decode.SearchOptions;
import org.jnmt.model.Backend;
import org.jnmt.model.LossResult;
import org.jnmt.model.ModelDimensions;
import org.jnmt.model.Seq2SeqModel;
import org.jnmt.train.AdamOptimizer;
import org.jnmt.train.GradientClipping;
import org.jnmt.util.Console;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times what ../shared/bench/torch_reference.py times, on the same synthetic work: full training
 * steps (forward, backward, clipping, Adam) on one random batch, and greedy decoding of that batch
 * for exactly tgt-len steps; and, beyond the reference, batched beam-5 search, the achieved GFLOP/s
 * and the GEMM rate of this process on one large product.
 */
public final class Benchmark {

    private static final int BEAM = 5;

    private final BenchSizes sizes;
    private final int threads;

    public Benchmark(BenchSizes sizes, int threads) {
        this.sizes = sizes;
        this.threads = threads;
    }

    /** Runs the benchmark; the result has the reference's keys (and more), in its order. */
    public Map<String, Object> run() {
        Backend.start(threads);
        Batch batch = syntheticBatch(42);
        ModelConfig options = new ModelConfig();
        options.embDropout = 0;
        options.outDropout = 0;
        Seq2SeqModel model = new Seq2SeqModel(
                new ModelDimensions(
                        sizes.vocab(),
                        sizes.vocab(),
                        sizes.emb(),
                        sizes.encHidden(),
                        sizes.decHidden(),
                        sizes.attn(),
                        Readout.NONE,
                        0,
                        false,
                        sizes.decoder()),
                options,
                DataType.FLOAT);
        model.initialize(0);
        TrainingConfig training = new TrainingConfig();
        AdamOptimizer adam = AdamOptimizer.fromConfig(model.parameters(), training);

        List<Double> trainMs = new ArrayList<>();
        double loss = Double.NaN;
        for (int i = 0; i < sizes.warmup() + sizes.steps(); i++) {
            long t0 = System.nanoTime();
            LossResult result = model.forwardBackward(batch, i, 0);
            GradientClipping.clipByGlobalNorm(model.parameters(), 1.0);
            adam.step();
            loss = result.meanLoss();
            record(trainMs, i, t0, "train");
        }

        ModelSearch search = new ModelSearch(model);
        GreedySearch<?> greedy = new GreedySearch<>(search, SearchOptions.greedy(1.0));
        List<Double> greedyMs = new ArrayList<>();
        for (int i = 0; i < sizes.warmup() + sizes.steps(); i++) {
            long t0 = System.nanoTime();
            greedy.decodeFixedSteps(batch.src(), batch.srcLengths(), sizes.tgtLen());
            record(greedyMs, i, t0, "greedy");
        }

        // Beam search as translation runs it (EOS ends hypotheses), up to tgt-len tokens.
        BeamSearch<?> beam = new BeamSearch<>(search, new SearchOptions(BEAM, 0.6, 1, 0, sizes.tgtLen()));
        List<Double> beamMs = new ArrayList<>();
        int beamRuns = Math.max(3, sizes.steps() / 4);
        for (int i = 0; i < 1 + beamRuns; i++) {
            long t0 = System.nanoTime();
            beam.search(batch.src(), batch.srcLengths());
            if (i >= 1) {
                beamMs.add((System.nanoTime() - t0) / 1e6);
            }
        }

        double train = median(trainMs);
        double greedyMedian = median(greedyMs);
        double beamMedian = median(beamMs);
        int tokens = batch.targetTokens();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("engine", "jnmt " + version() + " (" + Backend.describe() + ")");
        result.put("threads", threads);
        result.put("params", model.parameters().totalSize());
        result.put("train_ms_per_step_median", round1(train));
        result.put("train_ms_per_step_min", round1(Collections.min(trainMs)));
        result.put("train_target_tokens_per_s", round1(tokens / (train / 1e3)));
        result.put("greedy_ms_per_batch_median", round1(greedyMedian));
        result.put("greedy_sentences_per_s", round1(sizes.batch() / (greedyMedian / 1e3)));
        result.put("beam5_ms_per_batch_median", round1(beamMedian));
        result.put("beam5_sentences_per_s", round1(sizes.batch() / (beamMedian / 1e3)));
        result.put("final_loss", Math.round(loss * 1e4) / 1e4);
        result.put("peak_rss_mb", peakRssMb());
        result.put("train_gflops", round1(3 * sizes.forwardFlops(tokens) / (train / 1e3) / 1e9));
        result.put("gemm_gflops", round1(gemmRate()));
        result.put("sizes", sizesMap());
        return result;
    }

    private void record(List<Double> times, int i, long t0, String what) {
        double ms = (System.nanoTime() - t0) / 1e6;
        if (i >= sizes.warmup()) {
            times.add(ms);
        }
        Console.debug(what + " " + i + ": " + Math.round(ms) + " ms");
    }

    /**
     * A batch like the reference's: source lengths uniform in [S/2, S] and target lengths in
     * [T/2, T] (the first row full length), random ids, EOS at the end of every row.
     */
    Batch syntheticBatch(long seed) {
        Random random = new Random(seed);
        int b = sizes.batch();
        int[][] src = new int[b][sizes.srcLen()];
        int[][] tgt = new int[b][sizes.tgtLen()];
        int[] srcLengths = new int[b];
        int[] tgtLengths = new int[b];
        for (int r = 0; r < b; r++) {
            srcLengths[r] = r == 0 ? sizes.srcLen() : sizes.srcLen() / 2 + random.nextInt(sizes.srcLen() / 2 + 1);
            tgtLengths[r] = r == 0 ? sizes.tgtLen() : sizes.tgtLen() / 2 + random.nextInt(sizes.tgtLen() / 2 + 1);
            fill(src[r], srcLengths[r], random);
            fill(tgt[r], tgtLengths[r], random);
        }
        long[] indices = new long[b];
        for (int r = 0; r < b; r++) {
            indices[r] = r;
        }
        return new Batch(src, srcLengths, tgt, tgtLengths, indices);
    }

    private void fill(int[] row, int length, Random random) {
        int first = SpecialTokens.EOS + 1;
        for (int j = 0; j < length - 1; j++) {
            row[j] = first + random.nextInt(sizes.vocab() - first);
        }
        row[length - 1] = SpecialTokens.EOS;
    }

    /** GFLOP/s of this process's BLAS on one 2048 x 2048 x 2048 single-precision product. */
    private static double gemmRate() {
        int n = 2048;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.zeros(DataType.FLOAT, n, n);
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
        return 2.0 * n * n * n / median(seconds) / 1e9;
    }

    /** The peak resident set size of this process (VmHWM), in MB. */
    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            Console.debug("no peak memory figure: " + e.getMessage());
        }
        return -1;
    }

    private Map<String, Object> sizesMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("vocab", sizes.vocab());
        map.put("emb", sizes.emb());
        map.put("enc_hidden", sizes.encHidden());
        map.put("dec_hidden", sizes.decHidden());
        map.put("attn", sizes.attn());
        map.put("decoder", sizes.decoder().toString());
        map.put("batch", sizes.batch());
        map.put("src_len", sizes.srcLen());
        map.put("tgt_len", sizes.tgtLen());
        return map;
    }

    private static String version() {
        String v = Benchmark.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
