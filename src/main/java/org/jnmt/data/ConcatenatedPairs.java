package org.jnmt.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jnmt.config.DataConfig;

/**
 * Sentence-concatenation augmentation ({@code data.concat}): examples that join {@code pairs}
 * training pairs drawn at random (with replacement, from the seed), source to source and target to
 * target in the same order, appended after the pairs they are drawn from. Tatoeba's sentences average
 * 6 words, the Hansards alignment set's 16: a model that never saw a long sentence attends badly on
 * one. The pieces are joined as they are (the EOS of every part but the last dropped), which is
 * what encoding the joined text would give, since BPE never crosses a word boundary. An example
 * longer than {@code data.max_length} on either side is dropped and counted; the length ratio of a
 * joined pair is within the ratio of its parts, so it needs no check.
 */
final class ConcatenatedPairs {

    /**
     * @param corpus  the training pairs, with the examples appended
     * @param added   how many examples were appended
     * @param tooLong how many drawn examples were longer than data.max_length
     */
    record Result(EncodedCorpus corpus, long added, long tooLong) {}

    private ConcatenatedPairs() {}

    static Result append(EncodedCorpus train, DataConfig.ConcatSpec spec, int maxLength) {
        EncodedCorpus.Builder builder = new EncodedCorpus.Builder();
        for (int i = 0; i < train.size(); i++) {
            builder.add(train.source(i), train.target(i));
        }
        SplittableRandom random = new SplittableRandom(spec.seed);
        long examples = Math.round(spec.fraction * train.size());
        long added = 0;
        long tooLong = 0;
        int[] parts = new int[spec.pairs];
        for (long k = 0; k < examples && train.size() > 0; k++) {
            int sourceLength = 0;
            int targetLength = 0;
            for (int p = 0; p < parts.length; p++) {
                parts[p] = random.nextInt(train.size());
                sourceLength += train.sourceLength(parts[p]) - 1;
                targetLength += train.targetLength(parts[p]) - 1;
            }
            if (sourceLength > maxLength || targetLength > maxLength) {
                tooLong++;
                continue;
            }
            builder.add(joined(train, parts, sourceLength, true), joined(train, parts, targetLength, false));
            added++;
        }
        return new Result(builder.build(), added, tooLong);
    }

    /** One side of the parts, their pieces in order, then EOS. */
    private static int[] joined(EncodedCorpus train, int[] parts, int length, boolean source) {
        int[] ids = new int[length + 1];
        int at = 0;
        for (int part : parts) {
            int[] side = source ? train.source(part) : train.target(part);
            System.arraycopy(side, 0, ids, at, side.length - 1);
            at += side.length - 1;
        }
        ids[length] = SpecialTokens.EOS;
        assert at == length : Arrays.toString(parts);
        return ids;
    }
}
