package org.jnmt.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jnmt.data.BpeCodes;
import org.jnmt.data.BpeLearner;
import org.jnmt.data.LineReader;
import org.jnmt.util.Console;
import org.jnmt.util.NmtException;
import org.jnmt.util.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmt bpe learn}: learn merges from text, as subword-nmt's learn-bpe does. */
@Command(
        name = "learn",
        mixinStandardHelpOptions = true,
        description = {
            "Learn BPE merges from text whose tokens are separated by spaces (several -i files are read as one text).",
            "Writes subword-nmt's codes format (#version: 0.2); the same text gives the same codes as subword-nmt 0.3.8."
        })
public class BpeLearnCommand implements Runnable {

    @Option(
            names = {"-i", "--input"},
            paramLabel = "FILE",
            description = "Training text; repeatable (default: standard input).")
    List<Path> inputs = new ArrayList<>();

    @Option(
            names = {"-s", "--symbols"},
            paramLabel = "MERGES",
            defaultValue = "10000",
            description = "Number of merges to learn (default: ${DEFAULT-VALUE}).")
    int merges;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "CODES",
            description = "Codes file to write (default: standard output).")
    Path output;

    @Option(
            names = "--min-frequency",
            paramLabel = "N",
            defaultValue = "2",
            description = "Stop when no pair occurs at least N times (default: ${DEFAULT-VALUE}).")
    int minFrequency;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (merges < 0) {
            throw new UsageException("--symbols must not be negative, got " + merges);
        }
        if (minFrequency < 1) {
            throw new UsageException("--min-frequency must be at least 1, got " + minFrequency);
        }
        long start = System.nanoTime();
        Map<String, Long> words = new HashMap<>();
        for (Path input : inputs.isEmpty() ? Collections.<Path>singletonList(null) : inputs) {
            try (LineReader reader = TextStreams.input(input)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    BpeLearner.countWords(line, words);
                }
            }
        }
        BpeCodes codes = BpeLearner.learn(words, merges, minFrequency);
        try (Writer out = TextStreams.output(output, spec.commandLine())) {
            codes.write(out);
        } catch (IOException e) {
            throw new NmtException(
                    (output == null ? "<stdout>" : output.toString()) + ": cannot write: " + e.getMessage(), e);
        }
        Console.info(String.format(
                Locale.ROOT,
                "bpe learn: %d merges from %d distinct words in %.2f s",
                codes.size(),
                words.size(),
                (System.nanoTime() - start) / 1e9));
    }
}
