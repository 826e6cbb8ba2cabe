package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordAttentionTest {

    /**
     * Source tokens "hou@@ se is </s>" (words: house, is), target tokens "das Hau@@ s </s>"
     * (words: das, Haus).
     */
    private static final float[][] TOKENS = {
        {0.1f, 0.1f, 0.7f, 0.1f}, // das
        {0.5f, 0.3f, 0.1f, 0.1f}, // Hau@@
        {0.2f, 0.6f, 0.0f, 0.2f}, // s
        {0.0f, 0.0f, 0.1f, 0.9f}
    }; // </s>

    private static final int[] SOURCE_WORD = {0, 0, 1, -1};
    private static final int[] TARGET_WORD = {0, 1, 1, -1};

    @Test
    void sumsSourcePiecesAndAveragesTargetPieces() {
        WordAttention words = WordAttention.pool(TOKENS, TARGET_WORD, 2, SOURCE_WORD, 2);
        double[][] w = words.weights();
        assertEquals(2, words.targetWords());
        assertEquals(2, words.sourceWords());
        assertArrayEquals(new double[] {0.2, 0.7}, w[0], 1e-6);
        // Haus = mean of Hau@@ (0.8, 0.1) and s (0.8, 0.0); the EOS mass is dropped.
        assertArrayEquals(new double[] {0.8, 0.05}, w[1], 1e-6);
    }

    @Test
    void hardAlignmentTakesTheArgmaxPerTargetWordSortedBySource() {
        WordAttention words = WordAttention.pool(TOKENS, TARGET_WORD, 2, SOURCE_WORD, 2);
        assertEquals(List.of(new Link(0, 1), new Link(1, 0)), words.hardAlignment());
        assertEquals("0-1 1-0", PharaohFormat.format(words.hardAlignment()));
    }

    @Test
    void poolsAnAttentionMatrixToTheWordsOfItsText() {
        AttentionMatrix tokens =
                new AttentionMatrix(List.of("hou@@", "se", "is", "</s>"), List.of("das", "Hau@@", "s", "</s>"), TOKENS);
        WordAttention words = WordAttention.pool(tokens, List.of("house", "is"), List.of("das", "Haus"));
        assertArrayEquals(new double[] {0.8, 0.05}, words.weights()[1], 1e-6);
        assertEquals("0.2,0.7 0.8,0.05", SoftAlignmentFormat.format(words.weights()));
    }

    @Test
    void tiesGoToTheFirstSourceWordAndEmptyRowsStayUnaligned() {
        WordAttention words = WordAttention.ofWords(new double[][] {{0.4, 0.4, 0.2}, {0, 0, 0}, {0.1, 0.2, 0.7}});
        assertEquals(List.of(new Link(0, 0), new Link(2, 2)), words.hardAlignment());
    }

    @Test
    void aThresholdKeepsEveryLinkOfAtLeastThatWeightAndZeroMeansHard() {
        WordAttention words =
                WordAttention.ofWords(new double[][] {{0.45, 0.45, 0.1}, {0.2, 0.3, 0.5}, {0.05, 0.9, 0.05}});
        // Target word 0 links to both source words it splits its attention between.
        assertEquals("0-0 1-0 1-2 2-1", PharaohFormat.format(words.alignment(0.4)));
        // The weight itself passes (>=), as Marian's threshold does; a hair above it does not.
        assertEquals("0-0 1-0 1-1 1-2 2-1", PharaohFormat.format(words.alignment(0.3)));
        assertEquals("0-0 1-0 1-2 2-1", PharaohFormat.format(words.alignment(0.3 + 1e-9)));
        // Target words 0 and 1 spread their attention below 0.6: they stay unaligned.
        assertEquals("1-2", PharaohFormat.format(words.alignment(0.6)));
        assertEquals(words.hardAlignment(), words.alignment(0));
        assertEquals("0-0 0-1 1-2 2-1", PharaohFormat.format(words.invertedAlignment(0.4)));
        assertThrows(IllegalArgumentException.class, () -> words.alignment(1.5));
        assertThrows(IllegalArgumentException.class, () -> words.alignment(Double.NaN));
    }

    /**
     * "das Haus" → "house is" ([2 target][2 source]) and its tgt→src twin read given the pair
     * ([2 source][2 target], its rows are "house" and "is"); the twin's matrix is not the
     * transpose, so a mean taken without turning it round would differ.
     */
    @Test
    void theAverageWithATgtToSrcMatrixTurnsItRoundFirst() {
        WordAttention forward = WordAttention.ofWords(new double[][] {{0.6, 0.4}, {0.3, 0.7}});
        WordAttention reverse = WordAttention.ofWords(new double[][] {{0.2, 0.8}, {0.9, 0.1}});
        double[][] mean = forward.averagedWith(reverse).weights();
        assertArrayEquals(new double[] {0.4, 0.65}, mean[0], 1e-12);
        assertArrayEquals(new double[] {0.55, 0.4}, mean[1], 1e-12);
        // Each target word's link moves to the source word both directions favour together.
        assertEquals("0-0 1-1", PharaohFormat.format(forward.hardAlignment()));
        assertEquals(
                "0-1 1-0", PharaohFormat.format(forward.averagedWith(reverse).hardAlignment()));
        WordAttention notSquare = WordAttention.ofWords(new double[][] {{0.5, 0.5, 0}});
        assertThrows(IllegalArgumentException.class, () -> notSquare.averagedWith(notSquare));
    }

    @Test
    void aTargetWordWithoutTokensGetsAZeroRow() {
        WordAttention words = WordAttention.pool(new float[][] {{1f}}, new int[] {1}, 2, new int[] {0}, 1);
        assertArrayEquals(new double[] {0}, words.weights()[0]);
        assertEquals(List.of(new Link(0, 1)), words.hardAlignment());
    }

    @Test
    void rejectsMapsThatDoNotFitTheMatrix() {
        assertThrows(
                IllegalArgumentException.class, () -> WordAttention.pool(TOKENS, new int[] {0, 1}, 2, SOURCE_WORD, 2));
        assertThrows(
                IllegalArgumentException.class, () -> WordAttention.pool(TOKENS, TARGET_WORD, 2, new int[] {0, 1}, 2));
        assertThrows(IllegalArgumentException.class, () -> WordAttention.pool(TOKENS, TARGET_WORD, 1, SOURCE_WORD, 2));
    }

    /**
     * A tgt→src model's matrix has the pair's source words as rows: "das Haus" read given "house
     * is" ([2 source words][3 target words] here, not square, so a swapped index would fail).
     */
    @Test
    void invertedHardAlignmentTurnsATgtToSrcAlignmentRound() {
        WordAttention reverse = WordAttention.ofWords(new double[][] {{0.1, 0.2, 0.7}, {0.6, 0.3, 0.1}});
        assertEquals(List.of(new Link(0, 1), new Link(2, 0)), reverse.hardAlignment());
        assertEquals(List.of(new Link(0, 2), new Link(1, 0)), reverse.invertedHardAlignment());
    }

    /**
     * The </s> column does not compete: a word that paid most of its attention to </s> is still
     * linked to the word it attended to most, as fairseq's extract_hard_alignment does (it masks
     * </s> before the argmax); the </s> row (the attention that predicted </s>) gives no link.
     */
    @Test
    void theEosColumnAndRowGiveNoLinks() {
        float[][] tokens = {
            {0.1f, 0.2f, 0.7f}, // mostly </s>
            {0.3f, 0.1f, 0.6f}, // </s> row
        };
        WordAttention words = WordAttention.pool(tokens, new int[] {0, -1}, 1, new int[] {0, 1, -1}, 2);
        assertEquals(List.of(new Link(1, 0)), words.hardAlignment());
        assertArrayEquals(new double[] {0.1, 0.2}, words.weights()[0], 1e-6);
    }
}
