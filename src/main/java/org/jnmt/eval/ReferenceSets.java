package org.jnmt.eval;

import java.util.ArrayList;
import java.util.List;
import org.jnmt.util.NmtException;

/**
 * Reference sets as sacreBLEU takes them: one list of segments per reference (one per file), each
 * as long as the hypotheses. Empty reference segments are kept, as sacreBLEU 2.6.0 keeps them.
 */
final class ReferenceSets {

    private ReferenceSets() {}

    /** The references of each segment: element i holds segment i of every reference set. */
    static List<List<String>> bySegment(List<String> hypotheses, List<List<String>> referenceSets) {
        if (referenceSets.isEmpty()) {
            throw new NmtException("At least one reference set is needed to score hypotheses.");
        }
        for (int set = 0; set < referenceSets.size(); set++) {
            int size = referenceSets.get(set).size();
            if (size != hypotheses.size()) {
                throw new NmtException("There are " + hypotheses.size() + " hypotheses but reference set " + (set + 1)
                        + " has " + size + " segments; each needs one segment per hypothesis.");
            }
        }
        List<List<String>> segments = new ArrayList<>(hypotheses.size());
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> references = new ArrayList<>(referenceSets.size());
            for (List<String> set : referenceSets) {
                references.add(set.get(i));
            }
            segments.add(references);
        }
        return segments;
    }
}
