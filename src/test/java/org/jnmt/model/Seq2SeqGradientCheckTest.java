package org.jnmt.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;
import org.jnmt.config.DecoderType;
import org.jnmt.config.Readout;
import org.jnmt.data.Batch;
import org.jnmt.model.ParameterSet.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Analytic gradients against central finite differences, in DOUBLE precision, for every parameter
 * tensor of a tiny model whose batch has padding on both sides, for both decoders and with the
 * guided-alignment cost. The relative error of
 * a tensor is ||g_a - g_n|| / (||g_a|| + ||g_n||). The plain model is checked on every element; the
 * variants (the cgru decoder, guided alignment, label smoothing, readouts, tied embeddings, dropout with
 * fixed masks) on a sample of each
 * tensor's elements (its largest analytic entries and random ones), to keep the suite fast.
 */
@ExtendWith(SingleThreadedNd4j.class)
class Seq2SeqGradientCheckTest {

    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-5;
    private static final int SAMPLE = 12;

    /**
     * Links (source, target) for {@link TinyModels#batch}: pair 0 has a target word with two links,
     * pair 1 target words without links, pair 2 no target word (only its EOS row is guided).
     */
    private static final AlignmentGuide TINY_GUIDE =
            new AlignmentGuide(0.5, new int[][] {{0, 0, 1, 1, 3, 1}, {0, 0, 0, 2, 0, 4}, {}});

    @Test
    void plainModelMatchesFiniteDifferencesOnEveryElement() {
        check("plain, every element", TinyModels.dimensions(Readout.NONE, 0, false), 0.0, 0.0, Integer.MAX_VALUE);
    }

    @Test
    void conditionalGruMatchesFiniteDifferences() {
        check("cgru decoder", TinyModels.dimensions(Readout.NONE, 0, false, DecoderType.CGRU), 0.0, 0.0, 2 * SAMPLE);
    }

    @Test
    void guidedAlignmentMatchesFiniteDifferences() {
        check("guided alignment 0.5", TinyModels.dimensions(Readout.NONE, 0, false), 0.0, 0.0, SAMPLE, TINY_GUIDE);
    }

    @Test
    void conditionalGruWithGuidedAlignmentDropoutAndReadoutMatchesFiniteDifferences() {
        check(
                "cgru decoder, guided alignment 0.5, dropout 0.3 with fixed masks, maxout readout, label smoothing 0.1",
                TinyModels.dimensions(Readout.MAXOUT, 3, false, DecoderType.CGRU),
                0.1,
                0.3,
                SAMPLE,
                TINY_GUIDE);
    }

    @Test
    void guidedAlignmentAddsItsCostToTheLoss() {
        Seq2SeqModel model = TinyModels.model(TinyModels.dimensions(Readout.NONE, 0, false), 0.0, DataType.DOUBLE, 1);
        Batch batch = TinyModels.batch(7);
        double plain = model.forwardBackward(batch, 0, 0.0).loss();
        double guided = model.forwardBackward(batch, 0, 0.0, TINY_GUIDE).loss();
        double twice = model.forwardBackward(batch, 0, 0.0, new AlignmentGuide(1.0, TINY_GUIDE.links()))
                .loss();
        assertTrue(guided > plain, "cross-entropies are positive");
        assertEquals(2 * (guided - plain), twice - plain, 1e-12, "the cost scales with its weight");
    }

    @Test
    void labelSmoothingMatchesFiniteDifferences() {
        check("label smoothing 0.1", TinyModels.dimensions(Readout.NONE, 0, false), 0.1, 0.0, SAMPLE);
    }

    @Test
    void tanhReadoutMatchesFiniteDifferences() {
        check("tanh readout", TinyModels.dimensions(Readout.TANH, 6, false), 0.0, 0.0, SAMPLE);
    }

    @Test
    void maxoutReadoutMatchesFiniteDifferences() {
        check("maxout readout, label smoothing 0.1", TinyModels.dimensions(Readout.MAXOUT, 3, false), 0.1, 0.0, SAMPLE);
    }

    @Test
    void tiedEmbeddingsMatchFiniteDifferences() {
        check(
                "tied embeddings (tanh readout of size emb), label smoothing 0.1",
                TinyModels.dimensions(Readout.TANH, 4, true),
                0.1,
                0.0,
                SAMPLE);
    }

    @Test
    void dropoutWithFixedMasksMatchesFiniteDifferences() {
        check(
                "dropout 0.3 on embeddings and features, fixed masks, tanh readout",
                TinyModels.dimensions(Readout.TANH, 6, false),
                0.0,
                0.3,
                SAMPLE);
    }

    @Test
    void paddedSlotsChangeNeitherLossNorGradients() {
        Seq2SeqModel model = TinyModels.model(TinyModels.dimensions(Readout.MAXOUT, 3, false), 0.2, DataType.DOUBLE, 3);
        Batch batch = TinyModels.batch(11);
        LossResult a = model.forwardBackward(batch, 5, 0.1);
        Map<String, INDArray> gradsA = gradients(model);
        LossResult b = model.forwardBackward(TinyModels.scramblePadding(batch, 99), 5, 0.1);
        assertEquals(a.loss(), b.loss(), 0.0);
        assertEquals(a.nll(), b.nll(), 0.0);
        for (Parameter p : model.parameters().all()) {
            assertArrayEquals(
                    gradsA.get(p.name()).data().asDouble(), p.grad().data().asDouble(), 0.0, p.name());
        }
    }

    @Test
    void gradientsAreOverwrittenNotAccumulated() {
        Seq2SeqModel model = TinyModels.model(TinyModels.dimensions(Readout.TANH, 4, true), 0.0, DataType.DOUBLE, 4);
        Batch batch = TinyModels.batch(12);
        model.forwardBackward(batch, 0, 0.0);
        Map<String, INDArray> first = gradients(model);
        model.forwardBackward(batch, 0, 0.0);
        for (Parameter p : model.parameters().all()) {
            assertArrayEquals(
                    first.get(p.name()).data().asDouble(), p.grad().data().asDouble(), 1e-15, p.name());
        }
    }

    @Test
    void dropoutIsReproducibleFromItsSeed() {
        Seq2SeqModel model = TinyModels.model(TinyModels.dimensions(Readout.NONE, 0, false), 0.3, DataType.FLOAT, 5);
        Batch batch = TinyModels.batch(13);
        double first = model.forwardBackward(batch, 42, 0.0).loss();
        double again = model.forwardBackward(batch, 42, 0.0).loss();
        double other = model.forwardBackward(batch, 43, 0.0).loss();
        double none = model.loss(batch).loss();
        assertEquals(first, again, 0.0);
        assertNotEquals(first, other, "another seed, other masks");
        assertNotEquals(first, none, "dropout changes the loss");
    }

    /**
     * With dropout, the masks are drawn from a fixed seed, so the loss is a deterministic function
     * of the parameters and forwardBackward's own loss is differentiated numerically.
     */
    private static void check(String label, ModelDimensions dims, double smoothing, double dropout, int sample) {
        check(label, dims, smoothing, dropout, sample, null);
    }

    private static void check(
            String label, ModelDimensions dims, double smoothing, double dropout, int sample, AlignmentGuide guide) {
        Seq2SeqModel model = TinyModels.model(dims, dropout, DataType.DOUBLE, 1);
        Batch batch = TinyModels.batch(7);
        long seed = 17;
        LossResult result = model.forwardBackward(batch, seed, smoothing, guide);
        assertEquals(3 + 6 + 1, result.tokens(), "real target tokens");
        if (dropout == 0) {
            assertEquals(result.loss(), model.loss(batch, smoothing, guide).loss(), 1e-12, "forward-only loss");
        }
        Map<String, INDArray> analytic = gradients(model);
        DoubleSupplier objective = dropout == 0
                ? () -> model.loss(batch, smoothing, guide).meanLoss()
                : () -> model.forwardBackward(batch, seed, smoothing, guide).meanLoss();
        StringBuilder table = new StringBuilder("gradient check, " + label + ":\n");
        double worst = 0;
        for (Parameter p : model.parameters().all()) {
            double[] a = analytic.get(p.name()).data().asDouble();
            int[] coordinates = coordinates(a, sample, p.name().hashCode());
            double diff = 0;
            double normA = 0;
            double normN = 0;
            for (int i : coordinates) {
                double numeric = numericDerivative(objective, p.value(), i);
                diff += (a[i] - numeric) * (a[i] - numeric);
                normA += a[i] * a[i];
                normN += numeric * numeric;
            }
            double error = Math.sqrt(diff) / Math.max(Math.sqrt(normA) + Math.sqrt(normN), 1e-300);
            table.append(String.format(
                    "  %-14s %-9s %3d/%-3d elements  |g|=%.3e  rel.err=%.2e%n",
                    p.name(), shape(p.value()), coordinates.length, a.length, Math.sqrt(normA), error));
            assertTrue(normA > 0, p.name() + " has a zero gradient where checked");
            worst = Math.max(worst, error);
        }
        System.out.print(table);
        assertTrue(worst < TOLERANCE, "worst relative error " + worst + "\n" + table);
    }

    /** All indices when there are at most {@code sample}, else the largest |g| half and a random half. */
    private static int[] coordinates(double[] g, int sample, long seed) {
        if (g.length <= sample) {
            return IntStream.range(0, g.length).toArray();
        }
        List<Integer> byMagnitude =
                new ArrayList<>(IntStream.range(0, g.length).boxed().toList());
        byMagnitude.sort(Comparator.comparingDouble(i -> -Math.abs(g[i])));
        List<Integer> chosen = new ArrayList<>(byMagnitude.subList(0, sample / 2));
        Random random = new Random(seed);
        while (chosen.size() < sample) {
            int i = random.nextInt(g.length);
            if (!chosen.contains(i)) {
                chosen.add(i);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double numericDerivative(DoubleSupplier objective, INDArray value, int i) {
        INDArray flat = value.reshape(value.length());
        double original = flat.getDouble(i);
        flat.putScalar(i, original + STEP);
        double plus = objective.getAsDouble();
        flat.putScalar(i, original - STEP);
        double minus = objective.getAsDouble();
        flat.putScalar(i, original);
        return (plus - minus) / (2 * STEP);
    }

    private static String shape(INDArray a) {
        return Arrays.toString(a.shape()).replace(" ", "");
    }

    private static Map<String, INDArray> gradients(Seq2SeqModel model) {
        Map<String, INDArray> grads = new LinkedHashMap<>();
        for (Parameter p : model.parameters().all()) {
            grads.put(p.name(), p.grad().dup());
        }
        return grads;
    }
}
