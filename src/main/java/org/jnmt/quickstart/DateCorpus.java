package org.jnmt.quickstart;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jnmt.config.DataConfig;
import org.jnmt.config.NmtConfig;
import org.jnmt.util.NmtException;

/**
 * A synthetic parallel corpus for the quick-start demo: English dates written in words and in
 * several styles ("the twenty-first of March nineteen eighty-seven", "March 21st , 1987",
 * "Saturday , 21 March 1987", ...) translated to ISO 8601 ("1 9 8 7 - 0 3 - 2 1"). Learning it
 * needs reordering (the year comes last in English and first in ISO) and lookup (month names to
 * numbers, number words to digits), so attention plots show a clear non-monotonic alignment. Both
 * sides are pre-tokenised with single-space separators and digits as one token each: the source
 * vocabulary has about 170 words, the target 11 symbols.
 *
 * <p>Dates are drawn without repetition from 1900-01-01 to 2099-12-31, so no two pairs share a
 * date and splits never overlap; everything follows from the seed (java.util.Random's sequence is
 * fixed by its specification, the same on every JVM).
 */
public final class DateCorpus {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2099, 12, 31);
    /** The number of distinct dates, and so the most pairs one seed can give. */
    public static final int DATES = (int) ChronoUnit.DAYS.between(FIRST, LAST) + 1;

    /**
     * One sentence pair.
     *
     * @param source the English date, tokens separated by single spaces
     * @param target the ISO date as characters separated by single spaces
     */
    public record Pair(String source, String target) {}

    /** Disjoint train, dev and test sets. */
    public record Splits(List<Pair> train, List<Pair> dev, List<Pair> test) {}

    private DateCorpus() {}

    /** {@code n} pairs for {@code n} distinct dates, in random order, the same for the same seed. */
    public static List<Pair> generate(int n, long seed) {
        if (n < 0 || n > DATES) {
            throw new IllegalArgumentException("the date corpus has between 0 and " + DATES + " pairs, not " + n);
        }
        Random random = new Random(seed);
        int[] days = new int[DATES];
        for (int i = 0; i < DATES; i++) {
            days[i] = i;
        }
        DateStyle[] styles = DateStyle.values();
        List<Pair> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // A partial Fisher-Yates shuffle: the first n days of a random permutation.
            int j = i + random.nextInt(DATES - i);
            int day = days[j];
            days[j] = days[i];
            days[i] = day;
            LocalDate date = FIRST.plusDays(day);
            DateStyle style = styles[random.nextInt(styles.length)];
            pairs.add(new Pair(String.join(" ", style.tokens(date, random)), isoTokens(date)));
        }
        return pairs;
    }

    /** Train, dev and test sets drawn together, so that no date is in two of them. */
    public static Splits splits(int train, int dev, int test, long seed) {
        if (train < 0 || dev < 0 || test < 0) {
            throw new IllegalArgumentException("split sizes must be >= 0");
        }
        List<Pair> all = generate(train + dev + test, seed);
        return new Splits(
                List.copyOf(all.subList(0, train)),
                List.copyOf(all.subList(train, train + dev)),
                List.copyOf(all.subList(train + dev, all.size())));
    }

    /** "1987-03-21" as "1 9 8 7 - 0 3 - 2 1". */
    static String isoTokens(LocalDate date) {
        return String.join(" ", date.format(DateTimeFormatter.ISO_LOCAL_DATE).split(""));
    }

    /** Writes the sources to one file and the targets to another, one pair per line, UTF-8. */
    public static void write(List<Pair> pairs, Path sourceFile, Path targetFile) {
        try (BufferedWriter sources = Files.newBufferedWriter(sourceFile, StandardCharsets.UTF_8);
                BufferedWriter targets = Files.newBufferedWriter(targetFile, StandardCharsets.UTF_8)) {
            for (Pair pair : pairs) {
                sources.write(pair.source());
                sources.write('\n');
                targets.write(pair.target());
                targets.write('\n');
            }
        } catch (IOException e) {
            throw new NmtException(
                    "cannot write the date corpus to " + sourceFile + " and " + targetFile + ": " + e.getMessage(), e);
        }
    }

    /** The file suffixes of {@link #writeSplits(Splits, Path)}: dates in words and ISO dates. */
    public static final String SOURCE_SUFFIX = "words";

    public static final String TARGET_SUFFIX = "iso";

    /** Writes {@code dir/train.words}, {@code dir/train.iso}, {@code dir/dev.*} and {@code dir/test.*}. */
    public static void writeSplits(Splits splits, Path dir) {
        writeSplits(splits, dir, SOURCE_SUFFIX, TARGET_SUFFIX);
    }

    /** The corpus of one split written by {@link #writeSplits(Splits, Path)}, for a config's data section. */
    public static DataConfig.CorpusSpec spec(Path dir, String split) {
        return DataConfig.CorpusSpec.of(
                dir.resolve(split + "." + SOURCE_SUFFIX), dir.resolve(split + "." + TARGET_SUFFIX));
    }

    /**
     * A configuration that trains on the train and dev splits in {@code corpusDir} (written by
     * {@link #writeSplits(Splits, Path)}), prepared into {@code dataDir} without BPE (the tokens are
     * already words and digits), with a model of the given sizes; all else is {@link NmtConfig}'s
     * defaults, for the caller to change.
     */
    public static NmtConfig config(Path corpusDir, Path dataDir, int emb, int encHidden, int decHidden, int attn) {
        NmtConfig config = new NmtConfig();
        DataConfig data = config.data;
        data.srcLang = SOURCE_SUFFIX;
        data.tgtLang = TARGET_SUFFIX;
        data.train = spec(corpusDir, "train");
        data.dev = spec(corpusDir, "dev");
        data.dir = dataDir.toString();
        data.bpeMerges = 0;
        config.model.emb = emb;
        config.model.encHidden = encHidden;
        config.model.decHidden = decHidden;
        config.model.attn = attn;
        return config;
    }

    /**
     * Writes {@code dir/train.SRC}, {@code dir/train.TGT}, {@code dir/dev.*} and {@code dir/test.*},
     * creating the folder; e.g. suffixes "words" and "iso".
     */
    public static void writeSplits(Splits splits, Path dir, String sourceSuffix, String targetSuffix) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NmtException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        write(splits.train(), dir.resolve("train." + sourceSuffix), dir.resolve("train." + targetSuffix));
        write(splits.dev(), dir.resolve("dev." + sourceSuffix), dir.resolve("dev." + targetSuffix));
        write(splits.test(), dir.resolve("test." + sourceSuffix), dir.resolve("test." + targetSuffix));
    }
}
