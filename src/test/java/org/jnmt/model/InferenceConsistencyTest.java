package org.jnmt.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.jnmt.config.DecoderType;
import org.jnmt.config.Readout;
import org.jnmt.data.Batch;
import org.jnmt.data.SpecialTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The step-by-step inference API against teacher-forced decoding, and the attention weights
 * (rows sum to one over the real source positions, exactly zero over padding).
 */
@ExtendWith(SingleThreadedNd4j.class)
class InferenceConsistencyTest {

    @Test
    void stepByStepDecodingGivesTheTeacherForcedLogProbabilities() {
        for (DecoderType decoder : DecoderType.values()) {
            for (Readout readout : Readout.values()) {
                ModelDimensions dims = readout == Readout.NONE
                        ? TinyModels.dimensions(readout, 0, false, decoder)
                        : TinyModels.dimensions(readout, 4, readout == Readout.TANH, decoder);
                checkStepByStep(TinyModels.model(dims, 0.3, DataType.DOUBLE, 21), decoder + " " + readout);
            }
        }
    }

    private static void checkStepByStep(Seq2SeqModel model, String label) {
        Batch batch = TinyModels.batch(22);
        Forced forced = forceStepByStep(model, batch);
        double total = 0;
        for (int b = 0; b < batch.size(); b++) {
            double alone = model.loss(single(batch, b)).nll();
            assertEquals(alone, forced.nll[b], 1e-10 * Math.abs(alone), label + " sentence " + b);
            total += forced.nll[b];
        }
        assertEquals(model.loss(batch).nll(), total, 1e-10 * total, label + " batch");
        float[][][] teacherForced = model.attention(batch);
        for (int b = 0; b < batch.size(); b++) {
            for (int i = 0; i < batch.tgtLengths()[b]; i++) {
                assertArrayEquals(teacherForced[b][i], forced.attention[b][i], 1e-6f, label + " attention");
            }
        }
    }

    @Test
    void attentionRowsSumToOneOverRealPositionsAndPaddingGetsExactlyZero() {
        Seq2SeqModel model = TinyModels.model(TinyModels.dimensions(Readout.NONE, 0, false), 0.0, DataType.FLOAT, 23);
        Batch batch = TinyModels.batch(24);
        float[][][] weights = model.attention(batch);
        for (int b = 0; b < batch.size(); b++) {
            assertEquals(batch.tgtLengths()[b], weights[b].length);
            for (float[] row : weights[b]) {
                assertEquals(batch.srcLengths()[b], row.length);
                double sum = 0;
                for (float w : row) {
                    sum += w;
                }
                assertEquals(1.0, sum, 1e-5);
            }
        }
        EncoderState enc = model.encode(batch.src(), batch.srcLengths());
        assertEquals(5, enc.maxSrcLength(), "padded to the longest real source");
        DecoderStep step = model.step(enc, enc.initialState(), bos(batch.size()));
        float[][] alpha = step.attention().toFloatMatrix();
        for (int b = 0; b < batch.size(); b++) {
            for (int j = batch.srcLengths()[b]; j < alpha[b].length; j++) {
                assertEquals(0.0f, alpha[b][j], "padded position " + j + " of row " + b);
            }
        }
        INDArray rowSums = Transforms.exp(step.logProbs(), true).sum(1);
        for (double s : rowSums.toDoubleVector()) {
            assertEquals(1.0, s, 1e-5, "log-softmax rows");
        }
    }

    @Test
    void selectedRowsDecodeLikeTheirSentences() {
        Seq2SeqModel model =
                TinyModels.model(TinyModels.dimensions(Readout.MAXOUT, 3, false), 0.0, DataType.DOUBLE, 25);
        Batch batch = TinyModels.batch(26);
        EncoderState enc = model.encode(batch.src(), batch.srcLengths());
        int[] rows = {2, 0, 0, 1, 2};
        EncoderState beams = enc.select(rows);
        assertArrayEquals(new int[] {4, 5, 5, 2, 4}, beams.srcLengths());
        DecoderStep all = model.step(enc, enc.initialState(), bos(3));
        DecoderStep selected = model.step(beams, beams.initialState(), bos(rows.length));
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(
                    all.logProbs().getRow(rows[i]).toDoubleVector(),
                    selected.logProbs().getRow(i).toDoubleVector(),
                    1e-12);
            assertArrayEquals(
                    all.state().getRow(rows[i]).toDoubleVector(),
                    selected.state().getRow(i).toDoubleVector(),
                    1e-12);
        }
    }

    /** Per sentence: the summed -log p of the reference under step-by-step decoding, and its attention. */
    private static Forced forceStepByStep(Seq2SeqModel model, Batch batch) {
        int n = batch.size();
        EncoderState enc = model.encode(batch.src(), batch.srcLengths());
        INDArray state = enc.initialState();
        int[] tokens = bos(n);
        double[] nll = new double[n];
        float[][][] attention = new float[n][][];
        for (int b = 0; b < n; b++) {
            attention[b] = new float[batch.tgtLengths()[b]][];
        }
        for (int i = 0; i < batch.maxTgtLength(); i++) {
            DecoderStep step = model.step(enc, state, tokens);
            for (int b = 0; b < n; b++) {
                if (i < batch.tgtLengths()[b]) {
                    int y = batch.tgt()[b][i];
                    nll[b] -= step.logProbs().getDouble(b, y);
                    attention[b][i] = Arrays.copyOf(step.attention().getRow(b).toFloatVector(), batch.srcLengths()[b]);
                    tokens[b] = y;
                }
            }
            state = step.state();
        }
        return new Forced(nll, attention);
    }

    private static Batch single(Batch batch, int b) {
        return new Batch(
                new int[][] {batch.src()[b]},
                new int[] {batch.srcLengths()[b]},
                new int[][] {batch.tgt()[b]},
                new int[] {batch.tgtLengths()[b]},
                new long[] {b});
    }

    private static int[] bos(int n) {
        int[] tokens = new int[n];
        Arrays.fill(tokens, SpecialTokens.BOS);
        return tokens;
    }

    private record Forced(double[] nll, float[][][] attention) {}
}
