package org.jnmt.bench;

import org.jnmt.config.DecoderType;

/**
 * The sizes of a benchmark run; the defaults are those of ../shared/bench/torch_reference.py, so
 * that both measure the same work.
 */
public record BenchSizes(
        int vocab,
        int emb,
        int encHidden,
        int decHidden,
        int attn,
        DecoderType decoder,
        int batch,
        int srcLen,
        int tgtLen,
        int warmup,
        int steps) {

    /**
     * Multiply-adds of one teacher-forced forward pass over {@code tokens} real target tokens, GEMMs
     * only (the elementwise work is small beside them); a training step costs about three times this.
     */
    public double forwardFlops(long tokens) {
        double b = batch;
        double h3 = 3.0 * encHidden;
        double d3 = 3.0 * decHidden;
        double annotations = 2.0 * encHidden;
        double feature = decHidden + annotations + emb;
        double encoder = 2 * (b * srcLen * emb * h3 + b * srcLen * encHidden * h3); // both directions
        double init = b * annotations * decHidden;
        double keys = b * srcLen * annotations * attn;
        double decoderStep = b * decHidden * attn // W_a s
                + b * srcLen * attn // v^T tanh(.)
                + b * srcLen * annotations // context
                + b * (emb + annotations) * d3
                + b * decHidden * d3 // GRU
                + (decoder == DecoderType.CGRU ? b * decHidden * d3 : 0); // the second transition's W_hh
        double output = (double) tokens * feature * vocab;
        return 2 * (encoder + init + keys + tgtLen * decoderStep + output);
    }
}
