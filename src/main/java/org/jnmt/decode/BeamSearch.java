package org.jnmt.decode;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jnmt.data.SpecialTokens;
import org.jnmt.model.DecoderStep;
import org.jnmt.model.RowOps;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Beam search batched over sentences and beams: the K live hypotheses of every unfinished sentence
 * are advanced together, one decoder step (one output-layer GEMM) for all of them. Hypotheses are
 * ranked by GNMT's length-normalised score; a sentence is finished when K hypotheses have ended
 * with EOS (as fairseq does), or at its maximum output length. Each sentence's result depends only
 * on that sentence, not on the batch it was decoded in.
 */
public final class BeamSearch<E> {

    private final SearchModel<E> model;
    private final SearchOptions options;
    private final int beam;
    private float[] scratch = new float[0];

    public BeamSearch(SearchModel<E> model, SearchOptions options) {
        this.model = model;
        this.options = options;
        this.beam = options.beamSize();
    }

    /**
     * One step of a hypothesis's history: a linked list from the last token back to BOS;
     * {@code traceId} numbers it in a {@link BeamTrace} (ROOT when nothing is traced).
     */
    private record Node(Node parent, int token, float[] attention, double logProb, int length, int traceId) {}

    /** Decodes B sources; returns, per source, up to nBest hypotheses, best first. */
    public List<List<Hypothesis>> search(int[][] src, int[] srcLengths) {
        return search(src, srcLengths, null, null);
    }

    /**
     * Decodes B sources, the output of sentence b starting with {@code prefixes[b]} (target ids
     * without EOS; null, or a null row: no constraint), recording each step's beam in
     * {@code trace} when it is not null.
     */
    public List<List<Hypothesis>> search(int[][] src, int[] srcLengths, int[][] prefixes, BeamTrace trace) {
        int batch = src.length;
        int vocab = model.targetVocabularySize();
        List<List<Hypothesis>> finished = new ArrayList<>(batch);
        int[] maxLength = new int[batch];
        for (int b = 0; b < batch; b++) {
            finished.add(new ArrayList<>());
            maxLength[b] = options.maxOutputLength(srcLengths[b]);
        }

        // Rows are sentence-major: rows a*K .. a*K+K-1 hold the beam of sentence active[a].
        int[] active = GreedySearch.range(batch);
        E encoded = model.select(model.encode(src, srcLengths), repeatEach(active, beam));
        INDArray state = model.initialState(encoded); // [A*K, D]
        Node[] live = new Node[batch * beam]; // null: an empty slot
        for (int a = 0; a < batch; a++) {
            live[a * beam] = new Node(null, SpecialTokens.BOS, null, 0.0, 0, BeamTrace.ROOT);
        }

        while (active.length > 0) {
            int rows = active.length * beam;
            int[] previous = new int[rows];
            for (int r = 0; r < rows; r++) {
                previous[r] = live[r] == null ? SpecialTokens.PAD : live[r].token();
            }
            DecoderStep step = model.step(encoded, state, previous);
            float[] logProbs = copyToFloats(step.logProbs(), rows * vocab); // [rows * V]
            float[][] weights = step.attention().toFloatMatrix(); // [rows, S]

            int[] parentRows = new int[rows];
            Node[] nextLive = new Node[rows];
            int[] stillActive = new int[active.length];
            int activeCount = 0;
            for (int a = 0; a < active.length; a++) {
                int b = active[a];
                int[] prefix = Prefixes.of(prefixes, b);
                boolean done = advanceSentence(
                        b,
                        a,
                        logProbs,
                        vocab,
                        weights,
                        srcLengths[b],
                        maxLength[b],
                        live,
                        finished.get(b),
                        parentRows,
                        nextLive,
                        activeCount,
                        prefix,
                        trace);
                if (!done) {
                    stillActive[activeCount++] = a;
                }
            }
            GreedySearch.release(step);
            if (activeCount == 0) {
                break;
            }
            int[] gather = Arrays.copyOf(parentRows, activeCount * beam);
            if (activeCount < active.length) {
                int[] encoderRows = new int[activeCount * beam];
                int[] nextActive = new int[activeCount];
                for (int i = 0; i < activeCount; i++) {
                    nextActive[i] = active[stillActive[i]];
                    for (int k = 0; k < beam; k++) {
                        encoderRows[i * beam + k] = stillActive[i] * beam + k;
                    }
                }
                encoded = model.select(encoded, encoderRows);
                active = nextActive;
            }
            state = RowOps.selectRows(step.state(), gather);
            live = Arrays.copyOf(nextLive, activeCount * beam);
        }

        List<List<Hypothesis>> result = new ArrayList<>(batch);
        for (List<Hypothesis> list : finished) {
            list.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
            result.add(List.copyOf(list.subList(0, Math.min(options.nBest(), list.size()))));
        }
        return result;
    }

    /**
     * Expands the K hypotheses of sentence b (rows a*K..a*K+K-1) by every token, keeps the best 2K
     * candidates, finishes those that end in EOS among the first K, and writes the first K others
     * to slot {@code outSlot} of the next beam. Within {@code prefix} only its token is a candidate.
     * Returns true when the sentence is finished.
     */
    private boolean advanceSentence(
            int b,
            int a,
            float[] logProbs,
            int vocab,
            float[][] weights,
            int srcLength,
            int maxLength,
            Node[] live,
            List<Hypothesis> done,
            int[] parentRows,
            Node[] nextLive,
            int outSlot,
            int[] prefix,
            BeamTrace trace) {
        int candidates = 2 * beam;
        TopK top = new TopK(candidates);
        for (int k = 0; k < beam; k++) {
            int row = a * beam + k;
            Node node = live[row];
            if (node == null) {
                continue;
            }
            int base = row * vocab;
            if (Prefixes.isForced(prefix, node.length())) {
                top.offer(node.logProb() + logProbs[base + prefix[node.length()]], row, prefix[node.length()]);
                continue;
            }
            for (int v = 0; v < vocab; v++) {
                if (v == SpecialTokens.PAD || v == SpecialTokens.BOS) {
                    continue;
                }
                top.offer(node.logProb() + logProbs[base + v], row, v);
            }
        }
        int[] order = top.sortedDescending();
        int kept = 0;
        for (int rank = 0; rank < order.length && kept < beam; rank++) {
            int c = order[rank];
            int row = top.row(c);
            int token = top.token(c);
            Node parent = live[row];
            boolean ends = token == SpecialTokens.EOS || parent.length() + 1 >= maxLength;
            if (token == SpecialTokens.EOS && rank >= beam) {
                continue;
            }
            int traceId = trace == null
                    ? BeamTrace.ROOT
                    : trace.add(
                            b,
                            parent.length(),
                            parent.traceId(),
                            token,
                            top.score(c),
                            top.score(c) / options.lengthPenalty(parent.length() + 1),
                            ends);
            Node node = new Node(
                    parent, token, Arrays.copyOf(weights[row], srcLength), top.score(c), parent.length() + 1, traceId);
            if (ends) {
                done.add(toHypothesis(node));
            } else {
                parentRows[outSlot * beam + kept] = row;
                nextLive[outSlot * beam + kept] = node;
                kept++;
            }
        }
        if (done.size() >= beam || kept == 0) {
            return true;
        }
        for (int k = kept; k < beam; k++) { // unused slots follow a real row, marked empty
            parentRows[outSlot * beam + k] = parentRows[outSlot * beam];
            nextLive[outSlot * beam + k] = null;
        }
        return false;
    }

    private Hypothesis toHypothesis(Node last) {
        int[] tokens = new int[last.length()];
        float[][] attention = new float[last.length()][];
        for (Node n = last; n.parent() != null; n = n.parent()) {
            tokens[n.length() - 1] = n.token();
            attention[n.length() - 1] = n.attention();
        }
        return new Hypothesis(tokens, last.logProb(), last.logProb() / options.lengthPenalty(last.length()), attention);
    }

    private float[] copyToFloats(INDArray matrix, int length) {
        if (scratch.length < length) {
            scratch = new float[length];
        }
        INDArray source =
                matrix.dataType() == DataType.FLOAT && matrix.ordering() == 'c' && matrix.elementWiseStride() == 1
                        ? matrix
                        : matrix.castTo(DataType.FLOAT).dup('c');
        FloatBuffer buffer = source.data().asNioFloat();
        buffer.position((int) source.offset());
        buffer.get(scratch, 0, length);
        return scratch;
    }

    private static int[] repeatEach(int[] values, int times) {
        int[] out = new int[values.length * times];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i / times];
        }
        return out;
    }
}
