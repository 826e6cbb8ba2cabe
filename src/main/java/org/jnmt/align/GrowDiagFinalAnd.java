package org.jnmt.align;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The state of one {@link Symmetrization#GROW_DIAG_FINAL_AND} run: the links kept so far and the words they cover. */
final class GrowDiagFinalAnd {

    private static final int[][] NEIGHBOURS = {{-1, 0}, {0, -1}, {1, 0}, {0, 1}, {-1, -1}, {-1, 1}, {1, -1}, {1, 1}};

    private final Set<Link> kept = new TreeSet<>();
    private final boolean[] sourceAligned;
    private final boolean[] targetAligned;

    GrowDiagFinalAnd(Collection<Link> forward, Collection<Link> backward) {
        Set<Link> union = Symmetrization.UNION.apply(forward, backward);
        sourceAligned = new boolean[union.stream().mapToInt(Link::source).max().orElse(-1) + 1];
        targetAligned = new boolean[union.stream().mapToInt(Link::target).max().orElse(-1) + 1];
        Symmetrization.INTERSECT.apply(forward, backward).forEach(this::keep);
        grow(union);
        finalAnd(new TreeSet<>(forward));
        finalAnd(new TreeSet<>(backward));
    }

    Set<Link> links() {
        return kept;
    }

    private void grow(Set<Link> union) {
        List<Link> candidates = new ArrayList<>(union);
        candidates.removeAll(kept);
        boolean added = true;
        while (added) {
            added = false;
            for (Iterator<Link> it = candidates.iterator(); it.hasNext(); ) {
                Link link = it.next();
                if (!(sourceAligned[link.source()] && targetAligned[link.target()]) && nextToKept(link)) {
                    keep(link);
                    it.remove();
                    added = true;
                }
            }
        }
    }

    private void finalAnd(Set<Link> direction) {
        for (Link link : direction) {
            if (!sourceAligned[link.source()] && !targetAligned[link.target()]) {
                keep(link);
            }
        }
    }

    private boolean nextToKept(Link link) {
        for (int[] step : NEIGHBOURS) {
            int source = link.source() + step[0];
            int target = link.target() + step[1];
            if (source >= 0 && target >= 0 && kept.contains(new Link(source, target))) {
                return true;
            }
        }
        return false;
    }

    private void keep(Link link) {
        kept.add(link);
        sourceAligned[link.source()] = true;
        targetAligned[link.target()] = true;
    }
}
