package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.jnmt.data.Pretokenizer;
import org.jnmt.data.TextNormalizer;
import org.junit.jupiter.api.Test;

class TokenWordMapTest {

    private static final List<String> WORDS = List.of("Mr.", "Speaker", ",", "l'homme", "arrive");

    @Test
    void mapsBpePiecesAndPreTokeniserSplitsToTheirWords() {
        List<String> tokens = List.of("<s>", "mr", ".", "Spea@@", "ker", ",", "l'", "hom@@", "me", "arrive", "</s>");
        assertArrayEquals(new int[] {-1, 0, 0, 1, 1, 2, 3, 3, 3, 4, -1}, TokenWordMap.wordIndices(tokens, WORDS));
    }

    @Test
    void mapsSentencePieceAndWordPieceMarkers() {
        List<String> pieces = List.of("▁Mr", ".", "▁Spe", "aker", "▁", ",", "▁l", "'", "homme", "▁arrive", "</s>");
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 3, 3, 3, 4, -1}, TokenWordMap.wordIndices(pieces, WORDS));
        List<String> wordPieces = List.of("Mr", "##.", "Speaker", ",", "l'", "##homme", "arrive");
        assertArrayEquals(new int[] {0, 0, 1, 2, 3, 3, 4}, TokenWordMap.wordIndices(wordPieces, WORDS));
    }

    @Test
    void anUnknownTokenBelongsToItsWordAndMatchingResumesAfterIt() {
        List<String> tokens = List.of("Mr.", "<unk>", ",", "l'", "hom@@", "<unk>", "arrive");
        assertArrayEquals(new int[] {0, 1, 2, 3, 3, 3, 4}, TokenWordMap.wordIndices(tokens, WORDS));
        List<String> normalised = List.of("na", "ï", "ve", "café");
        assertArrayEquals(new int[] {0, 0, 0, 1}, TokenWordMap.wordIndices(normalised, List.of("naive", "café")));
    }

    /**
     * jnmt's own pre-tokeniser marks the joints it split with U+FFED ("(1999)." becomes "(\uFFED
     * 1999 \uFFED) \uFFED."); those marks are not text. Read as text, "\uFFED)" and "\uFFED." matched
     * nothing, matching jumped to the end of the line, and the "." went to the last word.
     */
    @Test
    void mapsTheTokensOfJnmtsOwnPreTokeniserJoinMarksIncluded() {
        String line = "(1999). l'homme \uFFED arrive";
        List<String> words = TextNormalizer.words(line);
        List<String> tokens = new ArrayList<>(Pretokenizer.tokenize(line));
        tokens.add("</s>");
        assertArrayEquals(
                new int[] {0, 0, 0, 0, 1, 1, 1, 2, 3, -1}, TokenWordMap.wordIndices(tokens, words), tokens.toString());
    }
}
