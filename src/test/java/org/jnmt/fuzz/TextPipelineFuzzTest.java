package org.jnmt.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jnmt.data.BpeCodes;
import org.jnmt.data.BpeLearner;
import org.jnmt.data.TextNormalizer;
import org.jnmt.data.TextPipeline;
import org.jnmt.data.Vocabulary;
import org.junit.jupiter.api.Timeout;

/**
 * What 'nmt translate' does to each line of standard input before the model sees it: normalise,
 * pre-tokenise, apply BPE, look up ids; and back from ids to text. Any line must encode.
 */
@Timeout(10)
class TextPipelineFuzzTest {

    private static final TextPipeline PIPELINE = smallPipeline();

    @FuzzTest
    void encodeAndDecode(byte[] line) {
        String raw = new String(line, StandardCharsets.UTF_8);
        TextPipeline.Encoded encoded = PIPELINE.encodeDetailed(raw);
        int words = TextNormalizer.words(raw).size();
        assertEquals(encoded.tokens().size() + 1, encoded.ids().length);
        for (int i = 0; i < encoded.tokens().size(); i++) {
            int id = encoded.ids()[i];
            assertTrue(id >= 0 && id < PIPELINE.vocabulary().size(), "id " + id + " outside the vocabulary");
            int word = encoded.words()[i];
            assertTrue(word >= 0 && word < words, "token " + i + " points at word " + word + " of " + words);
        }
        PIPELINE.decodeDetailed(encoded.ids());
    }

    /** BPE learned on a few sentences, and a vocabulary of its subwords: small, but every step runs. */
    private static TextPipeline smallPipeline() {
        Map<String, Long> words = new HashMap<>();
        for (String sentence :
                List.of("the lowest newer wider", "Ein Mann fährt Fahrrad .", "don't stop-and-go, 3.5 km!")) {
            BpeLearner.countWords(sentence, words);
        }
        BpeCodes codes = BpeLearner.learn(words, 30, 1);
        TextPipeline wordLevel = new TextPipeline(true, codes, Vocabulary.build(Map.of(), 1, 0));
        Map<String, Long> subwords = new HashMap<>();
        for (String word : words.keySet()) {
            for (String token : wordLevel.tokens(word)) {
                subwords.merge(token, 1L, Long::sum);
            }
        }
        return new TextPipeline(true, codes, Vocabulary.build(subwords, 1, 0));
    }
}
