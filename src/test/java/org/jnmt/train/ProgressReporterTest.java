package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressReporterTest {

    @TempDir
    Path run;

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();

    private ProgressReporter reporter(RunLog log, boolean interactive, boolean quiet) {
        return new ProgressReporter(
                log,
                1000,
                0,
                new PrintWriter(new OutputStreamWriter(terminal, StandardCharsets.UTF_8), true),
                interactive,
                quiet,
                nanos::get);
    }

    private String terminalText() {
        return terminal.toString(StandardCharsets.UTF_8);
    }

    private static TrainReport at(long step, double elapsed) {
        return new TrainReport(step, 2, 4.0, 1e-3, 5000.4, 1.0, elapsed);
    }

    @Test
    void plainLinesWhenNotATerminalAndEverythingInTrainLog() throws IOException {
        try (RunLog log = RunLog.open(run)) {
            ProgressReporter progress = reporter(log, false, false);
            progress.update(at(100, 10));
            progress.update(at(200, 20));
            progress.report(at(200, 20));
            progress.info("validation: BLEU 12.3");
            progress.finish();
        }
        String line = "epoch 2  step 200/1000  loss 4.000  ppl 54.6  lr 1.00e-03  5000 tok/s  0:00:20  eta 0:01:20";
        assertEquals(line + "\nvalidation: BLEU 12.3\n", terminalText().replace(System.lineSeparator(), "\n"));
        List<String> logLines = Files.readAllLines(run.resolve(RunLog.FILE_NAME));
        assertEquals(2, logLines.size());
        assertTrue(
                logLines.get(0).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  " + line.replace(".", "\\.")),
                logLines.get(0));
        assertTrue(logLines.get(1).endsWith("  validation: BLEU 12.3"));
    }

    @Test
    void liveLineRedrawsInPlaceAtMostFiveTimesASecond() throws IOException {
        try (RunLog log = RunLog.open(run)) {
            ProgressReporter progress = reporter(log, true, false);
            progress.update(at(100, 10));
            nanos.addAndGet(50_000_000); // 50 ms later: not redrawn
            progress.update(at(101, 10.05));
            nanos.addAndGet(200_000_000);
            progress.update(at(102, 10.25));
            progress.info("checkpoint written");
            progress.finish();
        }
        String text = terminalText();
        assertTrue(text.startsWith("\repoch 2  step 100/1000"), text);
        assertEquals(1, count(text, "step 100/"), text);
        assertEquals(0, count(text, "step 101/"), text);
        // Drawn once, then drawn again below the permanent message that interrupted it.
        assertEquals(2, count(text, "step 102/"), text);
        assertTrue(text.contains("\repoch 2  step 102/1000"), text);
        assertTrue(text.contains("\rcheckpoint written"), text);
        assertTrue(text.endsWith("\r"), "the live line is cleared at the end");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void quietKeepsOnlyWarningsOnTheTerminal() throws IOException {
        try (RunLog log = RunLog.open(run)) {
            ProgressReporter progress = reporter(log, true, true);
            progress.update(at(100, 10));
            progress.report(at(100, 10));
            progress.info("validation: BLEU 12.3");
            progress.warn("skipped a batch with a NaN loss");
        }
        assertEquals(
                "warning: skipped a batch with a NaN loss\n", terminalText().replace(System.lineSeparator(), "\n"));
        assertEquals(3, Files.readAllLines(run.resolve(RunLog.FILE_NAME)).size());
    }

    @Test
    void etaUsesTheTimeLimitWhenItComesFirst() {
        ProgressReporter progress = new ProgressReporter(
                null,
                0,
                600,
                new PrintWriter(new OutputStreamWriter(terminal, StandardCharsets.UTF_8), true),
                false,
                false,
                nanos::get);
        assertTrue(progress.describe(at(10, 100)).endsWith("0:01:40  eta 0:08:20"), progress.describe(at(10, 100)));
        assertEquals("1:01:01", ProgressReporter.duration(3661));
    }
}
