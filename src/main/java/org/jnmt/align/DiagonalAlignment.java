package org.jnmt.align;

import java.util.ArrayList;
import java.util.List;

/**
 * The baseline that needs no model: each target word t of J is linked to the source word at the
 * same relative position, {@code round((t + 1/2) I / J - 1/2)} of I. An aligner worse than this has
 * learnt nothing about where words go.
 */
public final class DiagonalAlignment {

    private DiagonalAlignment() {}

    /** One link per target word, sorted in Pharaoh order; none when either side is empty. */
    public static List<Link> links(int sourceWords, int targetWords) {
        List<Link> links = new ArrayList<>();
        if (sourceWords == 0) {
            return links;
        }
        for (int t = 0; t < targetWords; t++) {
            links.add(new Link((int) Math.round((t + 0.5) * sourceWords / targetWords - 0.5), t));
        }
        links.sort(null);
        return links;
    }
}
