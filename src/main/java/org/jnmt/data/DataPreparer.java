package org.jnmt.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jnmt.config.ConfigLoader;
import org.jnmt.config.DataConfig;
import org.jnmt.config.NmtConfig;
import org.jnmt.util.Console;
import org.jnmt.util.NmtException;

/**
 * {@code nmt prepare}: raw corpora → a prepared data directory ({@link PreparedData} describes the
 * layout). The training corpus is streamed twice and never held as text: the first pass counts
 * pre-tokens (for BPE learning and vocabularies), the second encodes each pair straight into an
 * {@link EncodedCorpus}. Pairs with an empty side are skipped from training, and training pairs
 * longer than {@code max_length} subword tokens (EOS not counted) on either side, or whose length
 * ratio exceeds {@code max_length_ratio}, are filtered out; dev and test pairs are all kept. The
 * pairs of {@code extra_train} follow those of {@code train}, each corpus as many times as it asks.
 */
public final class DataPreparer {

    /** subword-nmt's default: stop learning when no pair occurs at least twice. */
    private static final int BPE_MIN_FREQUENCY = 2;

    private final NmtConfig config;
    private final DataConfig data;
    private final boolean skipInvalid;
    private final Path dir;
    private final StringBuilder summary = new StringBuilder();

    public DataPreparer(NmtConfig config, boolean skipInvalid) {
        this.config = config;
        this.data = config.data;
        this.skipInvalid = skipInvalid;
        this.dir = Path.of(data.dir);
    }

    /** Writes the prepared directory and returns the text of its summary. */
    public String prepare() {
        validate();
        createDirectory();
        line("source language", data.srcLang);
        line("target language", data.tgtLang);
        CorpusSplit split = data.split == null ? null : drawSplit();

        Map<String, Long> srcWords = new HashMap<>();
        Map<String, Long> tgtWords = new HashMap<>();
        countTraining(split, srcWords, tgtWords);
        if (split == null) {
            copyRaw(data.dev, "dev", PreparedData.DEV_SOURCE, PreparedData.DEV_REFERENCE);
            if (data.test != null) {
                copyRaw(data.test, "test", PreparedData.TEST_SOURCE, PreparedData.TEST_REFERENCE);
            }
        }

        BpeCodes[] codes = learnCodes(srcWords, tgtWords);
        Vocabulary[] vocabularies = buildVocabularies(srcWords, tgtWords, codes);
        TextPipeline source = new TextPipeline(data.lowercase, codes[0], vocabularies[0]);
        TextPipeline target = new TextPipeline(data.lowercase, codes[1], vocabularies[1]);

        encodeTraining(split, source, target);
        encodeRaw("dev", PreparedData.DEV_SOURCE, PreparedData.DEV_REFERENCE, PreparedData.DEV, source, target);
        if (Files.exists(dir.resolve(PreparedData.TEST_SOURCE))) {
            encodeRaw("test", PreparedData.TEST_SOURCE, PreparedData.TEST_REFERENCE, PreparedData.TEST, source, target);
        }
        writeText(dir.resolve(PreparedData.CONFIG), ConfigLoader.toYaml(config));
        writeText(dir.resolve(PreparedData.SUMMARY), summary.toString());
        return summary.toString();
    }

    private void validate() {
        if (data.train == null) {
            throw new NmtException("data.train is missing: give the training corpus (tsv, or src and tgt)");
        }
        if (data.split != null && (data.dev != null || data.test != null)) {
            throw new NmtException(
                    "data.split draws dev and test from data.train: remove data.dev and data.test, or data.split");
        }
        if (data.split == null && data.dev == null) {
            throw new NmtException("data.dev is missing: give a dev corpus, or data.split to draw one from data.train");
        }
        if (data.bpeMerges < 0
                || data.vocabMinFreq < 1
                || data.vocabMaxSize < 0
                || data.maxLength < 1
                || data.maxLengthRatio < 1) {
            throw new NmtException(
                    "data: bpe_merges and vocab_max_size must be >= 0, vocab_min_freq and max_length >= 1, "
                            + "max_length_ratio >= 1");
        }
    }

    private CorpusSplit drawSplit() {
        long pairs = 0;
        try (CorpusReader reader = CorpusReader.open(data.train, "train", skipInvalid)) {
            while (reader.next() != null) {
                pairs++;
            }
        }
        if (pairs > Integer.MAX_VALUE) {
            throw new NmtException("data.split: corpus too large to split (" + pairs + " pairs)");
        }
        line(
                "split",
                "seed " + data.split.seed + ", " + data.split.dev + " dev and " + data.split.test
                        + " test pairs drawn from " + pairs + " pairs");
        return CorpusSplit.draw((int) pairs, data.split.dev, data.split.test, data.split.seed);
    }

    /** First pass: counts the pre-tokens of each side; with a split, also writes the raw dev/test lines. */
    private void countTraining(CorpusSplit split, Map<String, Long> srcWords, Map<String, Long> tgtWords) {
        long read = 0;
        long[] empty = {0};
        Consumer<CorpusReader.SentencePair> count = pair -> {
            String src = TextNormalizer.normalize(pair.source(), data.lowercase);
            String tgt = TextNormalizer.normalize(pair.target(), data.lowercase);
            if (src.isEmpty() || tgt.isEmpty()) {
                empty[0]++;
                return;
            }
            Pretokenizer.tokenize(src).forEach(token -> srcWords.merge(token, 1L, Long::sum));
            Pretokenizer.tokenize(tgt).forEach(token -> tgtWords.merge(token, 1L, Long::sum));
        };
        try (CorpusReader reader = CorpusReader.open(data.train, "train", skipInvalid);
                RawPairWriter devOut = split == null
                        ? null
                        : new RawPairWriter(dir, PreparedData.DEV_SOURCE, PreparedData.DEV_REFERENCE);
                RawPairWriter testOut = split == null
                        ? null
                        : new RawPairWriter(dir, PreparedData.TEST_SOURCE, PreparedData.TEST_REFERENCE)) {
            Console.info("prepare: reading " + reader.describe());
            CorpusReader.SentencePair pair;
            while ((pair = reader.next()) != null) {
                CorpusSplit.Part part = split == null ? CorpusSplit.Part.TRAIN : split.part(read);
                read++;
                if (part != CorpusSplit.Part.TRAIN) {
                    (part == CorpusSplit.Part.DEV ? devOut : testOut).write(pair);
                } else {
                    count.accept(pair);
                }
            }
            line("train corpus", reader.describe());
            line("pairs read", read);
            line("invalid lines skipped", reader.skipped());
        }
        forEachExtraPair(count, true);
        line("pairs with an empty side skipped", empty[0]);
    }

    /**
     * Reads the pairs of every data.extra_train corpus as often as it asks, in order; with
     * {@code describe}, adds each corpus to the summary.
     */
    private void forEachExtraPair(Consumer<CorpusReader.SentencePair> action, boolean describe) {
        for (int i = 0; i < data.extraTrain.size(); i++) {
            DataConfig.ExtraCorpusSpec extra = data.extraTrain.get(i);
            String role = "extra_train[" + i + "]";
            for (int copy = 0; copy < extra.repeat; copy++) {
                try (CorpusReader reader = CorpusReader.open(extra, role, skipInvalid)) {
                    long read = 0;
                    CorpusReader.SentencePair pair;
                    while ((pair = reader.next()) != null) {
                        action.accept(pair);
                        read++;
                    }
                    if (describe && copy == 0) {
                        line(
                                role + " corpus",
                                reader.describe() + ", " + read + " pairs read " + extra.repeat + " times"
                                        + (reader.skipped() > 0
                                                ? " (" + reader.skipped() + " invalid lines skipped)"
                                                : ""));
                    }
                }
            }
        }
    }

    private void copyRaw(DataConfig.CorpusSpec spec, String role, String sourceFile, String referenceFile) {
        try (CorpusReader reader = CorpusReader.open(spec, role, skipInvalid);
                RawPairWriter out = new RawPairWriter(dir, sourceFile, referenceFile)) {
            CorpusReader.SentencePair pair;
            while ((pair = reader.next()) != null) {
                out.write(pair);
            }
            line(
                    role + " corpus",
                    reader.describe()
                            + (reader.skipped() > 0 ? " (" + reader.skipped() + " invalid lines skipped)" : ""));
        }
    }

    /** [source codes, target codes]: the same object when joint, nulls without BPE. */
    private BpeCodes[] learnCodes(Map<String, Long> srcWords, Map<String, Long> tgtWords) {
        if (data.bpeMerges == 0) {
            line("bpe", "none (word-level vocabularies)");
            return new BpeCodes[2];
        }
        long start = System.nanoTime();
        BpeCodes[] codes;
        if (data.jointBpe) {
            BpeCodes joint = BpeLearner.learn(BpeLearner.sum(srcWords, tgtWords), data.bpeMerges, BPE_MIN_FREQUENCY);
            codes = new BpeCodes[] {joint, joint};
            line("bpe", "joint, " + joint.size() + " merges (asked for " + data.bpeMerges + ")");
        } else {
            codes = new BpeCodes[] {
                BpeLearner.learn(srcWords, data.bpeMerges, BPE_MIN_FREQUENCY),
                BpeLearner.learn(tgtWords, data.bpeMerges, BPE_MIN_FREQUENCY)
            };
            line(
                    "bpe",
                    "separate, " + codes[0].size() + " source and " + codes[1].size() + " target merges (asked for "
                            + data.bpeMerges + ")");
        }
        Console.info(String.format(Locale.ROOT, "prepare: BPE learned in %.1f s", (System.nanoTime() - start) / 1e9));
        codes[0].write(dir.resolve(PreparedData.SRC_CODES));
        codes[1].write(dir.resolve(PreparedData.TGT_CODES));
        return codes;
    }

    /** [source, target]: the same object when joint. Frequencies come from the pre-token counts. */
    private Vocabulary[] buildVocabularies(Map<String, Long> srcWords, Map<String, Long> tgtWords, BpeCodes[] codes) {
        Map<String, Long> srcTokens = subwordCounts(srcWords, codes[0]);
        Map<String, Long> tgtTokens = subwordCounts(tgtWords, codes[1]);
        Vocabulary[] vocabularies;
        if (data.jointVocab) {
            Vocabulary joint =
                    Vocabulary.build(BpeLearner.sum(srcTokens, tgtTokens), data.vocabMinFreq, data.vocabMaxSize);
            vocabularies = new Vocabulary[] {joint, joint};
            line("vocabulary", "joint, " + joint.size() + " tokens");
        } else {
            vocabularies = new Vocabulary[] {
                Vocabulary.build(srcTokens, data.vocabMinFreq, data.vocabMaxSize),
                Vocabulary.build(tgtTokens, data.vocabMinFreq, data.vocabMaxSize)
            };
            line("vocabulary", vocabularies[0].size() + " source and " + vocabularies[1].size() + " target tokens");
        }
        line(
                "vocabulary limits",
                "min frequency " + data.vocabMinFreq + ", max size "
                        + (data.vocabMaxSize == 0 ? "none" : data.vocabMaxSize) + ", specials included");
        vocabularies[0].save(dir.resolve(PreparedData.SRC_VOCAB));
        vocabularies[1].save(dir.resolve(PreparedData.TGT_VOCAB));
        return vocabularies;
    }

    private static Map<String, Long> subwordCounts(Map<String, Long> words, BpeCodes codes) {
        if (codes == null) {
            return words;
        }
        BpeEncoder bpe = new BpeEncoder(codes);
        Map<String, Long> counts = new HashMap<>();
        words.forEach(
                (word, count) -> bpe.apply(List.of(word)).forEach(piece -> counts.merge(piece, count, Long::sum)));
        return counts;
    }

    /**
     * Second pass: encodes the training pairs, filters them by length, writes train.ids and, for the
     * pairs of data.train, their line numbers.
     */
    private void encodeTraining(CorpusSplit split, TextPipeline source, TextPipeline target) {
        EncodedCorpus.Builder train = new EncodedCorpus.Builder();
        StringBuilder lineNumbers = new StringBuilder();
        long[] tooLong = {0};
        long[] badRatio = {0};
        Predicate<CorpusReader.SentencePair> encode = pair -> {
            int[] src = source.encode(pair.source());
            int[] tgt = target.encode(pair.target());
            int srcLength = src.length - 1;
            int tgtLength = tgt.length - 1;
            if (srcLength == 0 || tgtLength == 0) {
                return false; // counted in the first pass
            }
            if (srcLength > data.maxLength || tgtLength > data.maxLength) {
                tooLong[0]++;
                return false;
            }
            if (Math.max(srcLength, tgtLength) > data.maxLengthRatio * Math.min(srcLength, tgtLength)) {
                badRatio[0]++;
                return false;
            }
            train.add(src, tgt);
            return true;
        };
        try (CorpusReader reader = CorpusReader.open(data.train, "train", skipInvalid)) {
            long index = 0;
            CorpusReader.SentencePair pair;
            while ((pair = reader.next()) != null) {
                if (split != null && split.part(index++) != CorpusSplit.Part.TRAIN) {
                    continue;
                }
                if (encode.test(pair)) {
                    lineNumbers.append(pair.line()).append('\n');
                }
            }
        }
        long[] extraKept = {0};
        forEachExtraPair(pair -> extraKept[0] += encode.test(pair) ? 1 : 0, false);
        EncodedCorpus corpus = train.build();
        line("pairs longer than " + data.maxLength + " tokens filtered", tooLong[0]);
        line("pairs with length ratio above " + data.maxLengthRatio + " filtered", badRatio[0]);
        ConcatenatedPairs.Result concatenated = null;
        if (data.concat != null) {
            concatenated = ConcatenatedPairs.append(corpus, data.concat, data.maxLength);
            corpus = concatenated.corpus();
        }
        line("train pairs", corpus.size());
        if (!data.extraTrain.isEmpty()) {
            line("train pairs from extra_train", extraKept[0]);
        }
        if (concatenated != null) {
            line(
                    "train pairs from concat",
                    concatenated.added() + " (" + data.concat.pairs + " pairs each, seed " + data.concat.seed + "; "
                            + concatenated.tooLong() + " longer than " + data.maxLength + " tokens dropped)");
        }
        describeTokens("train", corpus);
        corpus.write(dir.resolve(PreparedData.TRAIN));
        writeText(dir.resolve(PreparedData.TRAIN_LINES), lineNumbers.toString());
    }

    private void encodeRaw(
            String role,
            String sourceFile,
            String referenceFile,
            String idsFile,
            TextPipeline source,
            TextPipeline target) {
        EncodedCorpus.Builder builder = new EncodedCorpus.Builder();
        try (LineReader src = LineReader.open(dir.resolve(sourceFile));
                LineReader tgt = LineReader.open(dir.resolve(referenceFile))) {
            String srcLine;
            while ((srcLine = src.readLine()) != null) {
                builder.add(source.encode(srcLine), target.encode(tgt.readLine()));
            }
        }
        EncodedCorpus corpus = builder.build();
        line(role + " pairs", corpus.size());
        describeTokens(role, corpus);
        corpus.write(dir.resolve(idsFile));
    }

    private void describeTokens(String role, EncodedCorpus corpus) {
        long[] unknown = corpus.countId(SpecialTokens.UNK);
        line(role + " tokens (EOS included)", corpus.sourceTokens() + " source, " + corpus.targetTokens() + " target");
        line(role + " unknown tokens", unknown[0] + " source, " + unknown[1] + " target");
    }

    private void line(String key, Object value) {
        summary.append(key).append(": ").append(value).append('\n');
    }

    /** Creates the directory and removes what an earlier run left there, so that nothing stale survives. */
    private void createDirectory() {
        try {
            Files.createDirectories(dir);
            for (String name : PreparedData.ALL_FILES) {
                Files.deleteIfExists(dir.resolve(name));
            }
        } catch (IOException e) {
            throw new NmtException(dir + ": cannot create the data directory: " + e.getMessage(), e);
        }
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NmtException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
