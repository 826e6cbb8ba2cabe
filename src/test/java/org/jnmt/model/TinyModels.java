package org.jnmt.model;

import java.util.Random;
import org.jnmt.config.DecoderType;
import org.jnmt.config.ModelConfig;
import org.jnmt.config.Readout;
import org.jnmt.data.Batch;
import org.jnmt.data.SpecialTokens;
import org.nd4j.linalg.api.buffer.DataType;

/** Tiny models and batches with padding on both sides, for the model tests. */
final class TinyModels {

    static final int SRC_VOCAB = 11;
    static final int TGT_VOCAB = 13;

    private TinyModels() {}

    static ModelDimensions dimensions(Readout readout, int readoutSize, boolean tied) {
        return dimensions(readout, readoutSize, tied, DecoderType.GRU);
    }

    static ModelDimensions dimensions(Readout readout, int readoutSize, boolean tied, DecoderType decoder) {
        return new ModelDimensions(SRC_VOCAB, TGT_VOCAB, 4, 3, 5, 4, readout, readoutSize, tied, decoder);
    }

    static ModelConfig options(double embDropout, double outDropout) {
        ModelConfig c = new ModelConfig();
        c.embDropout = embDropout;
        c.outDropout = outDropout;
        c.initScale = 1.0;
        return c;
    }

    static Seq2SeqModel model(ModelDimensions dims, double dropout, DataType type, long seed) {
        Seq2SeqModel m = new Seq2SeqModel(dims, options(dropout, dropout), type);
        m.initialize(seed);
        return m;
    }

    /**
     * Three pairs with source lengths 5, 2, 4 (padded to 6) and target lengths 3, 6, 1 (padded to 7):
     * padding on both sides, and the longest source is not the longest target.
     */
    static Batch batch(long seed) {
        return batch(seed, new int[] {5, 2, 4}, 6, new int[] {3, 6, 1}, 7, SRC_VOCAB, TGT_VOCAB);
    }

    static Batch batch(
            long seed, int[] srcLengths, int srcWidth, int[] tgtLengths, int tgtWidth, int srcVocab, int tgtVocab) {
        Random random = new Random(seed);
        return new Batch(
                rows(random, srcLengths, srcWidth, srcVocab),
                srcLengths.clone(),
                rows(random, tgtLengths, tgtWidth, tgtVocab),
                tgtLengths.clone(),
                new long[srcLengths.length]);
    }

    /** Random word ids (never special) ending with EOS, then PAD. */
    static int[][] rows(Random random, int[] lengths, int width, int vocab) {
        int[][] ids = new int[lengths.length][width];
        for (int b = 0; b < lengths.length; b++) {
            for (int j = 0; j < lengths[b] - 1; j++) {
                ids[b][j] = 4 + random.nextInt(vocab - 4);
            }
            ids[b][lengths[b] - 1] = SpecialTokens.EOS;
        }
        return ids;
    }

    /** The same batch with random ids in every padded slot. */
    static Batch scramblePadding(Batch batch, long seed) {
        Random random = new Random(seed);
        return new Batch(
                scramble(batch.src(), batch.srcLengths(), random, SRC_VOCAB),
                batch.srcLengths(),
                scramble(batch.tgt(), batch.tgtLengths(), random, TGT_VOCAB),
                batch.tgtLengths(),
                batch.indices());
    }

    private static int[][] scramble(int[][] ids, int[] lengths, Random random, int vocab) {
        int[][] out = new int[ids.length][];
        for (int b = 0; b < ids.length; b++) {
            out[b] = ids[b].clone();
            for (int j = lengths[b]; j < out[b].length; j++) {
                out[b][j] = random.nextInt(vocab);
            }
        }
        return out;
    }
}
