package org.jnmt.checkpoint;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.jnmt.util.IoErrors;
import org.jnmt.util.NmtException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The binary checkpoint file, version 1. All numbers are big-endian (Java's DataOutputStream).
 * <pre>
 *   magic      8 bytes  "JNMTCKPT"
 *   version    int      1
 *   length     long     the size of the whole file in bytes
 *   metadata   int n, then n bytes of UTF-8 JSON (the scalar state)
 *   count      int      the number of tensors, then for each:
 *     name     int n, then n bytes of UTF-8
 *     type     byte     1 = float32, 2 = float64
 *     rank     byte     r, then r longs: the shape
 *     values   the elements in row-major (c) order, 4 or 8 bytes each
 *   checksum   int      CRC-32C of every byte before it
 * </pre>
 * Files are replaced atomically (see {@link AtomicFileWriter}). Reading checks, in this order, the
 * magic, the version, the length against the file size (truncation) and the checksum, before it
 * parses anything, so that a damaged file gives one clear error and never a half-loaded model.
 */
final class CheckpointFormat {

    static final int VERSION = 1;
    private static final byte[] MAGIC = "JNMTCKPT".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = MAGIC.length + Integer.BYTES + Long.BYTES;
    private static final int CHECKSUM_BYTES = Integer.BYTES;
    private static final byte FLOAT32 = 1;
    private static final byte FLOAT64 = 2;
    private static final int MAX_RANK = 32;
    private static final int MAX_NAME_BYTES = 4096;
    private static final int CHUNK_BYTES = 1 << 16;

    /** What a file holds: the metadata JSON and the tensors read, by name, in file order. */
    record Contents(String metadataJson, Map<String, INDArray> tensors) {}

    private CheckpointFormat() {}

    /**
     * Writes the tensors (FLOAT or DOUBLE, any shape) and the metadata to {@code file} atomically.
     *
     * @throws NmtException naming the file and the reason when it cannot be written (the previous
     *                      file, if any, is then unchanged)
     */
    static void write(Path file, String metadataJson, Map<String, INDArray> tensors) {
        byte[] metadata = metadataJson.getBytes(StandardCharsets.UTF_8);
        long length = (long) HEADER_BYTES + Integer.BYTES + metadata.length + Integer.BYTES + CHECKSUM_BYTES;
        for (Map.Entry<String, INDArray> e : tensors.entrySet()) {
            length += tensorBytes(e.getKey(), e.getValue());
        }
        long expectedLength = length;
        try {
            AtomicFileWriter.write(file, raw -> {
                CRC32C crc = new CRC32C();
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
                out.write(MAGIC);
                out.writeInt(VERSION);
                out.writeLong(expectedLength);
                out.writeInt(metadata.length);
                out.write(metadata);
                out.writeInt(tensors.size());
                for (Map.Entry<String, INDArray> e : tensors.entrySet()) {
                    writeTensor(out, e.getKey(), e.getValue());
                }
                out.flush();
                if (out.size() != expectedLength - CHECKSUM_BYTES) {
                    throw new IllegalStateException("checkpoint writer wrote " + out.size() + " bytes, planned "
                            + (expectedLength - CHECKSUM_BYTES));
                }
                new DataOutputStream(raw).writeInt((int) crc.getValue());
            });
        } catch (IOException e) {
            throw new NmtException(file + ": cannot write checkpoint (" + IoErrors.describe(e) + "); any previous "
                    + file.getFileName() + " is unchanged");
        }
    }

    private static long tensorBytes(String name, INDArray array) {
        return Integer.BYTES
                + name.getBytes(StandardCharsets.UTF_8).length
                + 2
                + (long) Long.BYTES * array.rank()
                + array.length() * elementBytes(array.dataType());
    }

    private static int elementBytes(DataType type) {
        return switch (type) {
            case FLOAT -> Float.BYTES;
            case DOUBLE -> Double.BYTES;
            default -> throw new IllegalArgumentException("checkpoints hold FLOAT or DOUBLE tensors, not " + type);
        };
    }

    private static void writeTensor(DataOutputStream out, String name, INDArray array) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        out.writeInt(nameBytes.length);
        out.write(nameBytes);
        out.writeByte(array.dataType() == DataType.DOUBLE ? FLOAT64 : FLOAT32);
        out.writeByte(array.rank());
        for (long dim : array.shape()) {
            out.writeLong(dim);
        }
        INDArray contiguous = array.isView() || array.ordering() != 'c' ? array.dup('c') : array;
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
        if (array.dataType() == DataType.DOUBLE) {
            double[] values = contiguous.data().asDouble();
            for (int from = 0; from < values.length; from += CHUNK_BYTES / Double.BYTES) {
                int n = Math.min(CHUNK_BYTES / Double.BYTES, values.length - from);
                chunk.clear();
                chunk.asDoubleBuffer().put(values, from, n);
                out.write(chunk.array(), 0, n * Double.BYTES);
            }
        } else {
            float[] values = contiguous.data().asFloat();
            for (int from = 0; from < values.length; from += CHUNK_BYTES / Float.BYTES) {
                int n = Math.min(CHUNK_BYTES / Float.BYTES, values.length - from);
                chunk.clear();
                chunk.asFloatBuffer().put(values, from, n);
                out.write(chunk.array(), 0, n * Float.BYTES);
            }
        }
    }

    /**
     * Reads a checkpoint, keeping only the tensors whose names {@code wanted} accepts (the others
     * are skipped without being loaded).
     *
     * @throws NmtException for a missing, unreadable, truncated, corrupt or other-version file
     */
    static Contents read(Path file, Predicate<String> wanted) {
        try {
            long length = verify(file);
            try (DataInputStream in =
                    new DataInputStream(new BufferedInputStream(Files.newInputStream(file), CHUNK_BYTES))) {
                in.skipNBytes(HEADER_BYTES);
                return parse(file, in, length - HEADER_BYTES - CHECKSUM_BYTES, wanted);
            }
        } catch (NoSuchFileException e) {
            throw new NmtException(file + ": checkpoint not found");
        } catch (EOFException e) {
            throw corrupt(file, "it ends early");
        } catch (IOException e) {
            throw new NmtException(file + ": cannot read checkpoint (" + IoErrors.describe(e) + ")");
        }
    }

    /** Checks magic, version, length and checksum in one pass over the file; returns the length. */
    private static long verify(Path file) throws IOException {
        long size = Files.size(file);
        CRC32C crc = new CRC32C();
        try (DataInputStream in = new DataInputStream(
                new CheckedInputStream(new BufferedInputStream(Files.newInputStream(file), CHUNK_BYTES), crc))) {
            byte[] magic = new byte[MAGIC.length];
            int got = in.readNBytes(magic, 0, magic.length);
            if (got < magic.length || !Arrays.equals(magic, MAGIC)) {
                throw new NmtException(file + ": not a jnmt checkpoint (it does not start with "
                        + new String(MAGIC, StandardCharsets.US_ASCII) + ")");
            }
            if (size < HEADER_BYTES) {
                throw truncated(file, size + " bytes, shorter than the header");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new NmtException(
                        file + ": format version " + version + " is not supported; this jnmt reads version " + VERSION);
            }
            long length = in.readLong();
            if (size < length) {
                throw truncated(file, size + " of " + length + " bytes");
            }
            if (size > length) {
                throw corrupt(file, (size - length) + " unexpected bytes after its end");
            }
            if (length < HEADER_BYTES + CHECKSUM_BYTES) {
                throw corrupt(file, "impossible length " + length);
            }
            in.skipNBytes(length - HEADER_BYTES - CHECKSUM_BYTES);
            int computed = (int) crc.getValue();
            int stored = in.readInt();
            if (computed != stored) {
                throw corrupt(file, "checksum mismatch");
            }
            return length;
        }
    }

    private static Contents parse(Path file, DataInputStream in, long bodyBytes, Predicate<String> wanted)
            throws IOException {
        long remaining = bodyBytes;
        int metadataLength = in.readInt();
        remaining -= Integer.BYTES;
        if (metadataLength < 0 || metadataLength > remaining) {
            throw corrupt(file, "bad metadata length " + metadataLength);
        }
        String metadata = new String(in.readNBytes(metadataLength), StandardCharsets.UTF_8);
        remaining -= metadataLength;
        int count = in.readInt();
        remaining -= Integer.BYTES;
        if (count < 0) {
            throw corrupt(file, "bad tensor count " + count);
        }
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int nameLength = in.readInt();
            if (nameLength <= 0 || nameLength > MAX_NAME_BYTES) {
                throw corrupt(file, "bad name length " + nameLength + " of tensor " + (i + 1));
            }
            String name = new String(in.readNBytes(nameLength), StandardCharsets.UTF_8);
            byte type = in.readByte();
            int rank = in.readByte();
            if ((type != FLOAT32 && type != FLOAT64) || rank < 0 || rank > MAX_RANK) {
                throw corrupt(file, "bad type or rank of tensor " + name);
            }
            long[] shape = new long[rank];
            long elements = 1;
            for (int d = 0; d < rank; d++) {
                shape[d] = in.readLong();
                if (shape[d] < 0 || shape[d] > Integer.MAX_VALUE) {
                    throw corrupt(file, "bad shape " + Arrays.toString(shape) + " of tensor " + name);
                }
                elements *= shape[d]; // both factors are below 2^31: no overflow
                if (elements > Integer.MAX_VALUE) {
                    throw corrupt(file, "tensor " + name + " has more elements than a tensor can hold");
                }
            }
            int elementBytes = type == FLOAT64 ? Double.BYTES : Float.BYTES;
            long dataBytes = elements * elementBytes;
            remaining -= Integer.BYTES + nameLength + 2 + (long) Long.BYTES * rank;
            if (dataBytes > remaining || elements > Integer.MAX_VALUE) {
                throw corrupt(
                        file, "tensor " + name + " of shape " + Arrays.toString(shape) + " does not fit in the file");
            }
            remaining -= dataBytes;
            if (tensors.containsKey(name)) {
                throw corrupt(file, "tensor " + name + " appears twice");
            }
            if (wanted.test(name)) {
                tensors.put(name, readValues(in, type, shape, (int) elements));
            } else {
                in.skipNBytes(dataBytes);
            }
        }
        if (remaining != 0) {
            throw corrupt(file, remaining + " bytes left after the last tensor");
        }
        return new Contents(metadata, tensors);
    }

    private static INDArray readValues(InputStream in, byte type, long[] shape, int elements) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        if (type == FLOAT64) {
            double[] values = new double[elements];
            for (int from = 0; from < elements; from += CHUNK_BYTES / Double.BYTES) {
                int n = Math.min(CHUNK_BYTES / Double.BYTES, elements - from);
                readFully(in, chunk, n * Double.BYTES);
                ByteBuffer.wrap(chunk).asDoubleBuffer().get(values, from, n);
            }
            return shape.length == 0 ? Nd4j.scalar(values[0]) : Nd4j.create(values, shape, 'c');
        }
        float[] values = new float[elements];
        for (int from = 0; from < elements; from += CHUNK_BYTES / Float.BYTES) {
            int n = Math.min(CHUNK_BYTES / Float.BYTES, elements - from);
            readFully(in, chunk, n * Float.BYTES);
            ByteBuffer.wrap(chunk).asFloatBuffer().get(values, from, n);
        }
        return shape.length == 0 ? Nd4j.scalar(values[0]) : Nd4j.create(values, shape, 'c');
    }

    private static void readFully(InputStream in, byte[] buffer, int n) throws IOException {
        if (in.readNBytes(buffer, 0, n) < n) {
            throw new EOFException();
        }
    }

    private static NmtException truncated(Path file, String sizes) {
        return new NmtException(file + ": checkpoint is truncated (" + sizes
                + "); it was cut short after it was written - use an earlier checkpoint");
    }

    private static NmtException corrupt(Path file, String reason) {
        return new NmtException(file + ": checkpoint is corrupt (" + reason
                + "); it was damaged after it was written - use an earlier checkpoint");
    }
}
