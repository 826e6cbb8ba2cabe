package org.jnmt.cli;

import java.nio.file.Path;
import org.jnmt.align.Ibm2Settings;
import org.jnmt.util.UsageException;
import picocli.CommandLine.Option;

/** The options of {@code nmt align --method ibm2}; the defaults are fast_align's {@code -d -o -v}. */
class Ibm2Options {

    @Option(
            names = "--reverse",
            description = "With --method ibm2: the links of the tgt->src model instead "
                    + "(still written SRC-TGT), as fast_align -r.")
    boolean reverse;

    @Option(
            names = "--train-src",
            paramLabel = "FILE",
            description = "With --method ibm2: more source sentences "
                    + "to learn from (with --train-tgt); only --src/--tgt are aligned.")
    Path trainSource;

    @Option(names = "--train-tgt", paramLabel = "FILE", description = "Their translations, line by line.")
    Path trainTarget;

    @Option(names = "--lowercase", description = "With --method ibm2: words that differ only in case are one word.")
    boolean lowercase;

    @Option(
            names = "--iterations",
            paramLabel = "N",
            defaultValue = "4",
            description = "EM iterations (default: ${DEFAULT-VALUE}, as fast_align -I 5).")
    int iterations;

    @Option(
            names = "--p0",
            paramLabel = "P",
            defaultValue = "0.08",
            description = "Prior probability of a link to NULL (default: ${DEFAULT-VALUE}).")
    double nullProbability;

    @Option(
            names = "--tension",
            paramLabel = "LAMBDA",
            defaultValue = "4.0",
            description = "How strongly links keep to the diagonal; the starting value unless --fixed-tension "
                    + "(default: ${DEFAULT-VALUE}).")
    double tension;

    @Option(names = "--fixed-tension", description = "Keep --tension instead of learning it.")
    boolean fixedTension;

    @Option(
            names = "--alpha",
            paramLabel = "A",
            defaultValue = "0.01",
            description = "Dirichlet prior on the lexical table; 0 for plain maximum likelihood "
                    + "(default: ${DEFAULT-VALUE}).")
    double dirichletAlpha;

    /** The settings, or a usage error that names the bad option. */
    Ibm2Settings settings() {
        if (iterations < 1) {
            throw new UsageException("--iterations must be at least 1, got " + iterations + ".");
        }
        if (!(nullProbability >= 0 && nullProbability < 1)) {
            throw new UsageException("--p0 must be in [0, 1), got " + nullProbability + ".");
        }
        if (!(tension > 0) || Double.isInfinite(tension)) {
            throw new UsageException("--tension must be positive, got " + tension + ".");
        }
        if (!(dirichletAlpha >= 0) || Double.isInfinite(dirichletAlpha)) {
            throw new UsageException("--alpha must be 0 or more, got " + dirichletAlpha + ".");
        }
        return new Ibm2Settings(iterations, nullProbability, tension, true, !fixedTension, dirichletAlpha);
    }
}
