package org.jnmt.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** {@code nmt align} on the shared Hansards en-fr gold set; the test is skipped when ../shared is absent. */
final class HansardsGold {

    private HansardsGold() {}

    /** Runs {@code nmt align OPTIONS --src test.en --tgt test.fr --gold enfr.gold}. */
    static CliRun align(String... options) {
        Path hansards = Path.of("..", "shared", "corpora", "alignments-en-fr");
        Assumptions.assumeTrue(Files.isDirectory(hansards), "skipped: " + hansards.toAbsolutePath() + " is not here");
        List<String> args = new ArrayList<>(List.of("align"));
        args.addAll(List.of(options));
        args.addAll(List.of(
                "--src",
                hansards.resolve("test.en").toString(),
                "--tgt",
                hansards.resolve("test.fr").toString(),
                "--gold",
                hansards.resolve("enfr.gold").toString()));
        return CliRun.of(args.toArray(String[]::new));
    }
}
