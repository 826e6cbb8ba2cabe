package org.jnmt.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

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
        IndexedCorpus oriented = direction == Direction.SOURCE_TO_TARGET ? corpus : corpus.reversed();
        Ibm2Model model = Ibm2Trainer.train(oriented, settings, iteration -> progress.accept(direction, iteration));
        List<List<Link>> alignments = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            List<Link> links = model.align(oriented.sources()[s], oriented.targets()[s]);
            alignments.add(
                    direction == Direction.SOURCE_TO_TARGET
                            ? links
                            : links.stream().map(Link::inverted).toList());
        }
        return alignments;
    }

    /**
     * Trains both directions ({@code threads} at a time, 1 or 2) and combines their links on the
     * first {@code count} pairs with {@code heuristic}.
     */
    public List<Set<Link>> symmetrized(IndexedCorpus corpus, int count, Symmetrization heuristic, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, Math.max(1, threads)));
        try {
            CompletableFuture<List<List<Link>>> forward =
                    CompletableFuture.supplyAsync(() -> align(corpus, count, Direction.SOURCE_TO_TARGET), pool);
            CompletableFuture<List<List<Link>>> backward =
                    CompletableFuture.supplyAsync(() -> align(corpus, count, Direction.TARGET_TO_SOURCE), pool);
            List<List<Link>> forwardLinks = joined(forward);
            List<List<Link>> backwardLinks = joined(backward);
            List<Set<Link>> combined = new ArrayList<>(count);
            for (int s = 0; s < count; s++) {
                combined.add(heuristic.apply(forwardLinks.get(s), backwardLinks.get(s)));
            }
            return combined;
        } finally {
            pool.shutdown();
        }
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
