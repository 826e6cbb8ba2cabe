package org.jnmt.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.jnmt.checkpoint.Checkpoint;
import org.jnmt.model.ParameterSet;
import org.jnmt.train.AdamOptimizer;
import org.jnmt.train.TrainingCheckpoint;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Checkpoint files: a truncated, corrupt or foreign file must be an NmtException. A file whose
 * checksum does not match is rejected before parsing, so the {@code ...Checksummed} targets fuzz
 * the body (metadata and tensors) and wrap it in a valid header and CRC-32C, to reach the parser.
 */
@Timeout(30) // the first input also starts ND4J
class CheckpointFuzzTest {

    private static final byte[] MAGIC = "JNMTCKPT".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;

    private final ParameterSet params = tinyModel();
    private final AdamOptimizer adam = new AdamOptimizer(params, 1e-3, 0.9, 0.999, 1e-8);

    @FuzzTest
    void loadWeightsRaw(byte[] content) {
        Path file = ParserContract.fileWith("best.ckpt", content);
        ParserContract.rejectsFileCleanly(file, () -> Checkpoint.loadWeights(file, params));
    }

    @FuzzTest
    void loadWeightsChecksummed(byte[] body) {
        Path file = ParserContract.fileWith("best.ckpt", checksummed(body));
        ParserContract.rejectsFileCleanly(file, () -> Checkpoint.loadWeights(file, params));
    }

    @FuzzTest
    void loadTrainingChecksummed(byte[] body) {
        Path file = ParserContract.fileWith("step-200.ckpt", checksummed(body));
        ParserContract.rejectsFileCleanly(file, () -> TrainingCheckpoint.loadTraining(file, params, adam));
    }

    /** Header (magic, version, total length), the body, then the CRC-32C of everything before it. */
    static byte[] checksummed(byte[] body) {
        int length = MAGIC.length + Integer.BYTES + Long.BYTES + body.length + Integer.BYTES;
        ByteBuffer file = ByteBuffer.allocate(length);
        file.put(MAGIC).putInt(FORMAT_VERSION).putLong(length).put(body);
        CRC32C crc = new CRC32C();
        crc.update(file.array(), 0, length - Integer.BYTES);
        file.putInt((int) crc.getValue());
        return file.array();
    }

    /** The tensors of a tiny model: [4, 3], [3] and a scalar. */
    private static ParameterSet tinyModel() {
        ParameterSet params = new ParameterSet(DataType.FLOAT);
        params.add("encoder.embedding", 4, 3);
        params.add("decoder.bias", 3);
        params.add("scale");
        return params;
    }
}
