package org.jnmt.api;

import java.util.ArrayList;
import java.util.List;
import org.jnmt.data.Vocabulary;
import org.jnmt.decode.BeamTrace;
import org.jnmt.decode.StepAlternatives;

/**
 * One sentence laid open, what the attention explorer shows: the n-best translations, the beam
 * search as a tree, and the words the model weighed at each step of the best translation.
 *
 * @param translations the n-best translations, best first
 * @param beam         per step, the hypotheses kept in the beam or finished there, best first
 * @param alternatives per target token of the best translation, the top-k tokens the model
 *                     weighed at that step, most probable first
 */
public record Exploration(
        List<Translation> translations, List<List<BeamNode>> beam, List<List<Alternative>> alternatives) {

    /**
     * A hypothesis of the beam at one step.
     *
     * @param id       its number (0 is the start, which is not listed)
     * @param parent   the number of the hypothesis it extends
     * @param token    the target token (subword) it added
     * @param logProb  the log-probability of its tokens so far
     * @param score    its ranking score (length-normalised)
     * @param finished true when it ended at this step
     */
    public record BeamNode(int id, int parent, String token, double logProb, double score, boolean finished) {}

    /** A token the model weighed at a step, with its probability. */
    public record Alternative(String token, double probability) {}

    static Exploration of(
            List<Translation> translations,
            List<List<BeamTrace.Entry>> steps,
            List<List<StepAlternatives.Candidate>> candidates,
            Vocabulary vocabulary) {
        List<List<BeamNode>> beam = new ArrayList<>(steps.size());
        for (List<BeamTrace.Entry> step : steps) {
            List<BeamNode> nodes = new ArrayList<>(step.size());
            for (BeamTrace.Entry e : step) {
                nodes.add(new BeamNode(
                        e.id(), e.parent(), vocabulary.token(e.token()), e.logProb(), e.score(), e.finished()));
            }
            beam.add(nodes);
        }
        List<List<Alternative>> alternatives = new ArrayList<>(candidates.size());
        for (List<StepAlternatives.Candidate> step : candidates) {
            List<Alternative> list = new ArrayList<>(step.size());
            for (StepAlternatives.Candidate c : step) {
                list.add(new Alternative(vocabulary.token(c.token()), c.probability()));
            }
            alternatives.add(list);
        }
        return new Exploration(translations, beam, alternatives);
    }
}
