package org.jnmt.align;

/**
 * One word-alignment link between source word {@code source} and target word {@code target}, both
 * 0-based word indices. Links sort by source index, then target index, the order Pharaoh output uses.
 */
public record Link(int source, int target) implements Comparable<Link> {

    public Link {
        if (source < 0 || target < 0) {
            throw new IllegalArgumentException("link indices must be >= 0, got " + source + "-" + target);
        }
    }

    /** The same link seen from the other translation direction. */
    public Link inverted() {
        return new Link(/* source= */ target, /* target= */ source);
    }

    @Override
    public int compareTo(Link other) {
        int bySource = Integer.compare(source, other.source);
        return bySource != 0 ? bySource : Integer.compare(target, other.target);
    }

    /** Pharaoh spelling, {@code source-target}. */
    @Override
    public String toString() {
        return source + "-" + target;
    }
}
