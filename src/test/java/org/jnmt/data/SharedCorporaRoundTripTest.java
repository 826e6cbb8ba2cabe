package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On every line of the shared corpora: normalise → tokenise → BPE → remove {@code "@@ "} →
 * detokenise gives back the normalised line, and so does the whole {@link TextPipeline}
 * (ids and back). Skipped when ../shared is absent.
 */
class SharedCorporaRoundTripTest {

    private static final Path MULTI30K = Path.of("../shared/corpora/multi30k-en-de");
    private static final Path TATOEBA = Path.of("../shared/corpora/tatoeba-eng-fra");

    private static List<String> lines(Path file) {
        List<String> lines = new ArrayList<>();
        try (LineReader reader = LineReader.open(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void everyMulti30kTrainingLineSurvivesTokenisationAndBpe() {
        Assumptions.assumeTrue(Files.isDirectory(MULTI30K), "../shared/corpora/multi30k-en-de is absent: skipping");
        List<String> german = lines(MULTI30K.resolve("train.de"));
        List<String> english = lines(MULTI30K.resolve("train.en"));
        assertEquals(29_000, german.size());
        assertTrue(german.contains("@@"), "train.de has lines that are literally @@");

        Map<String, Long> words = new HashMap<>();
        for (List<String> side : List.of(german, english)) {
            side.forEach(line -> Pretokenizer.tokenize(TextNormalizer.normalize(line, false))
                    .forEach(token -> words.merge(token, 1L, Long::sum)));
        }
        BpeCodes codes = BpeLearner.learn(words, 8000, 2);
        BpeEncoder bpe = new BpeEncoder(codes);
        Map<String, Long> subwords = new HashMap<>();
        words.forEach(
                (word, count) -> bpe.apply(List.of(word)).forEach(piece -> subwords.merge(piece, count, Long::sum)));
        TextPipeline pipeline = new TextPipeline(false, codes, Vocabulary.build(subwords, 1, 0));

        for (List<String> side : List.of(german, english)) {
            for (String line : side) {
                String normalized = TextNormalizer.normalize(line, false);
                assertEquals(normalized, TextNormalizer.normalize(normalized, false));
                String segmented = bpe.applyLine(String.join(" ", Pretokenizer.tokenize(normalized)));
                List<String> pretokens = Arrays.stream(
                                BpeEncoder.removeMarks(segmented).split(" "))
                        .filter(token -> !token.isEmpty())
                        .toList();
                assertEquals(normalized, Pretokenizer.detokenize(pretokens), line);
                assertEquals(normalized, pipeline.decode(pipeline.encode(line)), line);
            }
        }
    }

    @Test
    void everyTatoebaLineSurvivesTokenisation() {
        Assumptions.assumeTrue(Files.isDirectory(TATOEBA), "../shared/corpora/tatoeba-eng-fra is absent: skipping");
        for (String name : List.of("eng-fra.fr", "eng-fra.en")) {
            for (String line : lines(TATOEBA.resolve(name))) {
                for (boolean lowercase : new boolean[] {false, true}) {
                    String normalized = TextNormalizer.normalize(line, lowercase);
                    assertEquals(normalized, TextNormalizer.normalize(normalized, lowercase), line);
                    assertEquals(normalized, Pretokenizer.detokenize(Pretokenizer.tokenize(normalized)), line);
                }
            }
        }
    }
}
