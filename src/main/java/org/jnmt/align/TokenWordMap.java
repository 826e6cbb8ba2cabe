package org.jnmt.align;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jnmt.data.Pretokenizer;
import org.jnmt.data.SpecialTokens;

/**
 * Finds which whitespace-separated word each model token came from, by matching the tokens'
 * characters against the words' characters. This works for any tokeniser that keeps the text
 * (pre-tokeniser splits such as "dog ." for "dog.", jnmt's own "dog \uFFED." with its join mark,
 * BPE pieces "hou@@ se", SentencePiece "▁hou se", WordPiece "hou ##se"), whatever the case.
 *
 * <p>Special tokens ({@code <s>}, {@code </s>}, {@code <pad>}) map to -1. A token that does not
 * match the text ({@code <unk>}, or one the tokeniser normalised) belongs to the word where it
 * stands, and matching resumes at the first place where the next token matches.
 */
public final class TokenWordMap {

    private static final Set<String> DROPPED =
            Set.of(SpecialTokens.PAD_TOKEN, SpecialTokens.BOS_TOKEN, SpecialTokens.EOS_TOKEN);

    private TokenWordMap() {}

    /**
     * Maps each token of a sentence to the word it belongs to.
     *
     * @param tokens the model's tokens of one sentence, with their subword markers
     * @param words  the sentence's whitespace-separated words (the words of the gold alignment)
     * @return for each token its word index in [0, words.size()), or -1 for a special token
     */
    public static int[] wordIndices(List<String> tokens, List<String> words) {
        StringBuilder joined = new StringBuilder();
        for (String word : words) {
            joined.append(word.toLowerCase(Locale.ROOT));
        }
        String text = joined.toString();
        int[] wordOfChar = new int[text.length()];
        int at = 0;
        for (int w = 0; w < words.size(); w++) {
            int length = words.get(w).toLowerCase(Locale.ROOT).length();
            for (int c = 0; c < length; c++) {
                wordOfChar[at++] = w;
            }
        }

        int[] result = new int[tokens.size()];
        int position = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (DROPPED.contains(token) || text.isEmpty()) {
                result[i] = -1;
                continue;
            }
            result[i] = wordOfChar[Math.min(position, text.length() - 1)];
            String piece = surface(token);
            if (!token.equals(SpecialTokens.UNK_TOKEN) && text.startsWith(piece, position)) {
                position += piece.length();
            } else {
                position = resume(text, position, tokens, i + 1);
            }
        }
        return result;
    }

    /** Where the next matching token starts after an unmatched one, or the end of the text. */
    private static int resume(String text, int position, List<String> tokens, int next) {
        while (next < tokens.size() && DROPPED.contains(tokens.get(next))) {
            next++;
        }
        if (next == tokens.size()) {
            return text.length();
        }
        String piece = surface(tokens.get(next));
        if (piece.isEmpty() || tokens.get(next).equals(SpecialTokens.UNK_TOKEN)) {
            return Math.min(position + 1, text.length());
        }
        int found = text.indexOf(piece, position + 1);
        return found < 0 ? text.length() : found;
    }

    /** The token's text without subword and join markers, lower-cased. */
    static String surface(String token) {
        String piece = withoutJoinMarks(token);
        if (piece.endsWith("@@")) {
            piece = piece.substring(0, piece.length() - 2);
        }
        if (piece.endsWith("</w>")) {
            piece = piece.substring(0, piece.length() - 4);
        }
        if (piece.startsWith("▁")) {
            piece = piece.substring(1);
        }
        if (piece.startsWith("##") && piece.length() > 2) {
            piece = piece.substring(2);
        }
        return piece.toLowerCase(Locale.ROOT);
    }

    /**
     * The token without {@link Pretokenizer}'s join marks (U+FFED at a joint it split), and with
     * an escaped literal U+FFED of the text turned back into the character.
     */
    private static String withoutJoinMarks(String token) {
        String text = token;
        if (text.length() > 1 && text.charAt(0) == Pretokenizer.JOINER) {
            text = text.substring(1);
        }
        if (text.length() > 1 && text.charAt(text.length() - 1) == Pretokenizer.JOINER) {
            text = text.substring(0, text.length() - 1);
        }
        return text.replace(Pretokenizer.ESCAPED_JOINER, String.valueOf(Pretokenizer.JOINER));
    }
}
