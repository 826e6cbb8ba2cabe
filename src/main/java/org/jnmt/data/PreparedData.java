package org.jnmt.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jnmt.config.ConfigLoader;
import org.jnmt.config.DataConfig;
import org.jnmt.config.NmtConfig;
import org.jnmt.util.NmtException;

/**
 * A data directory written by {@code nmt prepare} ({@link DataPreparer}), loaded for training:
 * the encoded train/dev/test corpora, the raw dev/test lines (for BLEU), the vocabularies and the
 * text pipelines. Layout:
 * <pre>
 * prepare.yaml                 the configuration it was made with (--set overrides applied)
 * summary.txt                  counts: pairs read, skipped, filtered; vocabulary sizes; unknown tokens
 * bpe.src.codes bpe.tgt.codes  BPE codes, subword-nmt format (the same content when joint; absent without BPE)
 * vocab.src.txt vocab.tgt.txt  vocabularies (the same content when joint)
 * train.ids dev.ids test.ids   encoded corpora ({@link EncodedCorpus} binary format; test.ids only with a test set)
 * dev.src.txt dev.ref.txt      raw dev source and reference lines, line i = pair i of dev.ids
 * test.src.txt test.ref.txt    the same for the test set
 * train.align                  with data.alignment: the training pairs' word alignment (Pharaoh, subword positions)
 * </pre>
 */
public final class PreparedData {

    public static final String CONFIG = "prepare.yaml";
    public static final String SUMMARY = "summary.txt";
    public static final String SRC_CODES = "bpe.src.codes";
    public static final String TGT_CODES = "bpe.tgt.codes";
    public static final String SRC_VOCAB = "vocab.src.txt";
    public static final String TGT_VOCAB = "vocab.tgt.txt";
    public static final String TRAIN = "train.ids";
    public static final String DEV = "dev.ids";
    public static final String TEST = "test.ids";
    public static final String DEV_SOURCE = "dev.src.txt";
    public static final String DEV_REFERENCE = "dev.ref.txt";
    public static final String TEST_SOURCE = "test.src.txt";
    public static final String TEST_REFERENCE = "test.ref.txt";
    /** The word alignment of the training pairs over their subword positions (only with data.alignment). */
    public static final String TRAIN_ALIGNMENT = "train.align";
    /**
     * For each training pair of {@link #TRAIN} from data.train, the number of its line there
     * (1-based); the pairs of data.extra_train follow them in train.ids and have no line here.
     */
    public static final String TRAIN_LINES = "train.lines";

    /** Every file {@code nmt prepare} may write. */
    public static final List<String> ALL_FILES = List.of(
            CONFIG,
            SUMMARY,
            SRC_CODES,
            TGT_CODES,
            SRC_VOCAB,
            TGT_VOCAB,
            TRAIN,
            DEV,
            TEST,
            DEV_SOURCE,
            DEV_REFERENCE,
            TEST_SOURCE,
            TEST_REFERENCE,
            TRAIN_ALIGNMENT,
            TRAIN_LINES);

    /** What a model needs to process text as this data was processed (copy these next to it). */
    public static final List<String> PIPELINE_FILES = List.of(CONFIG, SRC_CODES, TGT_CODES, SRC_VOCAB, TGT_VOCAB);

    /** The text pipelines of the two sides. */
    public record Pipelines(TextPipeline source, TextPipeline target) {}

    private final Path dir;
    private final DataConfig config;
    private final Pipelines pipelines;
    private final EncodedCorpus train;
    private final EncodedCorpus dev;
    private final EncodedCorpus test;
    private final List<String> devSources;
    private final List<String> devReferences;
    private final List<String> testSources;
    private final List<String> testReferences;

    private PreparedData(Path dir) {
        this.dir = dir;
        this.config = readConfig(dir).data;
        this.pipelines = loadPipelines(dir);
        int srcSize = pipelines.source().vocabulary().size();
        int tgtSize = pipelines.target().vocabulary().size();
        this.train = readCorpus(dir.resolve(TRAIN), srcSize, tgtSize);
        this.dev = readCorpus(dir.resolve(DEV), srcSize, tgtSize);
        this.devSources = readLines(dir.resolve(DEV_SOURCE), dev.size());
        this.devReferences = readLines(dir.resolve(DEV_REFERENCE), dev.size());
        boolean hasTest = Files.exists(dir.resolve(TEST));
        this.test = hasTest ? readCorpus(dir.resolve(TEST), srcSize, tgtSize) : null;
        this.testSources = hasTest ? readLines(dir.resolve(TEST_SOURCE), test.size()) : List.of();
        this.testReferences = hasTest ? readLines(dir.resolve(TEST_REFERENCE), test.size()) : List.of();
    }

    /** Loads everything; a missing or corrupt file is an {@link NmtException} naming it. */
    public static PreparedData load(Path dir) {
        return new PreparedData(dir);
    }

    /** Loads only the text pipelines (config, codes, vocabularies) of a prepared or model directory. */
    public static Pipelines loadPipelines(Path dir) {
        boolean lowercase = readConfig(dir).data.lowercase;
        BpeCodes srcCodes = Files.exists(dir.resolve(SRC_CODES)) ? BpeCodes.read(dir.resolve(SRC_CODES)) : null;
        BpeCodes tgtCodes = Files.exists(dir.resolve(TGT_CODES)) ? BpeCodes.read(dir.resolve(TGT_CODES)) : null;
        return new Pipelines(
                new TextPipeline(lowercase, srcCodes, Vocabulary.load(dir.resolve(SRC_VOCAB))),
                new TextPipeline(lowercase, tgtCodes, Vocabulary.load(dir.resolve(TGT_VOCAB))));
    }

    public Path dir() {
        return dir;
    }

    /** The data section it was prepared with. */
    public DataConfig config() {
        return config;
    }

    public EncodedCorpus train() {
        return train;
    }

    public EncodedCorpus dev() {
        return dev;
    }

    /** The test corpus, or null when none was prepared. */
    public EncodedCorpus test() {
        return test;
    }

    /** Raw dev source lines; line i is pair i of {@link #dev()}. */
    public List<String> devSources() {
        return devSources;
    }

    /** Raw dev reference lines, for BLEU. */
    public List<String> devReferences() {
        return devReferences;
    }

    public List<String> testSources() {
        return testSources;
    }

    public List<String> testReferences() {
        return testReferences;
    }

    public Pipelines pipelines() {
        return pipelines;
    }

    public Vocabulary sourceVocabulary() {
        return pipelines.source().vocabulary();
    }

    public Vocabulary targetVocabulary() {
        return pipelines.target().vocabulary();
    }

    private static NmtConfig readConfig(Path dir) {
        Path file = dir.resolve(CONFIG);
        try {
            return ConfigLoader.fromYaml(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new NmtException(file + ": not found; prepare the data first with 'nmt prepare --config FILE'");
        } catch (IOException e) {
            throw new NmtException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static EncodedCorpus readCorpus(Path file, int srcSize, int tgtSize) {
        EncodedCorpus corpus = EncodedCorpus.read(file);
        corpus.checkIds(file, srcSize, tgtSize);
        return corpus;
    }

    static List<String> readLines(Path file, int expected) {
        List<String> lines = new ArrayList<>(expected);
        try (LineReader reader = LineReader.open(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        if (lines.size() != expected) {
            throw new NmtException(file + ": has " + lines.size() + " lines but the encoded corpus has " + expected
                    + " pairs; prepare the data again");
        }
        return List.copyOf(lines);
    }
}
