package org.jnmt.align;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jnmt.config.DataConfig;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.DataPreparer;
import org.jnmt.data.PreparedData;

/** A prepared corpus whose true word alignment is known, for the aligner and guided-alignment tests. */
public final class DictionaryCorpus {

    private DictionaryCorpus() {}

    /** Whether a source word and a target word of the corpus are translations ("sourceword17", "targetword17"). */
    public static boolean translates(String source, String target) {
        return source.replace("sourceword", "").equals(target.replace("targetword", ""));
    }

    /**
     * Pairs of 3 to 8 words "sourcewordK" translated word for word as "targetwordK", neighbours swapped
     * with probability 0.3, prepared with a few BPE merges.
     */
    public static PreparedData prepare(Path dir, int pairs, long seed) {
        NmtConfig config = write(dir, pairs, seed);
        new DataPreparer(config, false).prepare();
        return PreparedData.load(Path.of(config.data.dir));
    }

    /** Writes the corpus into {@code dir} and returns a config that prepares it into {@code dir/data}. */
    public static NmtConfig write(Path dir, int pairs, long seed) {
        Random random = new Random(seed);
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            int length = 3 + random.nextInt(6);
            List<Integer> words = new ArrayList<>();
            while (words.size() < length) {
                int w = random.nextInt(40);
                if (!words.contains(w)) {
                    words.add(w);
                }
            }
            List<Integer> order = new ArrayList<>(words);
            for (int k = 0; k + 1 < order.size(); k++) {
                if (random.nextDouble() < 0.3) {
                    Collections.swap(order, k, k + 1);
                    k++;
                }
            }
            sources.add(
                    String.join(" ", words.stream().map(w -> "sourceword" + w).toList()));
            targets.add(
                    String.join(" ", order.stream().map(w -> "targetword" + w).toList()));
        }
        try {
            Files.write(dir.resolve("train.src"), sources);
            Files.write(dir.resolve("train.tgt"), targets);
            Files.write(dir.resolve("dev.src"), sources.subList(0, 5));
            Files.write(dir.resolve("dev.tgt"), targets.subList(0, 5));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        NmtConfig config = new NmtConfig();
        config.data.train = DataConfig.CorpusSpec.of(dir.resolve("train.src"), dir.resolve("train.tgt"));
        config.data.dev = DataConfig.CorpusSpec.of(dir.resolve("dev.src"), dir.resolve("dev.tgt"));
        config.data.dir = dir.resolve("data").toString();
        config.data.bpeMerges = 30; // "sourceword" and "targetword" are merged, the numbers mostly not
        return config;
    }
}
