package org.jnmt.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jnmt.util.NmtException;

/**
 * An ordered list of BPE merges in subword-nmt's codes format, so that codes move freely between
 * subword-nmt and jnmt: a header {@code #version: 0.2}, then one merge {@code left right} a line, in
 * the order they were learned (earlier merges have priority). In version 0.2 the end of a word is
 * marked by {@code </w>} attached to its last character ({@code e r</w>}); in version 0.1 (files
 * without a header) {@code </w>} is a symbol of its own.
 */
public final class BpeCodes {

    public static final String END_OF_WORD = "</w>";

    /** One merge: the symbols {@code left} and {@code right} become {@code left + right}. */
    public record Merge(String left, String right) {
        public String merged() {
            return left + right;
        }
    }

    private final List<Merge> merges;
    private final boolean endOfWordAttached;

    /** Version 0.2 codes. */
    public BpeCodes(List<Merge> merges) {
        this(merges, true);
    }

    private BpeCodes(List<Merge> merges, boolean endOfWordAttached) {
        this.merges = List.copyOf(merges);
        this.endOfWordAttached = endOfWordAttached;
    }

    public List<Merge> merges() {
        return merges;
    }

    public int size() {
        return merges.size();
    }

    /** True for version 0.2 ({@code </w>} glued to the last character), false for 0.1. */
    public boolean endOfWordAttached() {
        return endOfWordAttached;
    }

    /** The first {@code count} merges (like subword-nmt's {@code --merges}). */
    public BpeCodes limit(int count) {
        return count >= merges.size() ? this : new BpeCodes(merges.subList(0, count), endOfWordAttached);
    }

    /**
     * Reads a codes file as subword-nmt's apply_bpe does: an optional {@code #version:} header,
     * each line stripped of spaces and CRs, then exactly two symbols separated by one space; empty
     * lines at the end are ignored. Malformed lines are errors naming {@code FILE:LINE}.
     */
    public static BpeCodes read(Path file) {
        List<Merge> merges = new ArrayList<>();
        boolean endOfWordAttached = false;
        int pendingEmpty = 0;
        long firstEmpty = 0;
        try (LineReader reader = LineReader.open(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (reader.lineNumber() == 1 && line.startsWith("#version:")) {
                    endOfWordAttached = parseVersion(file, line);
                    continue;
                }
                String item = SubwordNmtText.strip(line);
                if (item.isEmpty()) {
                    if (pendingEmpty++ == 0) {
                        firstEmpty = reader.lineNumber();
                    }
                    continue;
                }
                if (pendingEmpty > 0) {
                    throw NmtException.at(
                            file, firstEmpty, "empty line in BPE codes (each line must be a merge 'left right')");
                }
                int space = item.indexOf(' ');
                if (space < 0 || item.indexOf(' ', space + 1) >= 0) {
                    throw NmtException.at(
                            file,
                            reader.lineNumber(),
                            "invalid BPE merge '" + item + "': expected two symbols separated by one space");
                }
                merges.add(new Merge(item.substring(0, space), item.substring(space + 1)));
            }
        }
        return new BpeCodes(merges, endOfWordAttached);
    }

    public void write(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out);
        } catch (IOException e) {
            throw new NmtException(file + ": cannot write BPE codes: " + e.getMessage(), e);
        }
    }

    /** Writes the codes in version 0.2 format (version 0.1 codes are written with their own header). */
    public void write(Writer out) throws IOException {
        out.write(endOfWordAttached ? "#version: 0.2\n" : "#version: 0.1\n");
        for (Merge merge : merges) {
            out.write(merge.left() + " " + merge.right() + "\n");
        }
    }

    private static boolean parseVersion(Path file, String header) {
        String[] fields = header.trim().split("\\s+");
        String version = fields[fields.length - 1].replaceAll("(\\.0+)*$", "");
        return switch (version) {
            case "0.2" -> true;
            case "0.1" -> false;
            default ->
                throw NmtException.at(
                        file,
                        1,
                        "unsupported BPE codes version '" + fields[fields.length - 1] + "' (subword-nmt writes 0.2)");
        };
    }
}
