package org.jnmt.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jnmt.api.TranslationOptions;

/** Typed, checked reading of the fields of a JSON request; a wrong type is a 400 that names the field. */
final class RequestFields {

    /** The largest beam a request may ask for (the work grows with it). */
    static final int MAX_BEAM = 64;

    private RequestFields() {}

    static String string(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequest("\"" + field + "\" must be a string.");
        }
        return value.asText();
    }

    static Integer integer(JsonNode request, String field, int min, int max) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            throw new BadRequest("\"" + field + "\" must be an integer from " + min + " to " + max + ".");
        }
        return value.asInt();
    }

    static Double number(JsonNode request, String field, double min, double max) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !(value.asDouble() >= min && value.asDouble() <= max)) {
            throw new BadRequest("\"" + field + "\" must be a number from " + Metrics.number(min) + " to "
                    + Metrics.number(max) + ".");
        }
        return value.asDouble();
    }

    static boolean flag(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new BadRequest("\"" + field + "\" must be true or false.");
        }
        return value.asBoolean();
    }

    /**
     * A string or a list of strings: the list, and whether it was given as a list. Null when the
     * field is absent and not {@code required}.
     */
    static List<String> strings(JsonNode request, String field, boolean required) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new BadRequest("The request has no \"" + field + "\".");
            }
            return null;
        }
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        if (!value.isArray()) {
            throw new BadRequest("\"" + field + "\" must be a string or a list of strings.");
        }
        List<String> list = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new BadRequest("\"" + field + "\" must be a string or a list of strings.");
            }
            list.add(item.asText());
        }
        return list;
    }

    /**
     * The search options of a request: the model's defaults (its testing section, as for
     * {@code nmt translate}) with the request's {@code beam}, {@code alpha} and
     * {@code max_output_ratio}, asking for {@code nBest} outputs.
     */
    static TranslationOptions options(JsonNode request, TranslationOptions defaults, int nBest) {
        TranslationOptions options = defaults;
        Integer beam = integer(request, "beam", 1, MAX_BEAM);
        if (beam != null) {
            options = options.withBeam(beam);
        }
        Double alpha = number(request, "alpha", 0, 10);
        if (alpha != null) {
            options = options.withAlpha(alpha);
        }
        Double ratio = number(request, "max_output_ratio", 0.01, 100);
        if (ratio != null) {
            options = options.withMaxOutputRatio(ratio);
        }
        if (nBest > options.beam()) {
            throw new BadRequest("Asking for " + nBest + " translations needs a beam of at least " + nBest + ", not "
                    + options.beam() + ".");
        }
        return options.withNBest(nBest);
    }

    /** Checks the number and the lengths of a request's sentences against the server's limits. */
    static void checkSentences(List<String> sentences, ServerLimits limits) {
        if (sentences.isEmpty()) {
            throw new BadRequest("The request has no sentences.");
        }
        if (sentences.size() > limits.maxSentences()) {
            throw new BadRequest(
                    "The request has " + sentences.size() + " sentences; the limit is " + limits.maxSentences() + ".");
        }
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).length() > limits.maxSentenceChars()) {
                throw new BadRequest("Sentence " + (i + 1) + " has "
                        + sentences.get(i).length() + " characters; the limit is " + limits.maxSentenceChars() + ".");
            }
        }
    }
}
