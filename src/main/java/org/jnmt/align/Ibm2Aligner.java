package org.jnmt.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Word alignment with fast_align's model: trains {@link Ibm2Model}s on a corpus in one or both
 * directions and aligns its first pairs, links always in source-target orientation.
 */
public final class Ibm2Aligner {

    /** Which model's links: the src→tgt one (each target word aligned once), or the tgt→src one. */
    public enum Direction {
        SOURCE_TO_TARGET("src→tgt"),
        TARGET_TO_SOURCE("tgt→src");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Ibm2Settings settings;
    private final BiConsumer<Direction, Ibm2Iteration> progress;

    /** @param progress told after every EM iteration of each direction (from its own thread when both train at once) */
    public Ibm2Aligner(Ibm2Settings settings, BiConsumer<Direction, Ibm2Iteration> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Trains one direction on the whole corpus and aligns its first {@code count} pairs. */
    public List<List<Link>> align(IndexedCorpus corpus, int count, Direction direction) {
        Ibm2Model model = trained(corpus, direction);
        List<List<Link>> alignments = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            alignments.add(links(model, corpus, s, direction));
        }
        return alignments;
    }

    /**
     * Trains both directions ({@code threads} at a time, 1 or 2) and combines their links on the
     * first {@code count} pairs with {@code heuristic}.
     */
    public List<Set<Link>> symmetrized(IndexedCorpus corpus, int count, Symmetrization heuristic, int threads) {
        List<Set<Link>> combined = new ArrayList<>(count);
        symmetrized(corpus, count, heuristic, threads, combined::add);
        return combined;
    }

    /**
     * As {@link #symmetrized(IndexedCorpus, int, Symmetrization, int)}, handing each pair's
     * combined links to {@code sink} in corpus order instead of keeping them: a large corpus's links
     * as objects outgrow a small heap (Tatoeba's 145,000 pairs in nmt train's 192m).
     */
    public void symmetrized(
            IndexedCorpus corpus, int count, Symmetrization heuristic, int threads, Consumer<Set<Link>> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, Math.max(1, threads)));
        Ibm2Model forward;
        Ibm2Model backward;
        try {
            CompletableFuture<Ibm2Model> forwardModel =
                    CompletableFuture.supplyAsync(() -> trained(corpus, Direction.SOURCE_TO_TARGET), pool);
            CompletableFuture<Ibm2Model> backwardModel =
                    CompletableFuture.supplyAsync(() -> trained(corpus, Direction.TARGET_TO_SOURCE), pool);
            forward = joined(forwardModel);
            backward = joined(backwardModel);
        } finally {
            pool.shutdown();
        }
        for (int s = 0; s < count; s++) {
            sink.accept(heuristic.apply(
                    links(forward, corpus, s, Direction.SOURCE_TO_TARGET),
                    links(backward, corpus, s, Direction.TARGET_TO_SOURCE)));
        }
    }

    private Ibm2Model trained(IndexedCorpus corpus, Direction direction) {
        IndexedCorpus oriented = direction == Direction.SOURCE_TO_TARGET ? corpus : corpus.reversed();
        return Ibm2Trainer.train(oriented, settings, iteration -> progress.accept(direction, iteration));
    }

    /** The links of pair {@code s} by the model of {@code direction}, in source-target orientation. */
    private static List<Link> links(Ibm2Model model, IndexedCorpus corpus, int s, Direction direction) {
        if (direction == Direction.SOURCE_TO_TARGET) {
            return model.align(corpus.sources()[s], corpus.targets()[s]);
        }
        return model.align(corpus.targets()[s], corpus.sources()[s]).stream()
                .map(Link::inverted)
                .toList();
    }

    /** The result of a direction trained on the pool, its exception (if any) rethrown as it was. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
