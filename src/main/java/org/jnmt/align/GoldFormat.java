package org.jnmt.align;

import java.nio.file.Path;
import java.util.List;
import org.jnmt.data.LineReader;
import org.jnmt.util.NmtException;

/** The layouts of gold word-alignment files that {@link GoldReader} reads. */
public enum GoldFormat {

    /**
     * One line per sentence pair of space-separated links: {@code i-j} sure, {@code ipj} possible,
     * {@code i} the source and {@code j} the target word (awesome-align's enfr.gold, 1-based;
     * fast_align/GIZA++ {@code .wa} and {@code .talp} files, 0-based).
     */
    PHARAOH,

    /**
     * One link per line, {@code sentence source target [S|P] [confidence]}, sentences numbered from
     * 1, the format of the HLT-NAACL 2003 shared task (Mihalcea and Pedersen 2003). A missing label
     * means S.
     */
    NAACL;

    /** Tells the format from the first non-empty line. */
    public static GoldFormat detect(Path file) {
        List<String> lines = LineReader.readAll(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields[0].contains("-") || fields[0].contains("p")) {
                return PHARAOH;
            }
            if (fields.length >= 3
                    && fields.length <= 5
                    && isNumber(fields[0])
                    && isNumber(fields[1])
                    && isNumber(fields[2])) {
                return NAACL;
            }
            throw NmtException.at(
                    file,
                    i + 1,
                    "neither Pharaoh links (1-2 1p3) nor NAACL lines "
                            + "(SENTENCE SOURCE TARGET S|P); cannot tell the gold format.");
        }
        throw new NmtException("gold alignment file " + file + " is empty.");
    }

    private static boolean isNumber(String field) {
        return !field.isEmpty() && field.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
