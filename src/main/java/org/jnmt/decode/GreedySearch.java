package org.jnmt.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jnmt.data.SpecialTokens;
import org.jnmt.model.DecoderStep;
import org.jnmt.model.RowOps;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Greedy decoding of a batch: at each step every unfinished sentence takes its most probable
 * token. Sentences that reach EOS (or their maximum length) leave the batch, so that the long
 * tail of a batch costs only what its longest sentences need.
 */
public final class GreedySearch<E> {

    private final SearchModel<E> model;
    private final SearchOptions options;

    public GreedySearch(SearchModel<E> model, SearchOptions options) {
        this.model = model;
        this.options = options;
    }

    /** Translates B sources ({@code src} [B][S], {@code srcLengths} [B]); one hypothesis per source. */
    public List<Hypothesis> search(int[][] src, int[] srcLengths) {
        return search(src, srcLengths, null);
    }

    /**
     * Like {@link #search(int[][], int[])}, but the output of sentence b starts with
     * {@code prefixes[b]} (target ids without EOS), forced whatever the model prefers; the search
     * goes on from there. {@code prefixes} or any of its rows may be null: no constraint.
     */
    public List<Hypothesis> search(int[][] src, int[] srcLengths, int[][] prefixes) {
        int batch = src.length;
        int[] maxLength = new int[batch];
        List<IntList> tokens = new ArrayList<>(batch);
        List<List<float[]>> attention = new ArrayList<>(batch);
        double[] logProb = new double[batch];
        for (int b = 0; b < batch; b++) {
            maxLength[b] = options.maxOutputLength(srcLengths[b]);
            tokens.add(new IntList());
            attention.add(new ArrayList<>());
        }

        E encoded = model.encode(src, srcLengths);
        INDArray state = model.initialState(encoded); // [N, D]
        int[] active = range(batch); // sentence of each row
        int[] previous = new int[batch]; // [N] y_{i-1}
        Arrays.fill(previous, SpecialTokens.BOS);

        while (active.length > 0) {
            DecoderStep step = model.step(encoded, state, previous);
            int[] best = bestTokens(step.logProbs()); // [N]
            float[][] weights = step.attention().toFloatMatrix(); // [N, S]
            int[] keep = new int[active.length];
            int kept = 0;
            for (int row = 0; row < active.length; row++) {
                int b = active[row];
                int[] prefix = Prefixes.of(prefixes, b);
                int position = tokens.get(b).size();
                int token = Prefixes.isForced(prefix, position) ? prefix[position] : best[row];
                best[row] = token;
                tokens.get(b).add(token);
                logProb[b] += step.logProbs().getDouble(row, token);
                attention.get(b).add(Arrays.copyOf(weights[row], srcLengths[b]));
                if (token != SpecialTokens.EOS && tokens.get(b).size() < maxLength[b]) {
                    keep[kept++] = row;
                }
            }
            release(step);
            if (kept == active.length) {
                state = step.state().dup();
                previous = best;
                continue;
            }
            int[] rows = Arrays.copyOf(keep, kept);
            if (kept > 0) {
                encoded = model.select(encoded, rows);
                state = RowOps.selectRows(step.state(), rows);
            }
            int[] nextActive = new int[kept];
            int[] nextPrevious = new int[kept];
            for (int i = 0; i < kept; i++) {
                nextActive[i] = active[rows[i]];
                nextPrevious[i] = best[rows[i]];
            }
            active = nextActive;
            previous = nextPrevious;
        }

        List<Hypothesis> result = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            result.add(new Hypothesis(
                    tokens.get(b).toArray(),
                    logProb[b],
                    logProb[b],
                    attention.get(b).toArray(new float[0][])));
        }
        return result;
    }

    /**
     * Decodes exactly {@code steps} tokens for every sentence, ignoring EOS: the fixed workload
     * that the benchmark times (as the PyTorch reference does). Returns the ids, [B][steps].
     */
    public int[][] decodeFixedSteps(int[][] src, int[] srcLengths, int steps) {
        E encoded = model.encode(src, srcLengths);
        INDArray state = model.initialState(encoded);
        int[] previous = new int[src.length];
        Arrays.fill(previous, SpecialTokens.BOS);
        int[][] out = new int[src.length][steps];
        for (int t = 0; t < steps; t++) {
            DecoderStep step = model.step(encoded, state, previous);
            previous = bestTokens(step.logProbs());
            for (int b = 0; b < src.length; b++) {
                out[b][t] = previous[b];
            }
            state = step.state().dup();
        }
        return out;
    }

    /**
     * The most probable token of each row [N] of {@code logProbs} [N, V], never PAD or BOS (which
     * are not outputs); ties go to the lower id, as in beam search, so that K=1 equals greedy.
     */
    private static int[] bestTokens(INDArray logProbs) {
        int[] best = Nd4j.argMax(logProbs, 1).toIntVector();
        for (int row = 0; row < best.length; row++) {
            if (best[row] == SpecialTokens.PAD || best[row] == SpecialTokens.BOS) {
                best[row] = bestOutputToken(logProbs.getRow(row));
            }
        }
        return best;
    }

    private static int bestOutputToken(INDArray row) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < row.length(); v++) {
            double value = row.getDouble(v);
            if (v != SpecialTokens.PAD && v != SpecialTokens.BOS && (best < 0 || value > bestValue)) {
                best = v;
                bestValue = value;
            }
        }
        return best;
    }

    /**
     * Frees a step's log-probabilities and attention at once (their values have been read), so that
     * native memory does not wait for the garbage collector while a long input streams through.
     */
    static void release(DecoderStep step) {
        step.logProbs().close();
        step.attention().close();
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
