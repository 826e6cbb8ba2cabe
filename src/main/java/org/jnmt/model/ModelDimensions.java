package org.jnmt.model;

import org.jnmt.config.DecoderType;
import org.jnmt.config.ModelConfig;
import org.jnmt.config.Readout;
import org.jnmt.util.NmtException;

/**
 * The architecture of a model: what a checkpoint must match.
 *
 * @param srcVocab       Vs, source vocabulary size (special tokens included)
 * @param tgtVocab       Vt, target vocabulary size
 * @param emb            E, embedding size of both languages
 * @param encHidden      H, hidden size of each encoder direction (annotations are 2H)
 * @param decHidden      D, decoder state size
 * @param attn           A, attention hidden size
 * @param readout        the optional readout layer
 * @param readoutSize    R, its output size (ignored without readout)
 * @param tiedEmbeddings whether the output projection is the target embedding matrix (needs R = E)
 * @param decoder        where the decoder queries the attention
 */
public record ModelDimensions(
        int srcVocab,
        int tgtVocab,
        int emb,
        int encHidden,
        int decHidden,
        int attn,
        Readout readout,
        int readoutSize,
        boolean tiedEmbeddings,
        DecoderType decoder) {

    public ModelDimensions {
        positive("the source vocabulary size", srcVocab);
        positive("the target vocabulary size", tgtVocab);
        positive("model.emb", emb);
        positive("model.enc_hidden", encHidden);
        positive("model.dec_hidden", decHidden);
        positive("model.attn", attn);
        if (readout != Readout.NONE) {
            positive("model.readout_size", readoutSize);
        }
        if (decoder == null) {
            throw new NmtException("model.decoder must be gru or cgru, not null.");
        }
        if (tgtVocab < 3) {
            throw new NmtException(
                    "The target vocabulary must hold more than PAD and one other token, not " + tgtVocab + ".");
        }
        if (tiedEmbeddings && (readout == Readout.NONE || readoutSize != emb)) {
            throw new NmtException("model.tied_embeddings needs a readout layer (tanh or maxout) whose readout_size"
                    + " equals emb (" + emb + ").");
        }
    }

    /** The sizes of a config's {@code model:} section with the vocabulary sizes of the data. */
    public static ModelDimensions of(ModelConfig config, int srcVocab, int tgtVocab) {
        return new ModelDimensions(
                srcVocab,
                tgtVocab,
                config.emb,
                config.encHidden,
                config.decHidden,
                config.attn,
                config.readout,
                config.readoutSize,
                config.tiedEmbeddings,
                config.decoder);
    }

    private static void positive(String what, int value) {
        if (value <= 0) {
            throw new NmtException(what + " must be positive, not " + value + ".");
        }
    }
}
