package org.jnmt.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jnmt.api.Exploration;
import org.jnmt.api.Translation;
import org.jnmt.api.TranslationOptions;

/**
 * {@code POST /explore}, what the attention explorer page asks for one sentence:
 * {@code {"q": text, "model"/"source"/"target", "beam", "alpha", "max_output_ratio", "prefix",
 * "prefix_tokens", "top_k"}} → the n-best translations with their token and word attention and alignment links,
 * the beam search as a tree, and the top-k words the model weighed at each step of the best one.
 */
final class ExplorerApi {

    private static final int DEFAULT_TOP_K = 5;
    private static final int MAX_TOP_K = 50;

    private final ModelCatalog catalog;
    private final ServerLimits limits;
    private final ObjectMapper json;

    ExplorerApi(ModelCatalog catalog, ServerLimits limits, ObjectMapper json) {
        this.catalog = catalog;
        this.limits = limits;
        this.json = json;
    }

    ObjectNode explore(JsonNode request, Metrics metrics) {
        if (!request.isObject()) {
            throw new BadRequest("The request must be a JSON object with \"q\".");
        }
        String sentence = RequestFields.string(request, "q");
        if (sentence == null || sentence.isBlank()) {
            throw new BadRequest("\"q\" must be a sentence.");
        }
        RequestFields.checkSentences(List.of(sentence), limits);
        ServedModel model = catalog.select(
                RequestFields.string(request, "model"),
                RequestFields.string(request, "source"),
                RequestFields.string(request, "target"));
        TranslationOptions options = RequestFields.options(request, model.defaults(), 1);
        options = options.withNBest(options.beam());
        Integer topK = RequestFields.integer(request, "top_k", 1, MAX_TOP_K);
        List<String> prefix = prefixTokens(request, model);
        Exploration exploration =
                model.translator().explore(sentence, prefix, options, topK == null ? DEFAULT_TOP_K : topK);
        metrics.countSentences(1);

        ObjectNode response = json.createObjectNode();
        response.put("model", model.name());
        response.put("beam", options.beam());
        response.set("prefix_tokens", json.valueToTree(prefix));
        ArrayNode translations = response.putArray("translations");
        for (Translation t : exploration.translations()) {
            translations.add(TranslationJson.explorer(json, t));
        }
        ArrayNode steps = response.putArray("beam_steps");
        for (List<Exploration.BeamNode> step : exploration.beam()) {
            ArrayNode nodes = steps.addArray();
            for (Exploration.BeamNode n : step) {
                nodes.addObject()
                        .put("id", n.id())
                        .put("parent", n.parent())
                        .put("token", n.token())
                        .put("log_prob", n.logProb())
                        .put("score", n.score())
                        .put("finished", n.finished());
            }
        }
        ArrayNode alternatives = response.putArray("alternatives");
        for (List<Exploration.Alternative> step : exploration.alternatives()) {
            ArrayNode list = alternatives.addArray();
            for (Exploration.Alternative a : step) {
                list.addObject().put("token", a.token()).put("p", a.probability());
            }
        }
        return response;
    }

    /** {@code prefix_tokens} (target subwords, as "what if" picks them), or {@code prefix} as plain text. */
    private static List<String> prefixTokens(JsonNode request, ServedModel model) {
        List<String> tokens = RequestFields.strings(request, "prefix_tokens", false);
        if (tokens != null) {
            if (!request.get("prefix_tokens").isArray()) {
                throw new BadRequest("\"prefix_tokens\" must be a list of target tokens.");
            }
            return tokens;
        }
        String prefix = RequestFields.string(request, "prefix");
        return prefix == null ? List.of() : model.translator().targetTokens(prefix);
    }
}
