package org.jnmt.align;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The read-only corpora beside the repository, at ../shared/corpora; tests skip when it is absent. */
final class SharedData {

    private SharedData() {}

    static Path corpus(String name) {
        Path dir = Path.of("..", "shared", "corpora", name);
        Assumptions.assumeTrue(Files.isDirectory(dir), "skipped: " + dir.toAbsolutePath() + " is not here");
        return dir;
    }
}
