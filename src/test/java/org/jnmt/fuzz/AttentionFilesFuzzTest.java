package org.jnmt.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.jnmt.align.AttentionFiles;
import org.junit.jupiter.api.Timeout;

/** Attention dumps ({@code N.json}) read back for heatmaps. */
@Timeout(10)
class AttentionFilesFuzzTest {

    @FuzzTest
    void readJson(byte[] json) {
        Path file = ParserContract.fileWith("1.json", json);
        ParserContract.rejectsFileCleanly(file, () -> AttentionFiles.readJson(file));
    }
}
