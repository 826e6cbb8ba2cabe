package org.jnmt.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of one inference step of the decoder for N hypotheses (fresh arrays, owned by the caller).
 *
 * @param logProbs  [N, V] log p(y_i | y_&lt;i, x), a log-softmax over the target vocabulary
 * @param state     [N, D] the new decoder states s_i (pass them to the next step)
 * @param attention [N, S] the attention weights alpha_i over the source positions (0 at padding)
 */
public record DecoderStep(INDArray logProbs, INDArray state, INDArray attention) {}
