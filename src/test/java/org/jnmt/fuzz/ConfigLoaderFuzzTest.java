package org.jnmt.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jnmt.config.ConfigLoader;
import org.jnmt.config.NmtConfig;
import org.junit.jupiter.api.Timeout;

/** YAML configs, read from a file (nmt train --config) and from text (the copy in a model directory). */
@Timeout(10)
class ConfigLoaderFuzzTest {

    @FuzzTest
    void loadFile(byte[] yaml) {
        Path file = ParserContract.fileWith("config.yaml", yaml);
        ParserContract.rejectsFileCleanly(file, () -> checkSections(ConfigLoader.load(file, List.of())));
    }

    @FuzzTest
    void fromYaml(byte[] yaml) {
        String text = new String(yaml, StandardCharsets.UTF_8);
        ParserContract.rejectsCleanly(() -> checkSections(ConfigLoader.fromYaml(text, "model/config.yaml")));
    }

    /** A config that loads must be usable: a null section would only fail later, as an NPE. */
    private static void checkSections(NmtConfig config) {
        assertNotNull(config.data, "data section is null");
        assertNotNull(config.model, "model section is null");
        assertNotNull(config.training, "training section is null");
        assertNotNull(config.testing, "testing section is null");
    }
}
