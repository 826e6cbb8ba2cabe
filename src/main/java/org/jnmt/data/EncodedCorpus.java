package org.jnmt.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.jnmt.util.NmtException;

/**
 * Encoded sentence pairs held compactly: all source ids in one int array, all target ids in
 * another, and the start offset of each sentence, so that a corpus of N pairs costs 4 bytes per
 * token plus 8 bytes per pair and no object per sentence. Every sentence ends with EOS.
 *
 * <p>On disk ({@code .ids} files): big-endian ints {@code MAGIC, VERSION, N, srcTotal, tgtTotal},
 * then N source lengths, N target lengths, the srcTotal source ids and the tgtTotal target ids.
 */
public final class EncodedCorpus {

    private static final int MAGIC = 0x4A4E4D54; // "JNMT"
    private static final int VERSION = 1;

    private final int[] srcIds;
    private final int[] srcOffsets;
    private final int[] tgtIds;
    private final int[] tgtOffsets;

    private EncodedCorpus(int[] srcIds, int[] srcOffsets, int[] tgtIds, int[] tgtOffsets) {
        this.srcIds = srcIds;
        this.srcOffsets = srcOffsets;
        this.tgtIds = tgtIds;
        this.tgtOffsets = tgtOffsets;
    }

    public int size() {
        return srcOffsets.length - 1;
    }

    /** Source length of pair i, EOS included. */
    public int sourceLength(int i) {
        return srcOffsets[i + 1] - srcOffsets[i];
    }

    /** Target length of pair i, EOS included. */
    public int targetLength(int i) {
        return tgtOffsets[i + 1] - tgtOffsets[i];
    }

    /** A copy of the source ids of pair i, EOS included. */
    public int[] source(int i) {
        return Arrays.copyOfRange(srcIds, srcOffsets[i], srcOffsets[i + 1]);
    }

    /** A copy of the target ids of pair i, EOS included. */
    public int[] target(int i) {
        return Arrays.copyOfRange(tgtIds, tgtOffsets[i], tgtOffsets[i + 1]);
    }

    /** Copies the source ids of pair i to the start of {@code row}. */
    void copySource(int i, int[] row) {
        System.arraycopy(srcIds, srcOffsets[i], row, 0, sourceLength(i));
    }

    void copyTarget(int i, int[] row) {
        System.arraycopy(tgtIds, tgtOffsets[i], row, 0, targetLength(i));
    }

    /** All source tokens, EOS included. */
    public long sourceTokens() {
        return srcIds.length;
    }

    public long targetTokens() {
        return tgtIds.length;
    }

    /** How many source/target ids equal {@code id} (e.g. UNK), for summaries. */
    public long[] countId(int id) {
        return new long[] {
            Arrays.stream(srcIds).filter(x -> x == id).count(),
            Arrays.stream(tgtIds).filter(x -> x == id).count()
        };
    }

    /** Checks that every id is below the vocabulary sizes; a corrupt file is an error naming it. */
    void checkIds(Path file, int srcVocabulary, int tgtVocabulary) {
        for (int id : srcIds) {
            if (id < 0 || id >= srcVocabulary) {
                throw new NmtException(file + ": source id " + id + " is outside the source vocabulary (size "
                        + srcVocabulary + "); was the vocabulary replaced after prepare?");
            }
        }
        for (int id : tgtIds) {
            if (id < 0 || id >= tgtVocabulary) {
                throw new NmtException(file + ": target id " + id + " is outside the target vocabulary (size "
                        + tgtVocabulary + "); was the vocabulary replaced after prepare?");
            }
        }
    }

    /** Appends pairs one at a time, growing the arrays geometrically. */
    public static final class Builder {
        private final IntList srcIds = new IntList();
        private final IntList srcOffsets = new IntList();
        private final IntList tgtIds = new IntList();
        private final IntList tgtOffsets = new IntList();

        public Builder() {
            srcOffsets.add(0);
            tgtOffsets.add(0);
        }

        /** Adds a pair; both sides must already end with EOS. */
        public Builder add(int[] source, int[] target) {
            if (source.length == 0
                    || source[source.length - 1] != SpecialTokens.EOS
                    || target.length == 0
                    || target[target.length - 1] != SpecialTokens.EOS) {
                throw new IllegalArgumentException("encoded sentences must end with EOS");
            }
            srcIds.addAll(source);
            srcOffsets.add(srcIds.size());
            tgtIds.addAll(target);
            tgtOffsets.add(tgtIds.size());
            return this;
        }

        public EncodedCorpus build() {
            return new EncodedCorpus(srcIds.toArray(), srcOffsets.toArray(), tgtIds.toArray(), tgtOffsets.toArray());
        }
    }

    public void write(Path file) {
        int n = size();
        ByteBuffer bytes = ByteBuffer.allocate(4 * (5 + 2 * n + srcIds.length + tgtIds.length));
        IntBuffer ints = bytes.asIntBuffer();
        ints.put(MAGIC).put(VERSION).put(n).put(srcIds.length).put(tgtIds.length);
        for (int i = 0; i < n; i++) {
            ints.put(sourceLength(i));
        }
        for (int i = 0; i < n; i++) {
            ints.put(targetLength(i));
        }
        ints.put(srcIds).put(tgtIds);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes.array());
        } catch (IOException e) {
            throw new NmtException(file + ": cannot write encoded corpus: " + e.getMessage(), e);
        }
    }

    public static EncodedCorpus read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NmtException(file + ": file not found; run 'nmt prepare' first");
        } catch (IOException e) {
            throw new NmtException(file + ": cannot read: " + e.getMessage(), e);
        }
        IntBuffer ints = ByteBuffer.wrap(bytes).asIntBuffer();
        if (bytes.length % 4 != 0 || ints.remaining() < 5 || ints.get() != MAGIC) {
            throw new NmtException(file + ": not an encoded corpus written by 'nmt prepare'");
        }
        int version = ints.get();
        int n = ints.get();
        int srcTotal = ints.get();
        int tgtTotal = ints.get();
        if (version != VERSION
                || n < 0
                || srcTotal < 0
                || tgtTotal < 0
                || ints.remaining() != 2L * n + srcTotal + tgtTotal) {
            throw new NmtException(file + ": corrupt encoded corpus (header does not match the file size)");
        }
        int[] srcOffsets = readOffsets(ints, n, srcTotal, file);
        int[] tgtOffsets = readOffsets(ints, n, tgtTotal, file);
        int[] srcIds = new int[srcTotal];
        int[] tgtIds = new int[tgtTotal];
        ints.get(srcIds).get(tgtIds);
        return new EncodedCorpus(srcIds, srcOffsets, tgtIds, tgtOffsets);
    }

    private static int[] readOffsets(IntBuffer ints, int n, int total, Path file) {
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int length = ints.get();
            if (length < 1 || offsets[i] + (long) length > total) {
                throw new NmtException(file + ": corrupt encoded corpus (bad sentence length " + length + ")");
            }
            offsets[i + 1] = offsets[i] + length;
        }
        if (offsets[n] != total) {
            throw new NmtException(file + ": corrupt encoded corpus (lengths do not add up)");
        }
        return offsets;
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(int[] more) {
            if (size + more.length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + more.length));
            }
            System.arraycopy(more, 0, values, size, more.length);
            size += more.length;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
