package org.jnmt.config;

/** The {@code model:} section: sizes and options of the encoder-decoder. Defaults suit a 2-core CPU. */
public class ModelConfig {

    /** Embedding size of source and target words. */
    public int emb = 256;
    /** Hidden size of each direction of the bidirectional GRU encoder (annotations are 2x this). */
    public int encHidden = 256;
    /** Hidden size of the GRU decoder. */
    public int decHidden = 512;
    /** Size of the additive attention's hidden layer. */
    public int attn = 256;
    /** The decoder: "gru" (the paper's order, attention queried by s_{i-1}) or "cgru" (conditional GRU). */
    public DecoderType decoder = DecoderType.GRU;
    /**
     * Optional readout layer between [s_i; c_i; E y_{i-1}] and the vocabulary: "none", "tanh" or
     * "maxout" (Bahdanau et al. 2015, appendix A.2.2).
     */
    public Readout readout = Readout.NONE;
    /** Size of the readout layer (for maxout: its output size, with pieces of 2). */
    public int readoutSize = 512;
    /** Dropout on source and target embeddings. */
    public double embDropout = 0.3;
    /** Dropout on the features before the output layer. */
    public double outDropout = 0.3;
    /** Share the target embedding matrix with the output layer (needs readout size == emb). */
    public boolean tiedEmbeddings = false;
    /** Scale of the uniform initialisation U(-s, s) of the weights. */
    public double initScale = 0.1;
}
