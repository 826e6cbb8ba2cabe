package org.jnmt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nmt bpe}: the parent of {@code learn} and {@code apply}. */
@Command(
        name = "bpe",
        mixinStandardHelpOptions = true,
        description = {
            "Byte-pair encoding (Sennrich et al. 2016), compatible with subword-nmt's codes files.",
            "Works on whitespace-separated tokens, e.g. the output of 'nmt tokenize'."
        },
        subcommands = {BpeLearnCommand.class, BpeApplyCommand.class})
public class BpeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing subcommand: 'nmt bpe learn' or 'nmt bpe apply'.");
    }
}
