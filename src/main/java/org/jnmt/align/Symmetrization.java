package org.jnmt.align;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Heuristics that combine the alignments of the two translation directions into one, as Moses
 * ({@code -alignment}) and fast_align's {@code atools -c} name them (Och and Ney 2003, section 4.1;
 * Koehn, Och and Marcu 2003). Both inputs are in source-target orientation: {@code forward} from
 * the src→tgt model (each target word has at most one link), {@code backward} from the tgt→src
 * model with its links turned round (each source word has at most one link).
 */
public enum Symmetrization {

    /** Links both directions agree on: high precision. */
    INTERSECT("intersect") {
        @Override
        public Set<Link> apply(Collection<Link> forward, Collection<Link> backward) {
            Set<Link> links = new TreeSet<>(forward);
            links.retainAll(Set.copyOf(backward));
            return links;
        }
    },

    /** Links of either direction: high recall. */
    UNION("union") {
        @Override
        public Set<Link> apply(Collection<Link> forward, Collection<Link> backward) {
            Set<Link> links = new TreeSet<>(forward);
            links.addAll(backward);
            return links;
        }
    },

    /**
     * The intersection, grown by union links next to a link already kept (the 8 neighbours,
     * diagonals included) that cover a word still unaligned on one side, pass after pass in
     * source-then-target order until none is added; then ("final-and") the links of each direction
     * whose source and target words are both still unaligned, forward first.
     */
    GROW_DIAG_FINAL_AND("grow-diag-final-and") {
        @Override
        public Set<Link> apply(Collection<Link> forward, Collection<Link> backward) {
            return new GrowDiagFinalAnd(forward, backward).links();
        }
    };

    private final String spelling;

    Symmetrization(String spelling) {
        this.spelling = spelling;
    }

    /** The two directions' links combined, sorted. */
    public abstract Set<Link> apply(Collection<Link> forward, Collection<Link> backward);

    /**
     * The hard alignments of one sentence pair's attention in both directions combined, as the
     * attention-based aligners do (Garg et al. 2019; Zenkel et al. 2020): {@code forward}
     * from the src→tgt model, {@code backward} from the tgt→src model forced-decoding the source
     * given the target, its links turned round.
     */
    public Set<Link> apply(WordAttention forward, WordAttention backward) {
        return apply(forward, backward, 0);
    }

    /** As {@link #apply(WordAttention, WordAttention)}, each direction's links read with {@link WordAttention#alignment}. */
    public Set<Link> apply(WordAttention forward, WordAttention backward, double threshold) {
        return apply(forward.alignment(threshold), backward.invertedAlignment(threshold));
    }

    /**
     * As {@link #apply(WordAttention, WordAttention, double)}, but each direction's links are read
     * from the mean of both matrices ({@link WordAttention#averagedWith}) instead of from its own:
     * with hard links, intersect keeps a link when it is the largest mean both of its target
     * word's row and of its source word's column. A link one direction holds weakly then survives
     * where the other holds it strongly, which combining each direction's own links cannot see.
     */
    public Set<Link> applyToMean(WordAttention forward, WordAttention backward, double threshold) {
        // backward.averagedWith(forward) is the mean turned round: the same sums, in tgt→src orientation.
        return apply(forward.averagedWith(backward), backward.averagedWith(forward), threshold);
    }

    /** The name on the command line and in Moses and atools. */
    @Override
    public String toString() {
        return spelling;
    }
}
