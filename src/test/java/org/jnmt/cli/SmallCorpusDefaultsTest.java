package org.jnmt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jnmt.quickstart.DateCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's first run on a small corpus, with the default schedule: 100 pairs (two batches an epoch),
 * the training pairs as the dev set, many epochs. With validation once an epoch this validated after
 * every second step and halved the learning rate to its floor; with the defaults it must learn the
 * pairs, and validate the last step. scripts/small-corpus.sh is the same on 100 Multi30k pairs with
 * the default model and a time limit; here a smaller model (the quick start's sizes) and a step
 * limit keep the test fast and deterministic (92 of the 100 pairs reproduced). Budget: about two
 * minutes on two idle cores.
 */
class SmallCorpusDefaultsTest {

    private static final int PAIRS = 100;
    /** Steps of the default batch size (64), all at the default learning rate. */
    private static final int MAX_STEPS = 400;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void theDefaultsLearnOneHundredPairsAndValidateTheLastStep() throws IOException {
        DateCorpus.Splits splits = DateCorpus.splits(PAIRS, 1, 1, 31);
        Path src = dir.resolve("train.words");
        Path ref = dir.resolve("train.iso");
        DateCorpus.write(splits.train(), src, ref);
        Path model = dir.resolve("model");
        CliRun train = CliRun.of(
                "--quiet",
                "train",
                "--train-src",
                src.toString(),
                "--train-tgt",
                ref.toString(),
                "--dev-src",
                src.toString(),
                "--dev-tgt",
                ref.toString(),
                "--epochs",
                "100000",
                "--emb",
                "64",
                "--enc-hidden",
                "64",
                "--dec-hidden",
                "128",
                "--attn",
                "64",
                "--set",
                "training.max_steps=" + MAX_STEPS,
                "--out",
                model.toString());
        assertEquals(0, train.exitCode(), train.err());

        CliRun translate = CliRun.withInput(Files.readAllBytes(src), "--quiet", "translate", "-m", model.toString());
        assertEquals(0, translate.exitCode(), translate.err());
        List<String> references = Files.readAllLines(ref, StandardCharsets.UTF_8);
        String[] hypotheses = translate.outLines();
        assertEquals(PAIRS, hypotheses.length);
        int exact = 0;
        for (int i = 0; i < PAIRS; i++) {
            if (normalise(hypotheses[i]).equals(normalise(references.get(i)))) {
                exact++;
            }
        }
        assertTrue(exact >= PAIRS / 2, exact + " of " + PAIRS + " reproduced exactly");

        List<Long> validated = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(model.resolve("metrics.jsonl"))) {
            JsonNode record = json.readTree(line);
            if (record.get("type").asText().equals("valid")) {
                validated.add(record.get("step").asLong());
            }
        }
        // Validations come every 1,000 steps or 10 minutes by default: here, the last step's (and on a
        // machine slow enough to train 10 minutes, one on the clock).
        assertTrue(validated.size() <= 2, "validations at steps " + validated);
        assertEquals(MAX_STEPS, validated.get(validated.size() - 1), "the last step is validated");
    }

    private static String normalise(String line) {
        return String.join(" ", line.trim().split("\\s+"));
    }
}
