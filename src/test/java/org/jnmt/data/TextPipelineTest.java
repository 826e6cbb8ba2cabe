package org.jnmt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextPipelineTest {

    /** A pipeline whose vocabulary holds every token of {@code corpus} after BPE with the toy codes. */
    private static TextPipeline pipeline(boolean lowercase, String... corpus) {
        BpeCodes codes = new BpeCodes(BpeEncoderTest.TOY_CODES.stream()
                .map(m -> new BpeCodes.Merge(m.split(" ")[0], m.split(" ")[1]))
                .toList());
        BpeEncoder bpe = new BpeEncoder(codes);
        Map<String, Long> counts = new HashMap<>();
        for (String line : corpus) {
            bpe.apply(Pretokenizer.tokenize(TextNormalizer.normalize(line, lowercase)))
                    .forEach(token -> counts.merge(token, 1L, Long::sum));
        }
        return new TextPipeline(lowercase, codes, Vocabulary.build(counts, 1, 0));
    }

    @Test
    void encodesThroughAllStepsAndDecodesBack() {
        String raw = " The\u00A0lowest,  newer wider!\t";
        TextPipeline pipeline = pipeline(false, raw);
        TextPipeline.Encoded encoded = pipeline.encodeDetailed(raw);
        // "The": no toy merge applies, so it is spelled out; so are the joiner and the punctuation.
        assertEquals(
                List.of(
                        "T@@",
                        "h@@",
                        "e",
                        "lo@@",
                        "west",
                        "\uFFED@@",
                        ",",
                        "ne@@",
                        "wer",
                        "wid@@",
                        "e@@",
                        "r",
                        "\uFFED@@",
                        "!"),
                encoded.tokens());
        assertEquals(SpecialTokens.EOS, encoded.ids()[encoded.ids().length - 1]);
        assertEquals(encoded.tokens().size() + 1, encoded.ids().length);
        // Words of the raw line: The(0) lowest,(1) newer(2) wider!(3); EOS has none.
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, -1}, encoded.words());
        assertEquals(TextNormalizer.normalize(raw, false), pipeline.decode(encoded.ids()));
    }

    @Test
    void decodeStopsAtEosSkipsPadAndBosAndShowsUnknowns() {
        TextPipeline pipeline = pipeline(true, "lowest newer");
        Vocabulary vocab = pipeline.vocabulary();
        int[] ids = {
            SpecialTokens.BOS,
            vocab.id("lo@@"),
            SpecialTokens.PAD,
            vocab.id("west"),
            vocab.id("ne@@"),
            vocab.id("wer"),
            SpecialTokens.UNK,
            SpecialTokens.EOS,
            vocab.id("west")
        };
        TextPipeline.Decoded decoded = pipeline.decodeDetailed(ids);
        assertEquals("lowest newer <unk>", decoded.text());
        assertEquals(List.of("<s>", "lo@@", "<pad>", "west", "ne@@", "wer", "<unk>"), decoded.tokens());
        assertArrayEquals(new int[] {-1, 0, -1, 0, 1, 1, 2}, decoded.words());
        assertEquals("lowest", pipeline.decode(pipeline.encode("LOWEST")));
    }

    @Test
    void unknownWordReplacementWritesTheGivenPretokenInPlace() {
        TextPipeline pipeline = pipeline(true, "lowest newer");
        Vocabulary vocab = pipeline.vocabulary();
        int[] ids = {
            vocab.id("lo@@"),
            vocab.id("west"),
            SpecialTokens.UNK,
            vocab.id("ne@@"),
            vocab.id("wer"),
            SpecialTokens.UNK,
            SpecialTokens.EOS
        };
        TextPipeline.Decoded decoded = pipeline.decodeDetailed(ids, position -> position == 2 ? "Zürich" : "\uFFED!");
        assertEquals("lowest Zürich newer!", decoded.text());
        assertArrayEquals(new int[] {0, 0, 1, 2, 2, 2}, decoded.words());
    }

    @Test
    void unknownTokensBecomeUnk() {
        TextPipeline pipeline = pipeline(false, "lowest");
        // "zebra": no toy merge applies, five single-letter pieces, none in the vocabulary.
        int unk = SpecialTokens.UNK;
        assertArrayEquals(
                new int[] {4, 5, unk, unk, unk, unk, unk, SpecialTokens.EOS}, pipeline.encode("lowest zebra"));
    }

    @Test
    void worksWithoutBpe() {
        Map<String, Long> counts = Map.of("a", 1L, "\uFFED.", 1L);
        TextPipeline pipeline = new TextPipeline(false, null, Vocabulary.build(counts, 1, 0));
        assertEquals(List.of("a", "\uFFED."), pipeline.tokens("a."));
        assertEquals("a.", pipeline.decode(pipeline.encode("a.")));
        assertArrayEquals(new int[] {SpecialTokens.EOS}, pipeline.encode(" \u00A0"));
    }
}
