package org.jnmt.decode;

import org.jnmt.model.DecoderStep;
import org.jnmt.model.EncoderState;
import org.jnmt.model.Seq2SeqModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The seq2seq model seen by the searches. */
public final class ModelSearch implements SearchModel<EncoderState> {

    private final Seq2SeqModel model;

    public ModelSearch(Seq2SeqModel model) {
        this.model = model;
    }

    @Override
    public EncoderState encode(int[][] src, int[] srcLengths) {
        return model.encode(src, srcLengths);
    }

    @Override
    public EncoderState select(EncoderState encoded, int[] rows) {
        return encoded.select(rows);
    }

    @Override
    public INDArray initialState(EncoderState encoded) {
        return encoded.initialState();
    }

    @Override
    public DecoderStep step(EncoderState encoded, INDArray state, int[] prevTokens) {
        return model.step(encoded, state, prevTokens);
    }

    @Override
    public int targetVocabularySize() {
        return model.dimensions().tgtVocab();
    }
}
