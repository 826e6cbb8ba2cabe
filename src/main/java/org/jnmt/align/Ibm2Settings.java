package org.jnmt.align;

/**
 * The training settings of {@link Ibm2Trainer}, named after fast_align's options.
 *
 * @param iterations      EM iterations (fast_align {@code -I}, whose last pass only aligns: its
 *                        {@code -I 5} is 4 here)
 * @param nullProbability p0, the prior probability that a target word aligns to NULL ({@code -p})
 * @param tension         λ, how strongly links keep to the diagonal; the starting value when it is
 *                        optimised ({@code -T})
 * @param favorDiagonal   the diagonal prior of {@link DiagonalPrior} ({@code -d}); without it, IBM
 *                        Model 1: every source word and NULL are equally likely a priori
 * @param optimizeTension re-estimate λ after each EM iteration ({@code -o})
 * @param dirichletAlpha  α of the Dirichlet prior on the lexical table ({@code -v -a}); 0 for plain
 *                        maximum likelihood
 */
public record Ibm2Settings(
        int iterations,
        double nullProbability,
        double tension,
        boolean favorDiagonal,
        boolean optimizeTension,
        double dirichletAlpha) {

    /** fast_align's recommended {@code -d -o -v} with its defaults: -I 5, p0 0.08, λ 4, α 0.01. */
    public static final Ibm2Settings FAST_ALIGN = new Ibm2Settings(4, 0.08, 4.0, true, true, 0.01);

    public Ibm2Settings {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (!(nullProbability >= 0 && nullProbability < 1)) {
            throw new IllegalArgumentException("the NULL probability must be in [0, 1), got " + nullProbability);
        }
        if (!(tension > 0) || Double.isInfinite(tension)) {
            throw new IllegalArgumentException("the tension must be positive, got " + tension);
        }
        if (!(dirichletAlpha >= 0) || Double.isInfinite(dirichletAlpha)) {
            throw new IllegalArgumentException("the Dirichlet alpha must be >= 0, got " + dirichletAlpha);
        }
    }
}
