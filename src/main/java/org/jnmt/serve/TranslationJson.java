package org.jnmt.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jnmt.align.Link;
import org.jnmt.align.PharaohFormat;
import org.jnmt.align.WordAttention;
import org.jnmt.api.Translation;
import org.jnmt.data.TextNormalizer;

/** A translation's alignment and attention as the server writes them, the same as the files of {@code nmt translate}. */
final class TranslationJson {

    private TranslationJson() {}

    /** The hard word alignment in Pharaoh form, as {@code nmt translate --alignments hard} appends it. */
    static String alignment(Translation t) {
        return t.isEmpty() ? "" : PharaohFormat.format(t.wordAttention().hardAlignment());
    }

    /**
     * The token attention as {@code --attention-out} writes {@code N.json}:
     * {@code {"source": [tokens], "target": [tokens], "attention": [[row], ...]}}.
     */
    static ObjectNode attention(ObjectMapper json, Translation t) {
        ObjectNode node = json.createObjectNode();
        node.set("source", json.valueToTree(t.sourceTokens()));
        node.set("target", json.valueToTree(t.targetTokens()));
        node.set("attention", json.valueToTree(t.attention()));
        return node;
    }

    /**
     * Everything the attention explorer draws of one translation: text and scores, the token
     * attention with each token's word, the word-level attention (pieces pooled as
     * {@link WordAttention} does) and the hard word alignment as [source, target] pairs.
     */
    static ObjectNode explorer(ObjectMapper json, Translation t) {
        ObjectNode node = json.createObjectNode();
        node.put("text", t.text());
        node.put("score", t.score());
        node.put("log_prob", t.logProb());
        node.put("truncated", t.truncated());
        node.set("tokens", attention(json, t));
        node.set("source_word_of_token", json.valueToTree(t.sourceWords()));
        node.set("target_word_of_token", json.valueToTree(t.targetWords()));
        node.set("source_words", json.valueToTree(TextNormalizer.words(t.source())));
        node.set("target_words", json.valueToTree(TextNormalizer.words(t.text())));
        ArrayNode links = node.putArray("links");
        if (!t.isEmpty()) {
            WordAttention words = t.wordAttention();
            node.set("word_attention", json.valueToTree(words.weights()));
            for (Link link : words.hardAlignment()) {
                links.add(json.createArrayNode().add(link.source()).add(link.target()));
            }
        }
        node.put("alignment", alignment(t));
        return node;
    }
}
