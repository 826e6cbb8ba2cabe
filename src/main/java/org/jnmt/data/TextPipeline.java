package org.jnmt.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The text processing of one language side, shared by training and translation:
 * raw line → {@link TextNormalizer} → {@link Pretokenizer} → BPE ({@link BpeEncoder}, optional) →
 * ids from the {@link Vocabulary}, EOS appended; and back: ids → tokens → remove {@code "@@ "} →
 * detokenise. It also maps every subword token to the index of its whitespace-separated word in
 * the raw input line ({@link Encoded#words}) and in the decoded output line ({@link Decoded#words}),
 * so that attention alignments can be reported between words. Thread-safe.
 */
public final class TextPipeline {

    /**
     * An encoded line.
     *
     * @param tokens subword tokens (non-final pieces end with {@code @@}); [n]
     * @param ids    their ids, then EOS; [n + 1]
     * @param words  for each id, the index of its word in the raw line ({@link TextNormalizer#words}),
     *               -1 for EOS; [n + 1]
     */
    public record Encoded(List<String> tokens, int[] ids, int[] words) {}

    /**
     * A decoded id sequence.
     *
     * @param text   the detokenised line
     * @param tokens the token of each id, up to (not including) the first EOS; [m]
     * @param words  for each of those ids, the index of its space-separated word in {@code text},
     *               -1 for PAD and BOS, which are skipped; [m]
     */
    public record Decoded(String text, List<String> tokens, int[] words) {}

    private final boolean lowercase;
    private final BpeCodes codes;
    private final BpeEncoder bpe;
    private final Vocabulary vocabulary;

    /** @param codes BPE codes, or null for word-level tokens */
    public TextPipeline(boolean lowercase, BpeCodes codes, Vocabulary vocabulary) {
        this.lowercase = lowercase;
        this.codes = codes;
        this.bpe = codes == null ? null : new BpeEncoder(codes);
        this.vocabulary = vocabulary;
    }

    public boolean lowercase() {
        return lowercase;
    }

    /** The BPE codes, or null when this side uses no BPE. */
    public BpeCodes codes() {
        return codes;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Ids of a raw line, EOS appended. */
    public int[] encode(String raw) {
        return encodeDetailed(raw).ids();
    }

    /** The subword tokens of a raw line (what the ids stand for). */
    public List<String> tokens(String raw) {
        return encodeDetailed(raw).tokens();
    }

    public Encoded encodeDetailed(String raw) {
        Pretokenizer.Tokens pretokens = Pretokenizer.tokenizeWithWords(TextNormalizer.normalize(raw, lowercase));
        List<String> tokens = new ArrayList<>();
        List<Integer> words = new ArrayList<>();
        for (int p = 0; p < pretokens.tokens().size(); p++) {
            String pretoken = pretokens.tokens().get(p);
            List<String> pieces = bpe == null ? List.of(pretoken) : bpe.apply(List.of(pretoken));
            for (String piece : pieces) {
                tokens.add(piece);
                words.add(pretokens.words()[p]);
            }
        }
        int[] ids = new int[tokens.size() + 1];
        int[] wordOfId = new int[tokens.size() + 1];
        for (int i = 0; i < tokens.size(); i++) {
            ids[i] = vocabulary.id(tokens.get(i));
            wordOfId[i] = words.get(i);
        }
        ids[tokens.size()] = SpecialTokens.EOS;
        wordOfId[tokens.size()] = -1;
        return new Encoded(tokens, ids, wordOfId);
    }

    /** The text of an id sequence: stops at EOS, skips PAD and BOS, and writes UNK as {@code <unk>}. */
    public String decode(int[] ids) {
        return decodeDetailed(ids).text();
    }

    public Decoded decodeDetailed(int[] ids) {
        return decodeDetailed(ids, null);
    }

    /**
     * Decodes like {@link #decodeDetailed(int[])}, but writes the pre-token {@code unkReplacement}
     * gives for the position of each UNK in its place (unknown-word replacement); null: keep {@code <unk>}.
     */
    public Decoded decodeDetailed(int[] ids, IntFunction<String> unkReplacement) {
        int length = 0;
        while (length < ids.length && ids[length] != SpecialTokens.EOS) {
            length++;
        }
        List<String> tokens = new ArrayList<>(length);
        int[] words = new int[length];
        Arrays.fill(words, -1);
        // Join BPE pieces into pre-tokens, remembering which pre-token each id went into.
        List<String> pretokens = new ArrayList<>();
        int[] pretokenOfId = new int[length];
        StringBuilder pending = null;
        for (int i = 0; i < length; i++) {
            String token = ids[i] == SpecialTokens.UNK && unkReplacement != null
                    ? unkReplacement.apply(i)
                    : vocabulary.token(ids[i]);
            tokens.add(token);
            pretokenOfId[i] = -1;
            if (ids[i] == SpecialTokens.PAD || ids[i] == SpecialTokens.BOS) {
                continue;
            }
            if (pending == null) {
                pending = new StringBuilder();
            }
            pretokenOfId[i] = pretokens.size();
            boolean continues = bpe != null && ids[i] != SpecialTokens.UNK && token.endsWith(BpeEncoder.SEPARATOR);
            pending.append(continues ? token.substring(0, token.length() - BpeEncoder.SEPARATOR.length()) : token);
            if (!continues) {
                pretokens.add(pending.toString());
                pending = null;
            }
        }
        if (pending != null) {
            pretokens.add(pending.toString());
        }
        Pretokenizer.Text text = Pretokenizer.detokenizeWithWords(pretokens);
        for (int i = 0; i < length; i++) {
            if (pretokenOfId[i] >= 0) {
                words[i] = text.words()[pretokenOfId[i]];
            }
        }
        return new Decoded(text.text(), tokens, words);
    }
}
