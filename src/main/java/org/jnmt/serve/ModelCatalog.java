package org.jnmt.serve;

import java.util.List;
import java.util.Locale;

/**
 * The served models and how a request picks one: by name, by number (OpenNMT-py's {@code id}), or
 * by source and target language (LibreTranslate's {@code source}/{@code target}).
 */
final class ModelCatalog {

    /** LibreTranslate's "detect the source language": treated as no source given. */
    private static final String AUTO = "auto";

    private final List<ServedModel> models;

    ModelCatalog(List<ServedModel> models) {
        this.models = List.copyOf(models);
    }

    List<ServedModel> all() {
        return models;
    }

    boolean allLoaded() {
        return models.stream().allMatch(ServedModel::loaded);
    }

    /** The model of OpenNMT-py's {@code id}; null: the only model. */
    ServedModel byId(Integer id) {
        if (id == null) {
            return only("give \"id\"");
        }
        if (id < 0 || id >= models.size()) {
            throw new BadRequest("Unknown model id " + id + "; the served ids are 0 to " + (models.size() - 1) + ".");
        }
        return models.get(id);
    }

    /** The model a LibreTranslate request names, or the one that translates {@code source} to {@code target}. */
    ServedModel select(String name, String source, String target) {
        String from = source == null || source.equalsIgnoreCase(AUTO) ? null : source.toLowerCase(Locale.ROOT);
        String to = target == null ? null : target.toLowerCase(Locale.ROOT);
        if (name != null) {
            ServedModel model = models.stream()
                    .filter(m -> m.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new BadRequest("Unknown model \"" + name + "\"; see GET /models."));
            if (!matches(model, from, to)) {
                throw new BadRequest("Model \"" + name + "\" translates " + model.sourceLanguage() + " to "
                        + model.targetLanguage() + ", not " + pair(from, to) + ".");
            }
            return model;
        }
        if (from == null && to == null) {
            return only("give \"source\" and \"target\", or \"model\"");
        }
        return models.stream()
                .filter(m -> matches(m, from, to))
                .findFirst()
                .orElseThrow(
                        () -> new BadRequest("No served model translates " + pair(from, to) + "; see GET /models."));
    }

    private ServedModel only(String hint) {
        if (models.size() != 1) {
            throw new BadRequest(models.size() + " models are served: " + hint + " to choose one.");
        }
        return models.get(0);
    }

    private static boolean matches(ServedModel model, String from, String to) {
        return (from == null || model.sourceLanguage().equalsIgnoreCase(from))
                && (to == null || model.targetLanguage().equalsIgnoreCase(to));
    }

    private static String pair(String from, String to) {
        return (from == null ? "any language" : from) + " to " + (to == null ? "any language" : to);
    }
}
