package org.jnmt.decode;

import java.util.ArrayList;
import java.util.List;
import org.jnmt.data.SpecialTokens;
import org.jnmt.model.DecoderStep;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The words a model weighed at each step of a given output: the decoder is run over the output
 * (teacher forcing), and at every step the k most probable next tokens are kept with their
 * probabilities. This is what "what if" asks: which other words could have come here.
 */
public final class StepAlternatives {

    /** A candidate token with its probability p(token | source, output so far). */
    public record Candidate(int token, double probability) {}

    private StepAlternatives() {}

    /**
     * For one source ({@code src} ids ending in EOS) and its output {@code target} (ids, EOS
     * included if it ended), the top {@code k} candidates at each of the output's steps, best first.
     */
    public static <E> List<List<Candidate>> of(SearchModel<E> model, int[] src, int[] target, int k) {
        E encoded = model.encode(new int[][] {src}, new int[] {src.length});
        INDArray state = model.initialState(encoded);
        int previous = SpecialTokens.BOS;
        int vocab = model.targetVocabularySize();
        List<List<Candidate>> steps = new ArrayList<>(target.length);
        for (int token : target) {
            DecoderStep step = model.step(encoded, state, new int[] {previous});
            float[] logProbs = step.logProbs().toFloatVector();
            TopK top = new TopK(Math.min(k, vocab));
            for (int v = 0; v < vocab; v++) {
                if (v != SpecialTokens.PAD && v != SpecialTokens.BOS) {
                    top.offer(logProbs[v], 0, v);
                }
            }
            List<Candidate> candidates = new ArrayList<>(k);
            for (int c : top.sortedDescending()) {
                candidates.add(new Candidate(top.token(c), Math.exp(top.score(c))));
            }
            steps.add(candidates);
            GreedySearch.release(step);
            state = step.state();
            previous = token;
        }
        return steps;
    }
}
