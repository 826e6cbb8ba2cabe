package org.jnmt.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jnmt.util.NmtException;
import org.jnmt.util.UsageException;

/**
 * Reads and writes {@link NmtConfig} as YAML. Unknown keys, keys written twice, values of the
 * wrong type or outside their range are errors reported before any work starts, each as
 * {@code FILE: section.key: what is wrong (allowed: ...)} (a typo must not silently fall back to a
 * default); {@code --set section.key=value} overrides are applied before binding.
 */
public final class ConfigLoader {

    // A key written twice in one section is an error, not a silent overwrite by the second.
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // An empty value ("data:" with its keys commented out) keeps the default, never null.
            .setDefaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SKIP));

    private ConfigLoader() {}

    /** Loads a YAML file (null: the defaults) and applies {@code key=value} overrides. */
    public static NmtConfig load(Path file, List<String> overrides) {
        ObjectNode tree;
        try {
            tree = file == null ? YAML.createObjectNode() : readTree(file);
        } catch (NoSuchFileException e) {
            throw new NmtException(file + ": config file not found");
        } catch (IOException e) {
            throw new NmtException(file + ": cannot read config: " + firstLine(e.getMessage()));
        }
        for (String override : overrides) {
            applyOverride(tree, override);
        }
        return bind(tree, file == null ? "--set" : file.toString());
    }

    /** Parses a config from YAML text (used for the copy stored in a model directory). */
    public static NmtConfig fromYaml(String yaml, String origin) {
        try {
            JsonNode node = YAML.readTree(yaml);
            return bind(node instanceof ObjectNode o ? o : YAML.createObjectNode(), origin);
        } catch (JsonProcessingException e) {
            throw new NmtException(origin + ": invalid YAML: " + firstLine(e.getOriginalMessage()));
        }
    }

    public static String toYaml(NmtConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise config", e);
        }
    }

    private static ObjectNode readTree(Path file) throws IOException {
        JsonNode node;
        try {
            node = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            if (e.getProcessor() instanceof JsonParser parser
                    && e.getOriginalMessage().startsWith("Duplicate field")) {
                String key = parser.getParsingContext()
                        .pathAsPointer()
                        .toString()
                        .substring(1)
                        .replace('/', '.');
                throw new NmtException(file + ": " + key + ": written twice, again on line " + line
                        + " (allowed: each key once in its section)");
            }
            throw NmtException.at(file, line, "invalid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (MalformedInputException e) {
            throw new NmtException(file + ": config is not valid UTF-8");
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return YAML.createObjectNode();
        }
        if (!(node instanceof ObjectNode object)) {
            throw NmtException.at(file, 1, "a config must be a mapping with data/model/training/testing sections");
        }
        return object;
    }

    private static void applyOverride(ObjectNode tree, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--set expects key=value, got '" + override + "'");
        }
        String[] path = override.substring(0, eq).trim().split("\\.");
        String value = override.substring(eq + 1);
        ObjectNode node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(path[i]);
            }
            node = (ObjectNode) child;
        }
        try {
            // Parse the value as YAML so that numbers, booleans and lists keep their types.
            JsonNode parsed = YAML.readTree(value.isEmpty() ? "''" : value);
            node.set(path[path.length - 1], parsed);
        } catch (JsonProcessingException e) {
            node.put(path[path.length - 1], value);
        }
    }

    private static NmtConfig bind(ObjectNode tree, String origin) {
        NmtConfig config;
        try {
            config = YAML.treeToValue(tree, NmtConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new NmtException(origin + ": " + pathOf(e) + ": unknown key (allowed: "
                    + String.join(
                            ", ",
                            e.getKnownPropertyIds().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .toList()) + ")");
        } catch (InvalidFormatException e) {
            throw new NmtException(
                    origin + ": " + pathOf(e) + ": '" + e.getValue() + "' is not " + allowedValues(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new NmtException(
                    origin + ": " + pathOf(e) + ": wrong type (allowed: " + typeName(e.getTargetType()) + ")");
        } catch (JsonProcessingException e) {
            throw new NmtException(origin + ": invalid config: " + firstLine(e.getOriginalMessage()));
        }
        ConfigCheck.validate(config, origin);
        return config;
    }

    /** "one of the allowed values (allowed: none, tanh, maxout)", or the type a number must have. */
    private static String allowedValues(Class<?> type) {
        if (type.isEnum()) {
            return "allowed (allowed: "
                    + String.join(
                            ", ",
                            Arrays.stream(type.getEnumConstants())
                                    .map(constant -> YAML.convertValue(constant, String.class))
                                    .toList())
                    + ")";
        }
        return "valid (allowed: " + typeName(type) + ")";
    }

    private static String typeName(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return allowedValues(type);
        }
        return "a mapping of " + type.getSimpleName().replace("Spec", "").toLowerCase(Locale.ROOT) + " keys";
    }

    private static String pathOf(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
