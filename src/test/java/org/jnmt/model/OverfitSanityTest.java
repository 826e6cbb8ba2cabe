package org.jnmt.model;

import org.jnmt.config.ModelConfig;
import org.jnmt.data.Batch;
import org.jnmt.model.ParameterSet.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model can memorise a handful of pairs (reversal) with a minimal Adam loop, in FLOAT. */
@ExtendWith(SingleThreadedNd4j.class)
class OverfitSanityTest {

    @Test
    void lossDropsOnAHandfulOfPairs() {
        ModelConfig options = new ModelConfig();
        options.embDropout = 0.0;
        options.outDropout = 0.0;
        options.initScale = 0.1;
        ModelDimensions dims = new ModelDimensions(12, 12, 16, 16, 16, 16, Readout.NONE, 0, false);
        Seq2SeqModel model = new Seq2SeqModel(dims, options, DataType.FLOAT);
        model.initialize(7);
        Batch batch = reversalBatch();
        Adam adam = new Adam(model.parameters(), 0.02);
        double first = model.loss(batch).meanNll();
        double last = first;
        for (int step = 0; step < 100; step++) {
            last = model.forwardBackward(batch, step, 0.0).meanNll();
            adam.step();
        }
        double end = model.loss(batch).meanNll();
        assertTrue(end < 0.1 * first, "loss from " + first + " to " + end + " (last training " + last + ")");
    }

    /** Six pairs of random length whose target is the reversed source. */
    private static Batch reversalBatch() {
        int[][] words = {{4, 5, 6, 7}, {8, 9}, {10, 11, 4}, {5, 7, 9, 11, 6}, {6}, {11, 10, 9}};
        int width = 6;
        int[][] src = new int[words.length][width];
        int[][] tgt = new int[words.length][width];
        int[] lengths = new int[words.length];
        for (int b = 0; b < words.length; b++) {
            int n = words[b].length;
            for (int j = 0; j < n; j++) {
                src[b][j] = words[b][j];
                tgt[b][j] = words[b][n - 1 - j];
            }
            src[b][n] = 3;
            tgt[b][n] = 3;
            lengths[b] = n + 1;
        }
        return new Batch(src, lengths, tgt, lengths.clone(), new long[words.length]);
    }

    /** Plain Adam (Kingma and Ba 2015), only for this test. */
    private static final class Adam {
        private final List<Parameter> params;
        private final List<INDArray> first = new ArrayList<>();
        private final List<INDArray> second = new ArrayList<>();
        private final double rate;
        private int t;

        Adam(ParameterSet set, double rate) {
            this.params = set.all();
            this.rate = rate;
            for (Parameter p : params) {
                first.add(p.value().like());
                second.add(p.value().like());
            }
        }

        void step() {
            t++;
            double b1 = 0.9;
            double b2 = 0.999;
            double correction = Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int i = 0; i < params.size(); i++) {
                INDArray g = params.get(i).grad();
                INDArray m = first.get(i).muli(b1).addi(g.mul(1 - b1));
                INDArray v = second.get(i).muli(b2).addi(g.mul(g).muli(1 - b2));
                params.get(i).value().subi(m.mul(rate * correction).divi(Transforms.sqrt(v, true).addi(1e-8)));
            }
        }
    }
}
