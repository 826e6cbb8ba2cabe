package org.jnmt.align;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.jnmt.data.LineReader;
import org.jnmt.util.NmtException;

/**
 * Pharaoh word alignments: one line per sentence pair, space-separated links {@code i-j} with
 * {@code i} the source and {@code j} the target word index (0-based), sorted, as Moses, Marian and
 * fast_align write them. Gold files also use {@code ipj} for a possible link.
 */
public final class PharaohFormat {

    private static final String LINK_EXAMPLE = "SOURCE-TARGET word indices such as 3-4";

    private PharaohFormat() {}

    /** "0-0 1-2 2-1": the links sorted by source, then target index. */
    public static String format(Collection<Link> links) {
        return links.stream().sorted().map(Link::toString).collect(Collectors.joining(" "));
    }

    /** Writes one line per sentence. */
    public static void write(Writer out, List<? extends Collection<Link>> sentences) {
        try {
            for (Collection<Link> links : sentences) {
                out.write(format(links));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a 0-based Pharaoh file of {@code i-j} links: one list per line, in file order. */
    public static List<List<Link>> read(Path file) {
        List<String> lines = LineReader.readAll(file);
        List<List<Link>> sentences = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            sentences.add(parse(lines.get(i), file, i + 1));
        }
        return sentences;
    }

    /** Parses one line of 0-based {@code i-j} links; errors name {@code file:lineNumber}. */
    public static List<Link> parse(String line, Path file, long lineNumber) {
        List<Link> links = new ArrayList<>();
        for (String token : line.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.indexOf('-') < 0) {
                throw NmtException.at(
                        file, lineNumber, "link '" + token + "' has no dash; expected SOURCE-TARGET such as 3-4.");
            }
            links.add(parseLink(token, '-', 0, file, lineNumber));
        }
        return links;
    }

    /**
     * Parses {@code i<separator>j} where indices start at {@code base} (0 or 1) and returns the
     * 0-based link.
     */
    static Link parseLink(String token, char separator, int base, Path file, long lineNumber) {
        String what = "link '" + token + "'";
        if (token.startsWith("-")) {
            throw NmtException.at(file, lineNumber, what + " has a negative index.");
        }
        int at = token.indexOf(separator);
        int source = parseIndex(token.substring(0, at), what, LINK_EXAMPLE, base, file, lineNumber);
        int target = parseIndex(token.substring(at + 1), what, LINK_EXAMPLE, base, file, lineNumber);
        return new Link(source - base, target - base);
    }

    /**
     * Parses one non-negative index of at least {@code base}; {@code what} names the field's
     * context in the message and {@code expected} says what a good one looks like.
     */
    static int parseIndex(String digits, String what, String expected, int base, Path file, long lineNumber) {
        if (digits.startsWith("-")) {
            throw NmtException.at(file, lineNumber, what + " has a negative index.");
        }
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw NmtException.at(file, lineNumber, what + " is not numeric; expected " + expected + ".");
        }
        if (digits.length() > 9) {
            throw NmtException.at(file, lineNumber, what + " has an index too large to be a word position.");
        }
        int value = Integer.parseInt(digits);
        if (value < base) {
            throw NmtException.at(
                    file, lineNumber, what + " has index " + value + ", but indices start at " + base + " here.");
        }
        return value;
    }
}
