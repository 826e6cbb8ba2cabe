package org.jnmt.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jnmt.api.ModelDirectory;
import org.junit.jupiter.api.Timeout;

/** The manifest ({@code model.json}) that 'nmt translate' checks first when it opens a model directory. */
@Timeout(10)
class ModelDirectoryFuzzTest {

    private static final byte[] CONFIG = "model:\n  emb: 8\n".getBytes(StandardCharsets.UTF_8);

    @FuzzTest
    void openManifest(byte[] manifest) {
        Path dir = ParserContract.fileWith(ModelDirectory.CONFIG, CONFIG).getParent();
        ParserContract.fileWith(ModelDirectory.MANIFEST, manifest);
        ParserContract.rejectsFileCleanly(dir, () -> ModelDirectory.open(dir));
    }
}
