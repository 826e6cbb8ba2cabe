package org.jnmt.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.jnmt.data.EncodedCorpus;

/**
 * One worker's share of the prepared training data: pair i of the corpus goes to shard i mod N, in
 * corpus order (so that with N = 1 the shard is the corpus). It travels to the executors once, in a
 * cached RDD of N partitions.
 */
final class TrainingShard implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int index;
    private final int[][] sources;
    private final int[][] targets;

    private TrainingShard(int index, int[][] sources, int[][] targets) {
        this.index = index;
        this.sources = sources;
        this.targets = targets;
    }

    /** The corpus split into {@code count} shards. */
    static List<TrainingShard> split(EncodedCorpus corpus, int count) {
        List<TrainingShard> shards = new ArrayList<>();
        for (int shard = 0; shard < count; shard++) {
            int size = (corpus.size() - shard + count - 1) / count;
            int[][] sources = new int[size][];
            int[][] targets = new int[size][];
            for (int j = 0; j < size; j++) {
                sources[j] = corpus.source(shard + j * count);
                targets[j] = corpus.target(shard + j * count);
            }
            shards.add(new TrainingShard(shard, sources, targets));
        }
        return shards;
    }

    int index() {
        return index;
    }

    int size() {
        return sources.length;
    }

    EncodedCorpus corpus() {
        EncodedCorpus.Builder builder = new EncodedCorpus.Builder();
        for (int i = 0; i < sources.length; i++) {
            builder.add(sources[i], targets[i]);
        }
        return builder.build();
    }
}
