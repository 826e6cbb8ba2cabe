package org.jnmt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jnmt.align.Link;
import org.jnmt.align.Symmetrization;
import org.jnmt.align.WordAttention;
import org.jnmt.api.Translation;
import org.jnmt.api.Translator;
import org.jnmt.util.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code --reverse-model} and {@code --symmetrize}: the model of the other translation direction,
 * and how the links of the two directions are combined ({@code nmt align}, {@code nmt attention}).
 */
class SymmetrizeOptions {

    @Option(
            names = "--reverse-model",
            paramLabel = "DIR",
            description = "A model of the other direction (tgt->src). It forced-decodes each source sentence "
                    + "given its translation; its links, turned round, are combined with -m's by --symmetrize.")
    Path reverseModelDir;

    @Option(
            names = "--symmetrize",
            paramLabel = "HEURISTIC",
            description = "Combine the links of both directions with one of ${COMPLETION-CANDIDATES} (as Moses "
                    + "and atools define them); with -m, the other direction is --reverse-model's.")
    Symmetrization heuristic;

    @Option(
            names = "--average",
            description = "Read both directions' links from the mean of the two models' attention instead of "
                    + "each from its own, then combine them with --symmetrize (with intersect: each link is "
                    + "the largest mean of its target word's row and of its source word's column).")
    boolean average;

    /** For a command that reads -m's attention: --reverse-model and --symmetrize go together. */
    void checkWithModel() {
        if (heuristic != null && reverseModelDir == null) {
            throw new UsageException("--symmetrize combines the attention of two models: give the model of the "
                    + "other direction (tgt->src) with --reverse-model DIR.");
        }
        if (average && reverseModelDir == null) {
            throw new UsageException("--average takes the mean of two models' attention: give the model of the "
                    + "other direction with --reverse-model DIR and --symmetrize HEURISTIC.");
        }
        if (reverseModelDir != null && heuristic == null) {
            throw new UsageException("--reverse-model needs --symmetrize HEURISTIC, to say how the two directions' "
                    + "links are combined.");
        }
    }

    /** The tgt->src model, or null when there is none. */
    Translator loadReverse(int threads) {
        return reverseModelDir == null ? null : ModelOption.load(reverseModelDir, threads);
    }

    /**
     * For each src->tgt translation (its own or forced), the links that the heuristic keeps of its
     * attention and of the tgt->src model's forced decoding of its source given its text, each
     * direction's links read with {@code threshold} ({@link WordAttention#alignment}), from the mean
     * of both directions' attention with {@code --average}.
     */
    List<Set<Link>> symmetrized(Translator reverse, List<Translation> translations, double threshold) {
        List<String> texts = translations.stream().map(Translation::text).toList();
        List<String> sources = translations.stream().map(Translation::source).toList();
        List<Translation> reversed = reverse.forceDecode(texts, sources);
        List<Set<Link>> links = new ArrayList<>(translations.size());
        for (int i = 0; i < translations.size(); i++) {
            WordAttention forward = translations.get(i).wordAttention();
            WordAttention backward = reversed.get(i).wordAttention();
            links.add(
                    average
                            ? heuristic.applyToMean(forward, backward, threshold)
                            : heuristic.apply(forward, backward, threshold));
        }
        return links;
    }

    /** The legend line of heatmaps that outline the symmetrised links. */
    String legend() {
        return "Outlined: the word links that " + heuristic + " keeps of both directions' attention (-m and "
                + "--reverse-model" + (average ? ", each read from their mean" : "") + ").";
    }
}
