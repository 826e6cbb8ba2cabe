package org.jnmt.model;

import org.jnmt.data.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Guided alignment (Chen et al. 2016, "Guided Alignment Training for Topic-Aware Neural Machine
 * Translation"; Garg et al. 2019; Marian's {@code --guided-alignment} with its "ce" cost): a second
 * cost that pulls each attention row towards a given word alignment while the model learns to
 * translate. For a target position i with links, {@code a_i} is its alignment row normalised to sum
 * 1 (the target EOS is always linked to the source EOS), and the cost is
 * <pre>
 *   weight * sum_i CE(a_i, alpha_i) = -weight * sum_i sum_j a_ij log alpha_ij,
 * </pre>
 * added to the batch's summed token loss, so that it is averaged over the target tokens with it.
 * Positions without links cost nothing. Since {@code alpha_i = softmax(e_i)}, its gradient with
 * respect to the energies is {@code weight * (alpha_ij - a_ij)} on a row with links.
 *
 * @param weight the cost's weight ({@code training.guided_alignment})
 * @param links  per batch row, its links as flat (source position, target position) pairs over the
 *               subword positions of the pair, EOS excluded
 */
public record AlignmentGuide(double weight, int[][] links) {

    /** Attention weights that underflowed to 0 count as this in the cost's logarithm. */
    private static final double SMALLEST = 1e-30;

    public AlignmentGuide {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("the guided-alignment weight must be positive, not " + weight);
        }
    }

    /**
     * The cost of a teacher-forced batch, and its gradient.
     *
     * @param packing   the batch's target positions
     * @param weights   [N, S] the attention weights of the packed positions
     * @param dEnergies [N, S] zeros on entry; on return {@code scale} times the cost's gradient with
     *                  respect to the energies
     * @return the cost (unscaled)
     */
    double apply(Batch batch, LengthPacking packing, INDArray weights, INDArray dEnergies, double scale) {
        if (links.length != batch.size()) {
            throw new IllegalArgumentException(links.length + " alignments for a batch of " + batch.size());
        }
        Elements alpha = Elements.of(weights);
        Elements d = Elements.of(dEnergies);
        int width = Math.toIntExact(weights.size(1));
        double cost = 0;
        for (int b = 0; b < batch.size(); b++) {
            int srcLength = batch.srcLengths()[b];
            double[][] rows = rows(b, srcLength, batch.tgtLengths()[b]);
            int slot = packing.slotOf(b);
            for (int t = 0; t < rows.length; t++) {
                double sum = 0;
                for (double v : rows[t]) {
                    sum += v;
                }
                if (sum == 0) {
                    continue;
                }
                int base = (packing.offset(t) + slot) * width;
                for (int j = 0; j < srcLength; j++) {
                    double target = rows[t][j] / sum;
                    double a = alpha.get(base + j);
                    if (target > 0) {
                        cost -= target * Math.log(Math.max(a, SMALLEST));
                    }
                    d.set(base + j, scale * weight * (a - target));
                }
            }
        }
        return weight * cost;
    }

    /** [tgtLength][srcLength] the link counts of batch row b, EOS to EOS included. */
    private double[][] rows(int b, int srcLength, int tgtLength) {
        double[][] rows = new double[tgtLength][srcLength];
        rows[tgtLength - 1][srcLength - 1] = 1;
        int[] pairs = links[b];
        for (int p = 0; p + 1 < pairs.length; p += 2) {
            int source = pairs[p];
            int target = pairs[p + 1];
            if (source < 0 || source >= srcLength - 1 || target < 0 || target >= tgtLength - 1) {
                throw new IllegalArgumentException("batch row " + b + ": link " + source + "-" + target
                        + " is outside its " + (srcLength - 1) + " source and " + (tgtLength - 1) + " target tokens");
            }
            rows[target][source] += 1;
        }
        return rows;
    }
}
