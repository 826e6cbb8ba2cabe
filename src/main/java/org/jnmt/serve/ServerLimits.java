package org.jnmt.serve;

/**
 * What the server accepts and how it batches.
 *
 * @param maxBodyBytes     the largest request body; a larger one gets 413
 * @param maxSentences     the most sentences in one request
 * @param maxSentenceChars the longest sentence, in characters
 * @param maxPending       the requests that may be queued or decoding at once; more get 503
 * @param batching         true: sentences of concurrent requests share decoder batches
 * @param batchWindowMillis how long a batch waits for more sentences when it is not full
 */
public record ServerLimits(
        int maxBodyBytes,
        int maxSentences,
        int maxSentenceChars,
        int maxPending,
        boolean batching,
        int batchWindowMillis) {

    public static final ServerLimits DEFAULT = new ServerLimits(1 << 20, 256, 2000, 128, true, 2);

    public ServerLimits {
        if (maxBodyBytes < 1 || maxSentences < 1 || maxSentenceChars < 1 || maxPending < 1 || batchWindowMillis < 0) {
            throw new IllegalArgumentException("server limits must be positive");
        }
    }

    public ServerLimits withBatching(boolean on) {
        return new ServerLimits(maxBodyBytes, maxSentences, maxSentenceChars, maxPending, on, batchWindowMillis);
    }

    public ServerLimits withMaxPending(int n) {
        return new ServerLimits(maxBodyBytes, maxSentences, maxSentenceChars, n, batching, batchWindowMillis);
    }

    public ServerLimits withMaxBodyBytes(int n) {
        return new ServerLimits(n, maxSentences, maxSentenceChars, maxPending, batching, batchWindowMillis);
    }

    public ServerLimits withMaxSentences(int n) {
        return new ServerLimits(maxBodyBytes, n, maxSentenceChars, maxPending, batching, batchWindowMillis);
    }

    public ServerLimits withMaxSentenceChars(int n) {
        return new ServerLimits(maxBodyBytes, maxSentences, n, maxPending, batching, batchWindowMillis);
    }

    public ServerLimits withBatchWindowMillis(int ms) {
        return new ServerLimits(maxBodyBytes, maxSentences, maxSentenceChars, maxPending, batching, ms);
    }
}
