package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttentionFilesTest {

    private static final AttentionMatrix MATRIX =
            new AttentionMatrix(List.of("ein", "Hund", "</s>"), List.of("a", "dog", "«ça»", "</s>"), new float[][] {
                {0.9f, 0.05f, 0.05f}, {0.1f, 0.8f, 0.1f}, {0.2f, 0.2f, 0.6f}, {0f, 0.25f, 0.75f}
            });

    @TempDir
    Path dir;

    @Test
    void writesANpyFileThatNumpyCanRead() throws IOException {
        AttentionFiles.write(dir.resolve("out"), 7, MATRIX);
        byte[] bytes = Files.readAllBytes(dir.resolve("out").resolve("7.npy"));
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        buffer.get(magic);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}, magic);
        assertEquals(1, buffer.get());
        assertEquals(0, buffer.get());
        int headerLength = Short.toUnsignedInt(buffer.getShort());
        assertEquals(0, (10 + headerLength) % 64, "the data must start at a multiple of 64 bytes");
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.endsWith("\n"));
        Matcher dict = Pattern.compile(
                        "\\{'descr': '<f4', 'fortran_order': False, 'shape': \\((\\d+), (\\d+)\\), } *\n")
                .matcher(header);
        assertTrue(dict.matches(), header);
        int rows = Integer.parseInt(dict.group(1));
        int columns = Integer.parseInt(dict.group(2));
        assertEquals(4, rows);
        assertEquals(3, columns);
        assertEquals(10 + headerLength + 4 * rows * columns, bytes.length);
        buffer.position(10 + headerLength);
        for (float[] row : MATRIX.weights()) {
            for (float value : row) {
                assertEquals(value, buffer.getFloat());
            }
        }
    }

    @Test
    void headerPaddingHoldsForLargeShapes() {
        for (int[] shape : new int[][] {{0, 0}, {1, 1}, {123, 4567}, {100000, 100000}}) {
            byte[] header = NpyWriter.header(shape[0], shape[1]);
            assertEquals(0, header.length % 64);
            assertEquals(
                    header.length - 10,
                    Short.toUnsignedInt(ByteBuffer.wrap(header, 8, 2)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .getShort()));
        }
    }

    @Test
    void jsonHoldsTheTokensAndRowsAndReadsBack() throws IOException {
        AttentionFiles.write(dir, 1, MATRIX);
        String json = Files.readString(dir.resolve("1.json"));
        assertTrue(
                json.startsWith(
                        "{\"source\":[\"ein\",\"Hund\",\"</s>\"],\"target\":[\"a\",\"dog\",\"«ça»\",\"</s>\"],\"attention\":[[0.9,0.05,0.05],"),
                json);
        AttentionMatrix back = AttentionFiles.readJson(dir.resolve("1.json"));
        assertEquals(MATRIX.sourceTokens(), back.sourceTokens());
        assertEquals(MATRIX.targetTokens(), back.targetTokens());
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(MATRIX.weights()[t], back.weights()[t]);
        }
    }

    @Test
    void badJsonFilesAreClearErrors() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"source\": [\"a\"], ");
        assertTrue(assertThrows(NmtException.class, () -> AttentionFiles.readJson(broken))
                .getMessage()
                .startsWith(broken + ": not an attention JSON file"));
        Path shape = dir.resolve("shape.json");
        Files.writeString(shape, "{\"source\": [\"a\"], \"target\": [\"b\"], \"attention\": [[0.5, 0.5]]}");
        assertEquals(
                shape + ": attention row 0 has 2 columns for 1 source tokens.",
                assertThrows(NmtException.class, () -> AttentionFiles.readJson(shape))
                        .getMessage());
        Path partial = dir.resolve("partial.json");
        Files.writeString(partial, "{\"source\": [\"a\"]}");
        assertTrue(assertThrows(NmtException.class, () -> AttentionFiles.readJson(partial))
                .getMessage()
                .contains("needs \"source\", \"target\" and \"attention\""));
        assertEquals(
                "cannot read " + dir.resolve("none.json") + ": no such file.",
                assertThrows(NmtException.class, () -> AttentionFiles.readJson(dir.resolve("none.json")))
                        .getMessage());
    }
}
