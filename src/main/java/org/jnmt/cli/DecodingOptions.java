package org.jnmt.cli;

import java.io.Serializable;
import org.jnmt.api.TranslationOptions;
import org.jnmt.util.UsageException;
import picocli.CommandLine.Option;

/**
 * The search options of the commands that translate; each one left out keeps the model's default
 * (the {@code testing:} section of its config). Serializable: a Spark job applies them to the
 * defaults of the model where it is loaded, on each executor.
 */
public class DecodingOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    @Option(
            names = {"-b", "--beam"},
            paramLabel = "K",
            description = "Beam size; 1 is greedy search (default: the model's testing.beam).")
    Integer beam;

    @Option(
            names = "--alpha",
            paramLabel = "A",
            description = "Length normalisation exponent: score = log p / ((5 + length) / 6)^A "
                    + "(default: testing.alpha).")
    Double alpha;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            description = "Sentences decoded together (default: testing.batch_size).")
    Integer batchSize;

    @Option(
            names = "--max-output-ratio",
            paramLabel = "R",
            description = "Cut an output at R x source tokens + 10 tokens (default: testing.max_output_ratio).")
    Double maxOutputRatio;

    @Option(
            names = "--replace-unk",
            description = "Replace each <unk> of the output by the source word it attends to most.")
    boolean replaceUnk;

    /** The model's defaults with the options given on the command line, asking for {@code nBest} outputs. */
    public TranslationOptions apply(TranslationOptions defaults, int nBest) {
        try {
            TranslationOptions options = defaults;
            if (beam != null) {
                options = options.withBeam(beam);
            }
            if (alpha != null) {
                options = options.withAlpha(alpha);
            }
            if (batchSize != null) {
                options = options.withBatchSize(batchSize);
            }
            if (maxOutputRatio != null) {
                options = options.withMaxOutputRatio(maxOutputRatio);
            }
            return options.withReplaceUnk(replaceUnk || options.replaceUnk()).withNBest(nBest);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ".");
        }
    }
}
