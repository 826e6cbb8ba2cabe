package org.jnmt.data;

import java.util.ArrayList;
import java.util.List;

/**
 * An exactly reversible pre-tokeniser in the manner of the OpenNMT Tokenizer with
 * {@code joiner_annotate}: punctuation is split from words, and wherever two tokens were not
 * separated by a space, the joiner {@code ￭} (U+FFED) is attached to the punctuation side, so that
 * {@code detokenize(tokenize(t)) == t} for every normalised text t (see {@link TextNormalizer}).
 *
 * <p>Rules, on each space-separated word of the text:
 * <ul>
 *   <li>a maximal run of letters and digits (and combining marks) is one token: numbers are not
 *       split into digits, and "A4" stays one token ("2,000" gives {@code 2 ￭,￭ 000});</li>
 *   <li>any other character (punctuation, symbol) is a token of its own; a run of the same
 *       character ("...", "!!") is one token, except {@code @};</li>
 *   <li>a combining mark belongs to the token before it.</li>
 * </ul>
 * Escaping: {@code @} is never grouped, so that no token ends with the BPE mark {@code @@} (a line
 * that is literally {@code @@} becomes {@code @ ￭@}); a joiner character in the text is written as
 * {@value #ESCAPED_JOINER}, a token this tokeniser can never produce otherwise (it would split it
 * at {@code &}, {@code #} and {@code ;}). Tokens are separated by single spaces.
 */
public final class Pretokenizer {

    /** Marks a token that was glued to its neighbour in the text. */
    public static final char JOINER = '\uFFED';
    /** How a joiner that is part of the text itself is written inside a token. */
    public static final String ESCAPED_JOINER = "&#xFFED;";

    /** Tokens, and for each the index of the space-separated word of the text it comes from. */
    public record Tokens(List<String> tokens, int[] words) {}

    /** Detokenised text, and for each input token the index of the space-separated word it ends up in. */
    public record Text(String text, int[] words) {}

    private Pretokenizer() {}

    /** Splits normalised text (single spaces, no leading or trailing space) into tokens. */
    public static List<String> tokenize(String normalized) {
        return tokenizeWithWords(normalized).tokens();
    }

    public static Tokens tokenizeWithWords(String normalized) {
        List<String> tokens = new ArrayList<>();
        List<Integer> words = new ArrayList<>();
        int word = 0;
        int start = 0;
        for (int i = 0; i <= normalized.length(); i++) {
            if (i == normalized.length() || normalized.charAt(i) == ' ') {
                if (i > start) {
                    int before = tokens.size();
                    splitWord(normalized.substring(start, i), tokens);
                    for (int t = before; t < tokens.size(); t++) {
                        words.add(word);
                    }
                    word++;
                }
                start = i + 1;
            }
        }
        return new Tokens(tokens, words.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Joins tokens back into text: a space between two tokens unless a joiner marks the joint. */
    public static String detokenize(List<String> tokens) {
        return detokenizeWithWords(tokens).text();
    }

    public static Text detokenizeWithWords(List<String> tokens) {
        StringBuilder out = new StringBuilder();
        int[] words = new int[tokens.size()];
        int word = 0;
        boolean previousJoinsRight = true;
        for (int t = 0; t < tokens.size(); t++) {
            String token = tokens.get(t);
            boolean joinsLeft = !token.isEmpty() && token.charAt(0) == JOINER;
            boolean joinsRight = token.length() > (joinsLeft ? 1 : 0) && token.charAt(token.length() - 1) == JOINER;
            if (joinsLeft && token.length() == 1) {
                joinsRight = true;
            }
            if (!previousJoinsRight && !joinsLeft) {
                out.append(' ');
                word++;
            }
            int from = joinsLeft ? 1 : 0;
            int to = Math.max(from, token.length() - (joinsRight && token.length() > 1 ? 1 : 0));
            out.append(token.substring(from, to).replace(ESCAPED_JOINER, String.valueOf(JOINER)));
            words[t] = word;
            previousJoinsRight = joinsRight;
        }
        return new Text(out.toString(), words);
    }

    private enum Kind {
        WORD,
        OTHER
    }

    /** Splits one space-free word into pieces and adds them with their joiners. */
    private static void splitWord(String word, List<String> tokens) {
        List<StringBuilder> pieces = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        int lastCodePoint = -1;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            Kind kind = isWordChar(cp) ? Kind.WORD : Kind.OTHER;
            StringBuilder current = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
            Kind currentKind = kinds.isEmpty() ? null : kinds.get(kinds.size() - 1);
            boolean extend = current != null
                    && (isMark(cp)
                            || (kind == Kind.WORD && currentKind == Kind.WORD)
                            || (kind == Kind.OTHER && cp == lastCodePoint && cp != '@' && cp != JOINER));
            if (!extend) {
                current = new StringBuilder();
                pieces.add(current);
                kinds.add(kind);
            }
            if (cp == JOINER) {
                current.append(ESCAPED_JOINER);
            } else {
                current.appendCodePoint(cp);
            }
            lastCodePoint = cp;
        }
        for (int p = 0; p < pieces.size(); p++) {
            StringBuilder piece = pieces.get(p);
            // The joiner goes to the punctuation side of each joint (a word never touches a word).
            if (p > 0 && kinds.get(p) == Kind.OTHER) {
                piece.insert(0, JOINER);
            }
            if (p + 1 < pieces.size() && kinds.get(p + 1) != Kind.OTHER) {
                piece.append(JOINER);
            }
            tokens.add(piece.toString());
        }
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetter(cp) || isMark(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
