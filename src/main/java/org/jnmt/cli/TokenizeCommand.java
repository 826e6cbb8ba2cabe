package org.jnmt.cli;

import java.nio.file.Path;
import org.jnmt.data.Pretokenizer;
import org.jnmt.data.TextNormalizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmt tokenize}: normalise and pre-tokenise text, one sentence a line. */
@Command(
        name = "tokenize",
        mixinStandardHelpOptions = true,
        description = {
            "Normalise (NFC, whitespace folded) and pre-tokenise text, one sentence a line.",
            "Punctuation is split from words and marked with the joiner \uFFED where it was attached, "
                    + "so that 'nmt detokenize' gives back the normalised text exactly."
        })
public class TokenizeCommand implements Runnable {

    @Option(
            names = {"-i", "--input"},
            paramLabel = "FILE",
            description = "Input text (default: standard input).")
    Path input;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Output (default: standard output).")
    Path output;

    @Option(names = "--lowercase", description = "Lowercase the text.")
    boolean lowercase;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        TextStreams.filter(
                input,
                output,
                spec.commandLine(),
                line -> String.join(" ", Pretokenizer.tokenize(TextNormalizer.normalize(line, lowercase))));
    }
}
