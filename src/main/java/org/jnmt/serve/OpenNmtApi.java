package org.jnmt.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jnmt.api.Translation;

/**
 * {@code POST /translator/translate} in OpenNMT-py's shape: {@code [{"src": text, "id": N}, ...]}
 * → {@code [[{"src", "tgt", "n_best", "pred_score"}, ...]]}, {@code id} the model's number (the
 * order of the models on the command line, from 0), optional when one model is served. Each model
 * decodes with its own defaults.
 */
final class OpenNmtApi {

    private final ModelCatalog catalog;
    private final ServerLimits limits;
    private final ObjectMapper json;

    OpenNmtApi(ModelCatalog catalog, ServerLimits limits, ObjectMapper json) {
        this.catalog = catalog;
        this.limits = limits;
        this.json = json;
    }

    ArrayNode translate(JsonNode request, Metrics metrics) {
        if (!request.isArray()) {
            throw new BadRequest("The request must be a JSON list of {\"src\": text, \"id\": model} objects.");
        }
        List<String> sentences = new ArrayList<>(request.size());
        List<ServedModel> models = new ArrayList<>(request.size());
        for (JsonNode item : request) {
            if (!item.isObject()) {
                throw new BadRequest("Each item of the list must be an object {\"src\": text, \"id\": model}.");
            }
            String src = RequestFields.string(item, "src");
            if (src == null) {
                throw new BadRequest("Each item of the list needs \"src\", a string.");
            }
            sentences.add(src);
            models.add(catalog.byId(RequestFields.integer(item, "id", Integer.MIN_VALUE, Integer.MAX_VALUE)));
        }
        RequestFields.checkSentences(sentences, limits);

        Map<ServedModel, List<Integer>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            byModel.computeIfAbsent(models.get(i), m -> new ArrayList<>()).add(i);
        }
        Map<ServedModel, CompletableFuture<List<List<Translation>>>> futures = new LinkedHashMap<>();
        for (Map.Entry<ServedModel, List<Integer>> e : byModel.entrySet()) {
            List<String> own = new ArrayList<>(e.getValue().size());
            for (int i : e.getValue()) {
                own.add(sentences.get(i));
            }
            ServedModel model = e.getKey();
            futures.put(
                    model,
                    model.batcher()
                            .submit(
                                    own,
                                    Collections.nCopies(own.size(), null),
                                    model.defaults().withNBest(1)));
        }
        Translation[] best = new Translation[sentences.size()];
        for (Map.Entry<ServedModel, List<Integer>> e : byModel.entrySet()) {
            List<List<Translation>> results = Futures.await(futures.get(e.getKey()));
            for (int r = 0; r < results.size(); r++) {
                best[e.getValue().get(r)] = results.get(r).get(0);
            }
        }
        metrics.countSentences(sentences.size());

        ArrayNode outer = json.createArrayNode();
        ArrayNode inner = outer.addArray();
        for (int i = 0; i < best.length; i++) {
            ObjectNode item = inner.addObject();
            item.put("src", sentences.get(i));
            item.put("tgt", best[i].text());
            item.put("n_best", 1);
            item.put("pred_score", best[i].score());
        }
        return outer;
    }
}
