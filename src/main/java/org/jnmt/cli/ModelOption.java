package org.jnmt.cli;

import java.nio.file.Path;
import org.jnmt.api.Translator;
import org.jnmt.model.Backend;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code -m DIR}, the model directory of the commands that translate with a model. */
public class ModelOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = {"-m", "--model"},
            required = true,
            paramLabel = "DIR",
            description = "The model directory (what 'nmt train --out DIR' wrote).")
    Path dir;

    /** Starts ND4J with --threads compute threads and loads the model. */
    Translator load() {
        return load(dir, GlobalOptions.of(mixee).threads());
    }

    /** Starts ND4J with {@code threads} compute threads and loads the model in {@code dir}. */
    static Translator load(Path dir, int threads) {
        Backend.start(threads);
        return Translator.load(dir);
    }
}
