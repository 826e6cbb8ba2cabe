package org.jnmt.align;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jnmt.data.LineReader;
import org.jnmt.util.NmtException;

/**
 * Reads gold word alignments into 0-based {@link GoldAlignment}s, one per sentence pair. Word
 * indices in the file start at {@code base} (0 or 1); the shipped files are
 * {@code alignments-en-fr/enfr.gold} (Pharaoh, base 1, sure and possible),
 * {@code alignments-en-fr/test.sure.0idx.talp} with {@code test.possible-only.0idx.talp}
 * (Pharaoh, base 0), {@code alignments-de-en/de-en.wa} (Pharaoh, base 0, all sure) and
 * {@code alignments-de-en/de-en.ref.wa} (NAACL, base 0).
 */
public final class GoldReader {

    private static final String NAACL_EXAMPLE = "SENTENCE SOURCE TARGET [S|P] with whole numbers, such as 12 3 4 S";

    private GoldReader() {}

    /**
     * Reads a gold file of either format (detected from its first line).
     *
     * @param sentences the number of sentence pairs in the evaluated corpus; 0 to take it from the file
     */
    public static List<GoldAlignment> read(Path file, int base, int sentences) {
        return switch (GoldFormat.detect(file)) {
            case PHARAOH -> readPharaoh(file, base, sentences);
            case NAACL -> readNaacl(file, base, sentences);
        };
    }

    /** Pharaoh lines with {@code i-j} sure and {@code ipj} possible links. */
    public static List<GoldAlignment> readPharaoh(Path file, int base, int sentences) {
        checkBase(base);
        List<String> lines = LineReader.readAll(file);
        checkCount(file, lines.size(), sentences);
        List<GoldAlignment> gold = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Set<Link> sure = new HashSet<>();
            Set<Link> possible = new HashSet<>();
            for (String token : lines.get(i).trim().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                if (token.indexOf('-', 1) > 0) {
                    sure.add(PharaohFormat.parseLink(token, '-', base, file, i + 1));
                } else if (token.indexOf('p') > 0) {
                    possible.add(PharaohFormat.parseLink(token, 'p', base, file, i + 1));
                } else if (token.startsWith("-")) {
                    throw NmtException.at(file, i + 1, "link '" + token + "' has a negative index.");
                } else {
                    throw NmtException.at(
                            file,
                            i + 1,
                            "link '" + token + "' has no dash; expected "
                                    + "SOURCE-TARGET (sure) or SOURCEpTARGET (possible) such as 3-4 or 3p4.");
                }
            }
            gold.add(new GoldAlignment(sure, possible));
        }
        return gold;
    }

    /**
     * A Pharaoh file of sure links with a second one, line for line, of the links that are only
     * possible (the {@code .talp} pair that lilt/alignment-scripts makes).
     */
    public static List<GoldAlignment> readSureAndPossible(Path sureFile, Path possibleFile, int base, int sentences) {
        List<GoldAlignment> sure = readPharaoh(sureFile, base, sentences);
        List<GoldAlignment> possible = readPharaoh(possibleFile, base, sure.size());
        List<GoldAlignment> gold = new ArrayList<>(sure.size());
        for (int i = 0; i < sure.size(); i++) {
            Set<Link> allPossible = new HashSet<>(sure.get(i).possible());
            allPossible.addAll(possible.get(i).possible());
            gold.add(new GoldAlignment(sure.get(i).sure(), allPossible));
        }
        return gold;
    }

    /**
     * NAACL lines {@code sentence source target [S|P] [confidence]}. With base 1, index 0 is the
     * NULL word of the original shared task and its links are skipped.
     */
    public static List<GoldAlignment> readNaacl(Path file, int base, int sentences) {
        checkBase(base);
        List<String> lines = LineReader.readAll(file);
        List<Set<Link>> sure = new ArrayList<>();
        List<Set<Link>> possible = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length < 3 || fields.length > 5) {
                throw NmtException.at(
                        file,
                        i + 1,
                        "expected SENTENCE SOURCE TARGET [S|P] [CONFIDENCE], got " + fields.length + " fields.");
            }
            String what = "line '" + line + "'";
            int sentence = PharaohFormat.parseIndex(fields[0], what, NAACL_EXAMPLE, 1, file, i + 1);
            if (sentences > 0 && sentence > sentences) {
                throw NmtException.at(
                        file,
                        i + 1,
                        "sentence " + sentence + " is past the end of the corpus (" + sentences + " sentences).");
            }
            // Without a corpus size the file sets it; every sentence has a line, so none can number past the last line.
            if (sentences == 0 && sentence > lines.size()) {
                throw NmtException.at(
                        file,
                        i + 1,
                        "sentence " + sentence + " is past the " + lines.size()
                                + " lines of the file; give the corpus size to read a file that skips sentences.");
            }
            int source = PharaohFormat.parseIndex(fields[1], what, NAACL_EXAMPLE, 0, file, i + 1);
            int target = PharaohFormat.parseIndex(fields[2], what, NAACL_EXAMPLE, 0, file, i + 1);
            boolean isSure = fields.length == 3 || label(fields[3], file, i + 1);
            while (sure.size() < sentence) {
                sure.add(new HashSet<>());
                possible.add(new HashSet<>());
            }
            if (base == 1 && (source == 0 || target == 0)) {
                continue;
            }
            Link link = new Link(source - base, target - base);
            (isSure ? sure : possible).get(sentence - 1).add(link);
        }
        int total = sentences > 0 ? sentences : sure.size();
        List<GoldAlignment> gold = new ArrayList<>(total);
        for (int s = 0; s < total; s++) {
            gold.add(
                    s < sure.size()
                            ? new GoldAlignment(sure.get(s), possible.get(s))
                            : new GoldAlignment(Set.of(), Set.of()));
        }
        return gold;
    }

    private static boolean label(String field, Path file, long lineNumber) {
        return switch (field) {
            case "S" -> true;
            case "P" -> false;
            default ->
                throw NmtException.at(
                        file, lineNumber, "link label '" + field + "' is neither S (sure) nor P (possible).");
        };
    }

    private static void checkBase(int base) {
        if (base != 0 && base != 1) {
            throw new IllegalArgumentException("word indices start at 0 or 1, not " + base);
        }
    }

    private static void checkCount(Path file, int lines, int sentences) {
        if (sentences > 0 && lines != sentences) {
            throw new NmtException("gold alignment file " + file + " has " + lines + " lines but the corpus has "
                    + sentences + " sentence pairs.");
        }
    }
}
