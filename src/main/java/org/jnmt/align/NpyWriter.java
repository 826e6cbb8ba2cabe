package org.jnmt.align;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a float matrix as a NumPy {@code .npy} file, format version 1.0, so that
 * {@code numpy.load("3.npy")} gives a float32 array of shape (rows, columns). Layout: the magic
 * {@code \x93NUMPY}, version bytes 1 and 0, the header length as a little-endian uint16, then an
 * ASCII dict literal padded with spaces and ending in a newline so that the data starts at a
 * multiple of 64 bytes, then the values little-endian in row-major (C) order.
 */
public final class NpyWriter {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    /** Magic and version (8 bytes) plus the header length (2 bytes). */
    private static final int PREAMBLE = MAGIC.length + 2;

    private static final int ALIGNMENT = 64;

    private NpyWriter() {}

    /**
     * Writes a float32 matrix as a .npy file.
     *
     * @param matrix [rows][columns], every row the same length
     */
    public static void writeFloat32(OutputStream out, float[][] matrix) throws IOException {
        int rows = matrix.length;
        int columns = rows == 0 ? 0 : matrix[0].length;
        out.write(header(rows, columns));
        ByteBuffer row = ByteBuffer.allocate(Float.BYTES * columns).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows; r++) {
            if (matrix[r].length != columns) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + matrix[r].length + " values, row 0 has " + columns);
            }
            row.clear();
            for (float value : matrix[r]) {
                row.putFloat(value);
            }
            out.write(row.array());
        }
    }

    /** The magic, version, length and padded dict; its length is a multiple of 64. */
    static byte[] header(int rows, int columns) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        int unpadded = PREAMBLE + dict.length() + 1; // + the closing newline
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String padded = dict + " ".repeat(padding) + "\n";
        byte[] text = padded.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer header = ByteBuffer.allocate(PREAMBLE + text.length).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putShort((short) text.length).put(text);
        return header.array();
    }
}
