package org.jnmt.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jnmt.data.Pretokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmt detokenize}: the inverse of {@code nmt tokenize}. */
@Command(
        name = "detokenize",
        mixinStandardHelpOptions = true,
        description = {
            "Join tokens made by 'nmt tokenize' back into text, one sentence a line.",
            "Tokens are separated by spaces; a joiner \uFFED at the start or end of a token glues it to its neighbour."
        })
public class DetokenizeCommand implements Runnable {

    @Option(
            names = {"-i", "--input"},
            paramLabel = "FILE",
            description = "Tokenised input (default: standard input).")
    Path input;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Output (default: standard output).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        TextStreams.filter(input, output, spec.commandLine(), line -> {
            List<String> tokens = Arrays.stream(line.split(" "))
                    .filter(token -> !token.isEmpty())
                    .toList();
            return Pretokenizer.detokenize(tokens);
        });
    }
}
