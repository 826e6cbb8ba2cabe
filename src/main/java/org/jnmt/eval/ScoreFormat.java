package org.jnmt.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * sacreBLEU 2.6.0's output forms, character for character: the score alone ({@code -b}), the text
 * line with signature, the JSON object ({@code json.dumps(d, indent=1, ensure_ascii=False)}), and the
 * combination of several metrics' results into what the command prints.
 */
public final class ScoreFormat {

    private ScoreFormat() {}

    /** The score with {@code width} decimals: {@code 37.1036}. */
    public static String scoreOnly(MetricScore score, int width) {
        return PythonFloats.fixed(score.score(), width);
    }

    /** {@code NAME|SIGNATURE = SCORE VERBOSE}, the text form (the signature may be empty). */
    public static String text(MetricScore score, String signature, int width) {
        String line =
                (signature.isEmpty() ? score.name() : score.name() + "|" + signature) + " = " + scoreOnly(score, width);
        return score.verbose().isEmpty() ? line : line + " " + score.verbose();
    }

    /** The JSON object: name, score, signature, verbose_score (if any), then each signature field. */
    public static String json(MetricScore score, Signature signature, int width) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("name", quote(score.name()));
        members.put("score", PythonFloats.repr(Double.parseDouble(scoreOnly(score, width))));
        String longSignature = signature.format(false);
        members.put("signature", quote(longSignature));
        if (!score.verbose().isEmpty()) {
            members.put("verbose_score", quote(score.verbose()));
        }
        for (Signature.Field field : signature.fields()) {
            members.put(field.name(), quote(field.value()));
        }
        StringJoiner object = new StringJoiner(",\n", "{\n", "\n}");
        members.forEach((key, value) -> object.add(" " + quote(key) + ": " + value));
        return object.toString();
    }

    /**
     * What sacreBLEU prints for one system's results, one per metric in name order: JSON objects
     * become a list when there are several; text lines are right-aligned on their {@code =}.
     */
    public static String combine(List<String> results, boolean json) {
        if (results.size() == 1) {
            return results.get(0);
        }
        if (json) {
            return "[\n" + String.join(",\n", results) + "\n]";
        }
        List<String> lines = new ArrayList<>();
        int width = 0;
        for (String result : results) {
            width = Math.max(width, result.indexOf('='));
        }
        for (String result : results) {
            int equals = result.indexOf('=');
            // a score without '=' (score only) is printed as it is
            lines.add(equals < 0 ? result : " ".repeat(width - equals) + result);
        }
        return String.join("\n", lines);
    }

    /** A JSON string literal as Python's json module writes it with ensure_ascii=False. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
