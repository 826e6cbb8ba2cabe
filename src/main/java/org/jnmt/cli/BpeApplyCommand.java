package org.jnmt.cli;

import java.nio.file.Path;
import org.jnmt.data.BpeCodes;
import org.jnmt.data.BpeEncoder;
import org.jnmt.util.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmt bpe apply}: segment text with BPE codes, as subword-nmt's apply-bpe does. */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Segment each space-separated token with BPE codes; non-final pieces end with '@@'.",
            "Removing '@@ ' from the output gives back the input. Codes learned by subword-nmt work too."
        })
public class BpeApplyCommand implements Runnable {

    @Option(
            names = {"-c", "--codes"},
            paramLabel = "CODES",
            required = true,
            description = "BPE codes file.")
    Path codes;

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

    @Option(
            names = {"-m", "--merges"},
            paramLabel = "N",
            defaultValue = "-1",
            description = "Use only the first N merges (default: all).")
    int merges;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (merges < -1) {
            throw new UsageException("--merges must be a count of merges, or -1 for all; got " + merges);
        }
        BpeCodes all = BpeCodes.read(codes);
        BpeEncoder bpe = new BpeEncoder(merges < 0 ? all : all.limit(merges));
        TextStreams.filter(input, output, spec.commandLine(), bpe::applyLine);
    }
}
