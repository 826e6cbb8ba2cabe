package org.jnmt.data;

import java.io.Closeable;
import java.nio.file.Path;
import org.jnmt.config.DataConfig;
import org.jnmt.util.NmtException;

/**
 * Streams the sentence pairs of a parallel corpus: one TSV file ({@code source<TAB>target} a line,
 * or {@code target<TAB>source} with swapped columns) or two line-aligned files. Input is strict
 * UTF-8. A bad line (invalid UTF-8, or a TSV line without exactly one tab) is an error naming
 * {@code FILE:LINE}, or, when skipping is asked for, is skipped and counted. Two files with
 * different numbers of lines are an error that gives both counts.
 */
public final class CorpusReader implements Closeable {

    /** One pair, with the number of its line in the corpus file(s). */
    public record SentencePair(long line, String source, String target) {}

    /** Returned by the line readers below for a line that was skipped as invalid. */
    private static final SentencePair SKIPPED = new SentencePair(-1, "", "");

    private final LineReader first;
    private final LineReader second;
    private final boolean swapColumns;
    private final boolean skipInvalid;
    private long skipped;

    private CorpusReader(LineReader first, LineReader second, boolean swapColumns, boolean skipInvalid) {
        this.first = first;
        this.second = second;
        this.swapColumns = swapColumns;
        this.skipInvalid = skipInvalid;
    }

    /** Opens the corpus a config names: {@code tsv}, or {@code src} and {@code tgt}. */
    public static CorpusReader open(DataConfig.CorpusSpec spec, String role, boolean skipInvalid) {
        boolean hasTsv = spec.tsv != null;
        boolean hasPair = spec.src != null || spec.tgt != null;
        if (hasTsv == hasPair || (hasPair && (spec.src == null || spec.tgt == null))) {
            throw new NmtException("data." + role + " must give either tsv, or both src and tgt");
        }
        return hasTsv
                ? tsv(Path.of(spec.tsv), spec.swapColumns, skipInvalid)
                : parallel(Path.of(spec.src), Path.of(spec.tgt), skipInvalid);
    }

    public static CorpusReader tsv(Path file, boolean swapColumns, boolean skipInvalid) {
        return new CorpusReader(LineReader.open(file), null, swapColumns, skipInvalid);
    }

    public static CorpusReader parallel(Path source, Path target, boolean skipInvalid) {
        LineReader src = LineReader.open(source);
        try {
            return new CorpusReader(src, LineReader.open(target), false, skipInvalid);
        } catch (NmtException e) {
            src.close();
            throw e;
        }
    }

    /** The next pair, or null at the end. */
    public SentencePair next() {
        while (true) {
            SentencePair pair = second == null ? nextTsv() : nextParallel();
            // SKIPPED is a sentinel: only that very object means "skipped", whatever its fields.
            @SuppressWarnings("ReferenceEquality")
            boolean wasSkipped = pair == SKIPPED;
            if (!wasSkipped) {
                return pair;
            }
        }
    }

    /** Lines skipped as invalid so far. */
    public long skipped() {
        return skipped;
    }

    /** The file(s) read, for messages: {@code a.tsv} or {@code train.de + train.en}. */
    public String describe() {
        return second == null ? first.name().toString() : first.name() + " + " + second.name();
    }

    private SentencePair nextTsv() {
        LineReader.Line line = first.next();
        if (line == null) {
            return null;
        }
        if (!line.valid()) {
            return invalid(first.name(), line.number(), "invalid UTF-8 byte sequence");
        }
        String text = line.text();
        int tabs = (int) text.chars().filter(c -> c == '\t').count();
        if (tabs != 1) {
            return invalid(
                    first.name(), line.number(), "expected exactly one tab between source and target, found " + tabs);
        }
        int tab = text.indexOf('\t');
        String left = text.substring(0, tab);
        String right = text.substring(tab + 1);
        return swapColumns
                ? new SentencePair(line.number(), right, left)
                : new SentencePair(line.number(), left, right);
    }

    private SentencePair nextParallel() {
        LineReader.Line src = first.next();
        LineReader.Line tgt = second.next();
        if (src == null && tgt == null) {
            return null;
        }
        if (src == null || tgt == null) {
            long srcLines = src == null ? first.lineNumber() : countRest(first);
            long tgtLines = tgt == null ? second.lineNumber() : countRest(second);
            throw new NmtException(first.name() + " has " + srcLines + " lines but " + second.name() + " has "
                    + tgtLines + "; the two sides of a corpus must be aligned line by line");
        }
        if (!src.valid()) {
            return invalid(first.name(), src.number(), "invalid UTF-8 byte sequence");
        }
        if (!tgt.valid()) {
            return invalid(second.name(), tgt.number(), "invalid UTF-8 byte sequence");
        }
        return new SentencePair(src.number(), src.text(), tgt.text());
    }

    private static long countRest(LineReader reader) {
        while (reader.next() != null) {
            // counting only
        }
        return reader.lineNumber();
    }

    private SentencePair invalid(Path file, long line, String message) {
        if (!skipInvalid) {
            throw NmtException.at(file, line, message + " (use --skip-invalid to skip such lines)");
        }
        skipped++;
        return SKIPPED;
    }

    @Override
    public void close() {
        try {
            first.close();
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }
}
