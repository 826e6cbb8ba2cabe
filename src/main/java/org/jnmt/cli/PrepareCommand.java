package org.jnmt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jnmt.config.ConfigCheck;
import org.jnmt.config.ConfigLoader;
import org.jnmt.config.NmtConfig;
import org.jnmt.util.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nmt prepare}: raw corpora to a prepared data directory. */
@Command(
        name = "prepare",
        mixinStandardHelpOptions = true,
        description = {
            "Prepare the data a config names: normalise and pre-tokenise, learn BPE, build vocabularies, "
                    + "encode and filter the corpora, and write them to data.dir with a summary.txt."
        })
public class PrepareCommand implements Runnable {

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            required = true,
            description = "YAML configuration.")
    Path config;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override a config value, e.g. data.bpe_merges=4000; repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--skip-invalid",
            description = "Skip (and count) lines that are not valid UTF-8 or, in a TSV corpus, "
                    + "do not have exactly one tab, instead of stopping at the first.")
    boolean skipInvalid;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        NmtConfig loaded = ConfigLoader.load(config, overrides);
        ConfigCheck.requireCorpusFiles(loaded.data, config.toString());
        String summary =
                DataPreparation.run(loaded, skipInvalid, GlobalOptions.of(spec).threads());
        Console.info("prepare: wrote " + Path.of(loaded.data.dir));
        spec.commandLine().getOut().print(summary);
        spec.commandLine().getOut().flush();
    }
}
