package org.jnmt.decode;

import org.jnmt.model.DecoderStep;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a search needs from a model: encode a batch of sources once, then advance N hypotheses by
 * one target token at a time. {@code E} is the model's encoder state (annotations, attention keys,
 * source mask) for N rows; {@link #select} gathers rows of it, so that beams can share a sentence's
 * encoding. Kept as an interface so that the searches can be tested on small hand-made models.
 *
 * @param <E> the encoder state type
 */
public interface SearchModel<E> {

    /** Encodes B sources: {@code src} [B][S] padded ids (rows end with EOS), {@code srcLengths} [B]. */
    E encode(int[][] src, int[] srcLengths);

    /** The encoder state of the given rows, in that order (rows may repeat): N = rows.length. */
    E select(E encoded, int[] rows);

    /** The decoder's initial states s_0: [N, D]. */
    INDArray initialState(E encoded);

    /**
     * One decoder step for N hypotheses: {@code state} [N, D] is s_{i-1}, {@code prevTokens} [N] is
     * y_{i-1}. The returned arrays are new; the search owns them and may close them.
     */
    DecoderStep step(E encoded, INDArray state, int[] prevTokens);

    /** The target vocabulary size V. */
    int targetVocabularySize();
}
