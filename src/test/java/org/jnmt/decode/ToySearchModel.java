package org.jnmt.decode;

import java.util.Arrays;
import java.util.Random;
import org.jnmt.data.SpecialTokens;
import org.jnmt.model.DecoderStep;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A deterministic stand-in for the seq2seq model: the next-token distribution is a fixed random
 * function of (source sentence, previous token, step), the state [N, 1] counts steps, and the
 * attention is uniform over the real source positions. Enough to test search mechanics exactly.
 */
final class ToySearchModel implements SearchModel<ToySearchModel.Encoded> {

    record Encoded(int[][] src, int[] lengths) {}

    private final int vocab;
    private final float[][] table; // [R, V] log-probabilities

    ToySearchModel(int vocab, long seed) {
        this.vocab = vocab;
        Random random = new Random(seed);
        table = new float[97][vocab];
        for (float[] row : table) {
            double sum = 0;
            double[] p = new double[vocab];
            for (int v = 0; v < vocab; v++) {
                p[v] = Math.exp(3 * random.nextGaussian());
                sum += p[v];
            }
            for (int v = 0; v < vocab; v++) {
                row[v] = (float) Math.log(p[v] / sum);
            }
        }
    }

    @Override
    public Encoded encode(int[][] src, int[] srcLengths) {
        return new Encoded(src, srcLengths);
    }

    @Override
    public Encoded select(Encoded e, int[] rows) {
        int[][] src = new int[rows.length][];
        int[] lengths = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            src[i] = e.src()[rows[i]];
            lengths[i] = e.lengths()[rows[i]];
        }
        return new Encoded(src, lengths);
    }

    @Override
    public INDArray initialState(Encoded e) {
        return Nd4j.zeros(DataType.FLOAT, e.src().length, 1);
    }

    @Override
    public DecoderStep step(Encoded e, INDArray state, int[] prevTokens) {
        int n = prevTokens.length;
        int width = e.src()[0].length;
        float[][] logProbs = new float[n][];
        float[][] attention = new float[n][width];
        for (int r = 0; r < n; r++) {
            int t = (int) state.getDouble(r, 0);
            int key = Math.floorMod(
                    Arrays.hashCode(Arrays.copyOf(e.src()[r], e.lengths()[r])) * 31 + prevTokens[r] * 7 + t * 13,
                    table.length);
            logProbs[r] = table[key].clone();
            Arrays.fill(attention[r], 0, e.lengths()[r], 1f / e.lengths()[r]);
        }
        return new DecoderStep(Nd4j.create(logProbs), state.add(1), Nd4j.create(attention));
    }

    @Override
    public int targetVocabularySize() {
        return vocab;
    }

    static int[][] randomSources(int count, int maxLength, int vocab, long seed) {
        Random random = new Random(seed);
        int[][] out = new int[count][];
        for (int i = 0; i < count; i++) {
            int length = 1 + random.nextInt(maxLength);
            out[i] = new int[length];
            for (int j = 0; j < length - 1; j++) {
                out[i][j] = 4 + random.nextInt(vocab - 4);
            }
            out[i][length - 1] = SpecialTokens.EOS;
        }
        return out;
    }
}
