package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    @TempDir
    Path run;

    private static final TrainReport TRAIN_100 = new TrainReport(100, 1, 5.25, 1e-3, 5123.5, 2.5, 61.25);
    private static final TrainReport TRAIN_200 =
            new TrainReport(200, 1, Double.NaN, 1e-3, 4000, Double.POSITIVE_INFINITY, 120);
    private static final ValidationReport VALID_200 = new ValidationReport(200, 1, 4.75, 12.31, 130.5);
    private static final TrainReport TRAIN_300 = new TrainReport(300, 2, 4.0, 5e-4, 4100, 1.0, 180);

    @Test
    void recordsRoundTripIncludingNaN() throws IOException {
        try (MetricsLog log = MetricsLog.open(run, 0)) {
            log.append(TRAIN_100);
            log.append(TRAIN_200);
            log.append(VALID_200);
        }
        MetricsLog.Records records = MetricsLog.read(run.resolve(MetricsLog.FILE_NAME));
        assertEquals(List.of(TRAIN_100, TRAIN_200), records.train());
        assertEquals(List.of(VALID_200), records.validations());
        List<String> lines = Files.readAllLines(run.resolve(MetricsLog.FILE_NAME));
        assertEquals(
                "{\"type\":\"valid\",\"step\":200,\"epoch\":1,\"dev_loss\":4.75,\"dev_ppl\":" + Math.exp(4.75)
                        + ",\"dev_bleu\":12.31,\"elapsed_s\":130.5}",
                lines.get(2));
        assertEquals(
                "{\"type\":\"train\",\"step\":100,\"epoch\":1,\"loss\":5.25,\"ppl\":" + Math.exp(5.25)
                        + ",\"lr\":0.001,\"tokens_per_s\":5123.5,\"grad_norm\":2.5,\"elapsed_s\":61.25}",
                lines.get(0));
        assertTrue(lines.get(1).contains("\"loss\":\"NaN\""), lines.get(1));
        assertTrue(lines.get(1).contains("\"grad_norm\":\"Infinity\""), lines.get(1));
    }

    @Test
    void resumingDropsRecordsAfterTheCheckpointAndACutLine() throws IOException {
        try (MetricsLog log = MetricsLog.open(run, 0)) {
            log.append(TRAIN_100);
            log.append(TRAIN_200);
            log.append(VALID_200);
            log.append(TRAIN_300);
        }
        Path file = run.resolve(MetricsLog.FILE_NAME);
        Files.writeString(file, "{\"type\":\"train\",\"step\":40", StandardOpenOption.APPEND); // killed mid-write
        assertEquals(
                4,
                MetricsLog.read(file).train().size()
                        + MetricsLog.read(file).validations().size());

        try (MetricsLog log = MetricsLog.open(run, 200)) {
            log.append(new TrainReport(250, 2, 4.5, 1e-3, 4000, 1.5, 150));
        }
        MetricsLog.Records records = MetricsLog.read(file);
        assertEquals(
                List.of(100L, 200L, 250L),
                records.train().stream().map(TrainReport::step).toList());
        assertEquals(List.of(VALID_200), records.validations());

        try (MetricsLog log = MetricsLog.open(run, 0)) {
            assertEquals(0, Files.size(file), "a fresh run starts an empty log");
        }
    }

    @Test
    void missingNumbersReadAsNaNAndUnknownKeysAreSkipped() throws IOException {
        Path file = run.resolve(MetricsLog.FILE_NAME);
        Files.writeString(file, "{\"type\":\"valid\",\"step\":5,\"epoch\":1,\"dev_loss\":2.5,\"chrf\":40}\n");
        ValidationReport read = MetricsLog.read(file).validations().get(0);
        assertEquals(2.5, read.loss());
        assertTrue(Double.isNaN(read.bleu()) && Double.isNaN(read.elapsedSeconds()), read.toString());
    }

    @Test
    void badLineIsReportedWithItsLineNumber() throws IOException {
        Path file = run.resolve("metrics.jsonl");
        Files.writeString(file, "{\"type\":\"train\",\"step\":1,\"epoch\":1,\"loss\":3.0}\n[1, 2]\n");
        NmtException e = assertThrows(NmtException.class, () -> MetricsLog.read(file));
        assertEquals(file + ":2: not a metrics record (it needs type, step and epoch)", e.getMessage());
        Files.writeString(file, "{\"type\":\"test\",\"step\":1,\"epoch\":1}\n");
        assertEquals(
                file + ":1: unknown record type 'test'",
                assertThrows(NmtException.class, () -> MetricsLog.read(file)).getMessage());
        Files.writeString(file, "{\"type\":\"train\",\"step\":1,\"epoch\":1,\"loss\":[3]}\n");
        assertTrue(assertThrows(NmtException.class, () -> MetricsLog.read(file))
                .getMessage()
                .startsWith(file + ":1: not a metrics record ("));
    }
}
