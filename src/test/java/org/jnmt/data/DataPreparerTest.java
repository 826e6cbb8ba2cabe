package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jnmt.config.DataConfig;
import org.jnmt.config.NmtConfig;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataPreparerTest {

    private static final String[] WORDS = {
        "the", "dog", "runs", "a", "cat", "sleeps", "on", "green", "grass", "le", "chien", "court", "chat", "dort",
        "sur", "herbe", "verte"
    };

    private static List<String> sentences(Random random, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            int length = 2 + random.nextInt(6);
            for (int w = 0; w < length; w++) {
                line.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            lines.add(line.append(random.nextBoolean() ? "." : "!").toString());
        }
        return lines;
    }

    private static DataConfig.CorpusSpec files(Path src, Path tgt) {
        DataConfig.CorpusSpec spec = new DataConfig.CorpusSpec();
        spec.src = src.toString();
        spec.tgt = tgt.toString();
        return spec;
    }

    /** 60 random pairs, then one pair with an empty side, one too long and one with a bad length ratio. */
    private static NmtConfig twoFileConfig(Path dir) throws IOException {
        Random random = new Random(5);
        List<String> src = sentences(random, 60);
        List<String> tgt = new ArrayList<>();
        for (String line : src) {
            List<String> words =
                    new ArrayList<>(List.of(line.substring(0, line.length() - 1).split(" ")));
            Collections.reverse(words);
            tgt.add(String.join(" ", words) + "?");
        }
        src.add("  ");
        tgt.add("empty source");
        src.add("the dog ".repeat(30).trim());
        tgt.add("the dog ".repeat(30).trim());
        src.add("a");
        tgt.add("the dog runs on the green grass");
        Files.write(dir.resolve("train.src"), src);
        Files.write(dir.resolve("train.tgt"), tgt);
        Files.write(dir.resolve("dev.src"), List.of("the cat sleeps.", "", "le chat dort!"));
        Files.write(dir.resolve("dev.tgt"), List.of("le chat dort?", "x", "the cat sleeps?"));
        NmtConfig config = new NmtConfig();
        config.data.train = files(dir.resolve("train.src"), dir.resolve("train.tgt"));
        config.data.dev = files(dir.resolve("dev.src"), dir.resolve("dev.tgt"));
        config.data.dir = dir.resolve("prepared").toString();
        config.data.bpeMerges = 30;
        config.data.maxLength = 40;
        config.data.maxLengthRatio = 3.0;
        return config;
    }

    @Test
    void preparesEncodesFiltersAndLoadsBack(@TempDir Path dir) throws IOException {
        NmtConfig config = twoFileConfig(dir);
        String summary = new DataPreparer(config, false).prepare();
        assertTrue(summary.contains("pairs read: 63\n"), summary);
        assertTrue(summary.contains("pairs with an empty side skipped: 1\n"), summary);
        assertTrue(summary.contains("pairs longer than 40 tokens filtered: 1\n"), summary);
        assertTrue(summary.contains("pairs with length ratio above 3.0 filtered: 1\n"), summary);
        assertTrue(summary.contains("train pairs: 60\n"), summary);
        assertTrue(summary.contains("bpe: joint, 30 merges"), summary);

        PreparedData data = PreparedData.load(Path.of(config.data.dir));
        assertEquals(60, data.train().size());
        assertEquals(List.of("the cat sleeps.", "", "le chat dort!"), data.devSources());
        assertEquals(3, data.dev().size());
        assertArrayEquals(new int[] {SpecialTokens.EOS}, data.dev().source(1));
        assertNull(data.test());
        assertEquals(
                Files.readString(data.dir().resolve(PreparedData.SRC_CODES)),
                Files.readString(data.dir().resolve(PreparedData.TGT_CODES)));
        List<String> trainSources = Files.readAllLines(dir.resolve("train.src"));
        TextPipeline source = data.pipelines().source();
        for (int i = 0; i < data.train().size(); i++) {
            assertEquals(
                    TextNormalizer.normalize(trainSources.get(i), false),
                    source.decode(data.train().source(i)));
        }
        assertEquals(
                "le chat dort?", data.pipelines().target().decode(data.dev().target(0)));
    }

    @Test
    void splitsATsvCorpusWithASeedAndRemovesStaleFiles(@TempDir Path dir) throws IOException {
        NmtConfig config = twoFileConfig(dir);
        new DataPreparer(config, false).prepare();
        assertFalse(Files.exists(Path.of(config.data.dir).resolve(PreparedData.TEST)));

        List<String> lines = new ArrayList<>();
        Random random = new Random(8);
        List<String> en = sentences(random, 200);
        List<String> fr = sentences(random, 200);
        for (int i = 0; i < 200; i++) {
            lines.add(en.get(i) + "\t" + fr.get(i));
        }
        Files.write(dir.resolve("eng-fra.tsv"), lines);
        config.data.train = new DataConfig.CorpusSpec();
        config.data.train.tsv = dir.resolve("eng-fra.tsv").toString();
        config.data.train.swapColumns = true;
        config.data.dev = null;
        config.data.split = new DataConfig.SplitSpec();
        config.data.split.seed = 3;
        config.data.split.dev = 20;
        config.data.split.test = 10;
        config.data.bpeMerges = 0;
        config.data.jointVocab = true;
        String summary = new DataPreparer(config, false).prepare();
        assertTrue(summary.contains("split: seed 3, 20 dev and 10 test pairs drawn from 200 pairs"), summary);
        PreparedData data = PreparedData.load(Path.of(config.data.dir));
        assertEquals(20, data.dev().size());
        assertEquals(10, data.test().size());
        assertEquals(data.train().size() + 30, 200 - countFiltered(summary));
        assertTrue(fr.contains(data.devSources().get(0)), "swapped columns: French is the source");
        assertTrue(en.contains(data.testReferences().get(9)));
        assertEquals(data.sourceVocabulary().tokens(), data.targetVocabulary().tokens());
        assertFalse(Files.exists(data.dir().resolve(PreparedData.SRC_CODES)), "no codes without BPE");

        // The same seed draws the same dev pairs again.
        new DataPreparer(config, false).prepare();
        assertEquals(
                data.devSources(), PreparedData.load(Path.of(config.data.dir)).devSources());
    }

    @Test
    void concatenationAppendsPairsJoinedFromTheTrainingPairs(@TempDir Path dir) throws IOException {
        NmtConfig config = twoFileConfig(dir);
        config.data.maxLength = 24;
        new DataPreparer(config, false).prepare();
        EncodedCorpus plain = PreparedData.load(Path.of(config.data.dir)).train();
        Path prepared = Path.of(config.data.dir);
        String plainLines = Files.readString(prepared.resolve(PreparedData.TRAIN_LINES));

        config.data.concat = new DataConfig.ConcatSpec();
        config.data.concat.pairs = 3;
        config.data.concat.fraction = 1.0;
        String summary = new DataPreparer(config, false).prepare();
        EncodedCorpus train = PreparedData.load(prepared).train();
        int added = train.size() - plain.size();
        // as many examples drawn as there are pairs, some longer than max_length
        assertTrue(added > 0 && added < plain.size(), added + " added");
        assertTrue(
                summary.contains("train pairs from concat: " + added + " (3 pairs each, seed 1; "
                        + (plain.size() - added) + " longer than 24 tokens dropped)\n"),
                summary);
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.source(i), train.source(i), "pair " + i + " stays where it was");
            assertArrayEquals(plain.target(i), train.target(i));
        }
        for (int k = plain.size(); k < train.size(); k++) {
            assertTrue(train.sourceLength(k) - 1 <= 24 && train.targetLength(k) - 1 <= 24);
            assertTrue(
                    joins(plain, train.source(k), train.target(k), 0, 0, 3),
                    "example " + k + " joins 3 training pairs, sources and targets in the same order");
        }
        assertEquals(plainLines, Files.readString(prepared.resolve(PreparedData.TRAIN_LINES)));

        byte[] drawn = Files.readAllBytes(prepared.resolve(PreparedData.TRAIN));
        new DataPreparer(config, false).prepare();
        assertArrayEquals(drawn, Files.readAllBytes(prepared.resolve(PreparedData.TRAIN)), "the seed fixes the draws");
        config.data.concat.seed = 2;
        new DataPreparer(config, false).prepare();
        assertFalse(Arrays.equals(drawn, Files.readAllBytes(prepared.resolve(PreparedData.TRAIN))));
    }

    /** Whether source[from..] and target[from..] are the same {@code parts} pairs of the corpus, joined. */
    private static boolean joins(EncodedCorpus corpus, int[] source, int[] target, int s, int t, int parts) {
        if (parts == 0) {
            return s == source.length - 1 && t == target.length - 1 && source[s] == SpecialTokens.EOS;
        }
        for (int i = 0; i < corpus.size(); i++) {
            int[] src = corpus.source(i);
            int[] tgt = corpus.target(i);
            if (startsAt(source, s, src)
                    && startsAt(target, t, tgt)
                    && joins(corpus, source, target, s + src.length - 1, t + tgt.length - 1, parts - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code part} without its EOS occurs in {@code ids} at {@code from}. */
    private static boolean startsAt(int[] ids, int from, int[] part) {
        return from + part.length - 1 <= ids.length
                && Arrays.equals(ids, from, from + part.length - 1, part, 0, part.length - 1);
    }

    @Test
    void appendsExtraCorporaAfterTheSplitAsOftenAsTheyAsk(@TempDir Path dir) throws IOException {
        NmtConfig config = twoFileConfig(dir);
        Path tsv = dir.resolve("pairs.tsv");
        Random random = new Random(8);
        List<String> en = sentences(random, 100);
        List<String> fr = sentences(random, 100);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(en.get(i) + "\t" + fr.get(i));
        }
        Files.write(tsv, lines);
        config.data.train = new DataConfig.CorpusSpec();
        config.data.train.tsv = tsv.toString();
        config.data.dev = null;
        config.data.split = new DataConfig.SplitSpec();
        config.data.split.dev = 10;
        config.data.split.test = 5;
        config.data.maxLength = 1000;
        new DataPreparer(config, false).prepare();
        PreparedData plain = PreparedData.load(Path.of(config.data.dir));
        List<String> plainDev = plain.devSources();
        List<String> plainTest = plain.testSources();
        int plainTrain = plain.train().size();
        String plainLines = Files.readString(plain.dir().resolve(PreparedData.TRAIN_LINES));

        Files.write(dir.resolve("extra.en"), List.of("the green cat .", "a dog sleeps !"));
        Files.write(dir.resolve("extra.fr"), List.of("le chat vert .", "un chien dort !"));
        DataConfig.ExtraCorpusSpec extra = new DataConfig.ExtraCorpusSpec();
        extra.src = dir.resolve("extra.en").toString();
        extra.tgt = dir.resolve("extra.fr").toString();
        extra.repeat = 3;
        config.data.extraTrain = List.of(extra);
        String summary = new DataPreparer(config, false).prepare();
        assertTrue(summary.contains(", 2 pairs read 3 times\n"), summary);
        assertTrue(summary.contains("train pairs from extra_train: 6\n"), summary);
        PreparedData data = PreparedData.load(Path.of(config.data.dir));
        assertEquals(plainDev, data.devSources(), "the split draws from data.train alone");
        assertEquals(plainTest, data.testSources());
        assertEquals(plainTrain + 6, data.train().size());
        TextPipeline source = data.pipelines().source();
        for (int copy = 0; copy < 3; copy++) {
            assertEquals("the green cat .", source.decode(data.train().source(plainTrain + 2 * copy)));
            assertEquals("a dog sleeps !", source.decode(data.train().source(plainTrain + 2 * copy + 1)));
        }
        assertEquals(plainLines, Files.readString(data.dir().resolve(PreparedData.TRAIN_LINES)));
    }

    private static int countFiltered(String summary) {
        int filtered = 0;
        for (String line : summary.split("\n")) {
            if (line.contains("filtered:") || line.contains("skipped:")) {
                filtered += Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return filtered;
    }

    @Test
    void rejectsInconsistentConfigs(@TempDir Path dir) throws IOException {
        NmtConfig config = twoFileConfig(dir);
        config.data.split = new DataConfig.SplitSpec();
        assertTrue(assertThrows(NmtException.class, () -> new DataPreparer(config, false).prepare())
                .getMessage()
                .startsWith("data.split draws dev and test from data.train"));
        config.data.split = null;
        config.data.train.tsv = "x.tsv";
        assertEquals(
                "data.train must give either tsv, or both src and tgt",
                assertThrows(NmtException.class, () -> new DataPreparer(config, false).prepare())
                        .getMessage());
        assertTrue(assertThrows(NmtException.class, () -> PreparedData.load(dir.resolve("nothing")))
                .getMessage()
                .contains("prepare the data first"));
    }
}
