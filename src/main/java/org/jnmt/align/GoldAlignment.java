package org.jnmt.align;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A hand-made reference alignment of one sentence pair: the sure links S and the possible links P,
 * with S ⊆ P (every sure link is also possible), as Och and Ney (2003) define them.
 */
public record GoldAlignment(Set<Link> sure, Set<Link> possible) {

    /** Copies the links (sorted) and adds every sure link to the possible ones. */
    public GoldAlignment {
        TreeSet<Link> allPossible = new TreeSet<>(possible);
        allPossible.addAll(sure);
        sure = Collections.unmodifiableSet(new TreeSet<>(sure));
        possible = Collections.unmodifiableSet(allPossible);
    }

    /** A gold alignment whose links are all sure. */
    public static GoldAlignment allSure(Collection<Link> links) {
        return new GoldAlignment(Set.copyOf(links), Set.of());
    }

    /** The same alignment for the other translation direction (source and target swapped). */
    public GoldAlignment inverted() {
        return new GoldAlignment(invert(sure), invert(possible));
    }

    /**
     * Drops links that point past the end of a sentence of {@code sourceWords} and
     * {@code targetWords} words (hand-made gold files contain a few such typos).
     */
    public GoldAlignment withinBounds(int sourceWords, int targetWords) {
        return new GoldAlignment(inside(sure, sourceWords, targetWords), inside(possible, sourceWords, targetWords));
    }

    /** How many links (sure or possible) point past the end of the sentence. */
    public int outOfBounds(int sourceWords, int targetWords) {
        return possible.size() - inside(possible, sourceWords, targetWords).size();
    }

    private static Set<Link> invert(Set<Link> links) {
        return links.stream().map(Link::inverted).collect(Collectors.toSet());
    }

    private static Set<Link> inside(Set<Link> links, int sourceWords, int targetWords) {
        return links.stream()
                .filter(l -> l.source() < sourceWords && l.target() < targetWords)
                .collect(Collectors.toSet());
    }
}
