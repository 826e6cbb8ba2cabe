package org.jnmt.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jnmt.api.Translation;
import org.jnmt.api.TranslationOptions;

/**
 * {@code POST /translate} in LibreTranslate's shape: {@code {"q": text or [texts], "source",
 * "target", "alternatives"}} → {@code {"translatedText", "alternatives"}}, lists for a list. Our
 * optional extensions: {@code model}, {@code beam}, {@code alpha}, {@code max_output_ratio},
 * {@code prefix}, {@code alignment}, {@code attention} in the request; {@code score},
 * {@code alignment}, {@code attention} in the response.
 */
final class LibreTranslateApi {

    private final ModelCatalog catalog;
    private final ServerLimits limits;
    private final ObjectMapper json;

    LibreTranslateApi(ModelCatalog catalog, ServerLimits limits, ObjectMapper json) {
        this.catalog = catalog;
        this.limits = limits;
        this.json = json;
    }

    ObjectNode translate(JsonNode request, Metrics metrics) {
        if (!request.isObject()) {
            throw new BadRequest("The request must be a JSON object with \"q\".");
        }
        List<String> sentences = RequestFields.strings(request, "q", true);
        boolean list = request.get("q").isArray();
        RequestFields.checkSentences(sentences, limits);
        List<String> prefixes = prefixes(request, sentences.size(), list);
        ServedModel model = catalog.select(
                RequestFields.string(request, "model"),
                RequestFields.string(request, "source"),
                RequestFields.string(request, "target"));
        Integer asked = RequestFields.integer(request, "alternatives", 0, RequestFields.MAX_BEAM - 1);
        int alternatives = asked == null ? 0 : asked;
        TranslationOptions options = RequestFields.options(request, model.defaults(), alternatives + 1);
        boolean alignment = RequestFields.flag(request, "alignment");
        boolean attention = RequestFields.flag(request, "attention");
        List<List<Translation>> results = Futures.await(model.batcher().submit(sentences, prefixes, options));
        metrics.countSentences(sentences.size());

        ObjectNode response = json.createObjectNode();
        if (!list) {
            List<Translation> nBest = results.get(0);
            Translation best = nBest.get(0);
            response.put("translatedText", best.text());
            if (asked != null) {
                response.set("alternatives", texts(nBest.subList(1, nBest.size())));
            }
            response.put("score", best.score());
            if (alignment) {
                response.put("alignment", TranslationJson.alignment(best));
            }
            if (attention) {
                response.set("attention", TranslationJson.attention(json, best));
            }
            return response;
        }
        ArrayNode texts = response.putArray("translatedText");
        ArrayNode others = asked == null ? null : response.putArray("alternatives");
        ArrayNode scores = response.putArray("score");
        ArrayNode alignments = alignment ? response.putArray("alignment") : null;
        ArrayNode matrices = attention ? response.putArray("attention") : null;
        for (List<Translation> nBest : results) {
            Translation best = nBest.get(0);
            texts.add(best.text());
            if (others != null) {
                others.add(texts(nBest.subList(1, nBest.size())));
            }
            scores.add(best.score());
            if (alignments != null) {
                alignments.add(TranslationJson.alignment(best));
            }
            if (matrices != null) {
                matrices.add(TranslationJson.attention(json, best));
            }
        }
        return response;
    }

    /** The forced prefixes: none, or one per sentence in the shape of {@code q}. */
    private static List<String> prefixes(JsonNode request, int sentences, boolean list) {
        List<String> prefixes = RequestFields.strings(request, "prefix", false);
        if (prefixes == null) {
            return Collections.nCopies(sentences, null);
        }
        if (request.get("prefix").isArray() != list || prefixes.size() != sentences) {
            throw new BadRequest("\"prefix\" must have the shape of \"q\": a string for a string, a list of "
                    + sentences + " for a list.");
        }
        return new ArrayList<>(prefixes);
    }

    private ArrayNode texts(List<Translation> translations) {
        ArrayNode array = json.createArrayNode();
        for (Translation t : translations) {
            array.add(t.text());
        }
        return array;
    }
}
