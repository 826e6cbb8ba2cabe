package org.jnmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nmt align --method diagonal, the baseline row of the alignment table, and --by-length. */
class AlignDiagonalCommandTest {

    @TempDir
    Path dir;

    @Test
    void linksEachTargetWordToTheSourceWordAtTheSameRelativePosition() throws IOException {
        Path src = Files.write(dir.resolve("a.src"), List.of("a b c d", "a b", ""));
        Path tgt = Files.write(dir.resolve("a.tgt"), List.of("w x", "w x y z", "w"));
        CliRun run = CliRun.of("align", "--method", "diagonal", "--src", src.toString(), "--tgt", tgt.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("1-0 3-1", "0-0 0-1 1-2 1-3", ""), List.of(run.outLines()));
    }

    @Test
    void scoresTheHansardsGoldSetAsPinnedAndByLength() {
        CliRun run = HansardsGold.align("--method", "diagonal", "--by-length");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.outLines();
        assertEquals("AER 53.84  precision 49.03  recall 40.64  (447 sentences, |A| 7761, |S| 4038)", lines[0]);
        int sentences = 0;
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith("source "), lines[i]);
            sentences += Integer.parseInt(lines[i].replaceAll(".*\\((\\d+) sentences.*", "$1"));
        }
        assertEquals(447, sentences, run.out());
    }

    @Test
    void optionsThatDoNotFitAreUsageErrors() throws IOException {
        Path src = Files.write(dir.resolve("b.src"), List.of("a b"));
        Path tgt = Files.write(dir.resolve("b.tgt"), List.of("x y"));
        CliRun byLength = CliRun.of(
                "align", "--method", "diagonal", "--by-length", "--src", src.toString(), "--tgt", tgt.toString());
        assertEquals(2, byLength.exitCode());
        assertTrue(byLength.err().contains("--by-length scores against the gold alignment"), byLength.err());
        CliRun model = CliRun.of(
                "align",
                "--method",
                "diagonal",
                "-m",
                dir.toString(),
                "--src",
                src.toString(),
                "--tgt",
                tgt.toString());
        assertEquals(2, model.exitCode());
        assertTrue(model.err().contains("--method diagonal uses no model"), model.err());
        CliRun ibm2Option = CliRun.of(
                "align", "--method", "diagonal", "--lowercase", "--src", src.toString(), "--tgt", tgt.toString());
        assertEquals(2, ibm2Option.exitCode());
    }
}
