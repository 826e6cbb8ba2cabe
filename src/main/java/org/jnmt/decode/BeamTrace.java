package org.jnmt.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * What a beam search kept at each step, for showing the search as a tree (as Seq2Seq-Vis does,
 * Strobelt et al. 2018): per sentence and step, the hypotheses that stayed in the beam and those
 * that finished there, each linked to its parent. Hypothesis 0 of a sentence is the start (BOS).
 * Only filled when asked for, so that ordinary searches pay nothing.
 */
public final class BeamTrace {

    /** The root every sentence's tree grows from. */
    public static final int ROOT = 0;

    /**
     * One hypothesis at one step.
     *
     * @param id       its number within the sentence (ROOT is the start)
     * @param parent   the number of the hypothesis it extends
     * @param token    the target id it added
     * @param logProb  the log-probability of its tokens so far
     * @param score    the ranking score (log-probability over the GNMT length penalty)
     * @param finished true when it ended here (EOS, or the maximum length)
     */
    public record Entry(int id, int parent, int token, double logProb, double score, boolean finished) {}

    private final List<List<List<Entry>>> steps = new ArrayList<>();
    private final int[] nextId;

    public BeamTrace(int sentences) {
        nextId = new int[sentences];
        for (int b = 0; b < sentences; b++) {
            steps.add(new ArrayList<>());
            nextId[b] = ROOT + 1;
        }
    }

    /** Records a hypothesis of sentence b at step {@code step} (0-based); returns its id. */
    int add(int b, int step, int parent, int token, double logProb, double score, boolean finished) {
        List<List<Entry>> sentence = steps.get(b);
        while (sentence.size() <= step) {
            sentence.add(new ArrayList<>());
        }
        int id = nextId[b]++;
        sentence.get(step).add(new Entry(id, parent, token, logProb, score, finished));
        return id;
    }

    /** Sentence b's steps, each the hypotheses kept or finished there, best first. */
    public List<List<Entry>> steps(int b) {
        return steps.get(b);
    }
}
