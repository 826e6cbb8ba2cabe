package org.jnmt.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.jnmt.checkpoint.AtomicFileWriter;
import org.jnmt.util.Console;
import org.jnmt.util.IoErrors;
import org.jnmt.util.NmtException;

/**
 * The metrics of a run as JSON lines in RUN/metrics.jsonl, one object per line, appended and
 * flushed as they happen, for plotting:
 * <pre>
 *   {"type":"train","step":100,"epoch":1,"loss":5.2,"ppl":181.3,"lr":0.001,"tokens_per_s":5123.0,"grad_norm":2.1,"elapsed_s":61.2}
 *   {"type":"valid","step":500,"epoch":1,"dev_loss":4.7,"dev_ppl":110.0,"dev_bleu":12.31,"elapsed_s":300.5}
 * </pre>
 * NaN and infinite values are written as the strings "NaN", "Infinity", "-Infinity".
 */
public final class MetricsLog implements Closeable {

    public static final String FILE_NAME = "metrics.jsonl";
    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** The records of a metrics file, each kind in file order. */
    public record Records(List<TrainReport> train, List<ValidationReport> validations) {}

    private final Path file;
    private final Writer out;

    private MetricsLog(Path file, Writer out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Opens RUN/metrics.jsonl for appending. Records after {@code resumeStep} are dropped first:
     * they come from the part of an interrupted run that the resumed run will train again (a fresh
     * run passes 0 and starts an empty file). A line cut short by a crash is dropped too.
     */
    public static MetricsLog open(Path runDir, long resumeStep) {
        Path file = runDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(runDir);
            keepUpTo(file, resumeStep);
            Writer out = new BufferedWriter(Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            return new MetricsLog(file, out);
        } catch (IOException e) {
            throw new NmtException(file + ": cannot open the metrics log (" + IoErrors.describe(e) + ")");
        }
    }

    private static void keepUpTo(Path file, long resumeStep) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            try {
                if (JSON.readTree(line).path("step").asLong(Long.MAX_VALUE) <= resumeStep) {
                    kept.add(line);
                }
            } catch (JsonProcessingException e) {
                // A line cut short by a crash (or damaged): the resumed run writes its metrics again.
            }
        }
        if (kept.size() != lines.size() || !endsWithNewline(file)) {
            AtomicFileWriter.write(file, stream -> {
                for (String line : kept) {
                    stream.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            });
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    public synchronized void append(TrainReport r) {
        writeLine(MetricsEntry.Train.of(r));
    }

    public synchronized void append(ValidationReport r) {
        writeLine(MetricsEntry.Valid.of(r));
    }

    private void writeLine(MetricsEntry entry) {
        try {
            // Through the interface type, so that Jackson writes the "type" key.
            out.write(JSON.writerFor(MetricsEntry.class).writeValueAsString(entry));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new NmtException(file + ": cannot write the metrics log (" + IoErrors.describe(e) + ")");
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            Console.warn(file + ": cannot close the metrics log (" + IoErrors.describe(e) + ")");
        }
    }

    /**
     * Reads a metrics file. A last line without its newline (being written, or cut by a crash) is
     * ignored; any other line that is not a record is an error.
     *
     * @throws NmtException naming the file and line of a bad record
     */
    public static Records read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NmtException(file + ": metrics file not found");
        } catch (IOException e) {
            throw new NmtException(file + ": cannot read the metrics file (" + IoErrors.describe(e) + ")");
        }
        List<TrainReport> train = new ArrayList<>();
        List<ValidationReport> validations = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        // The element after the last '\n' is empty, or an unfinished line: skip it either way.
        for (int i = 0; i < lines.length - 1; i++) {
            MetricsEntry entry = parseLine(file, i + 1, lines[i]);
            if (entry instanceof MetricsEntry.Train t) {
                train.add(t.report());
            } else if (entry instanceof MetricsEntry.Valid v) {
                validations.add(v.report());
            }
        }
        return new Records(List.copyOf(train), List.copyOf(validations));
    }

    private static MetricsEntry parseLine(Path file, int lineNumber, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw NmtException.at(file, lineNumber, "not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || !node.hasNonNull("step") || !node.hasNonNull("epoch")) {
            throw NmtException.at(file, lineNumber, "not a metrics record (it needs type, step and epoch)");
        }
        String type = node.path("type").asText();
        if (!type.equals("train") && !type.equals("valid")) {
            throw NmtException.at(file, lineNumber, "unknown record type '" + type + "'");
        }
        try {
            return JSON.treeToValue(node, MetricsEntry.class);
        } catch (JsonProcessingException e) {
            throw NmtException.at(file, lineNumber, "not a metrics record (" + e.getOriginalMessage() + ")");
        }
    }
}
