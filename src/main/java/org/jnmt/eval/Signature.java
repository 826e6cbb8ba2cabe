package org.jnmt.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * sacreBLEU's reproducibility signature, such as
 * {@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0}: which settings produced a
 * score. The version field names the sacreBLEU release whose numbers ours reproduce.
 */
public final class Signature {

    /** The sacreBLEU release this implementation agrees with, digit for digit. */
    public static final String SACREBLEU_VERSION = "2.6.0";

    /** One field: its name, the abbreviation of {@code --short} signatures, and its value. */
    public record Field(String name, String abbreviation, String value) {}

    private final List<Field> fields;

    private Signature(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** A signature with {@code nrefs} first, then {@code metricFields}, then the version. */
    public static Signature of(int referenceCount, List<Field> metricFields) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("nrefs", "#", Integer.toString(referenceCount)));
        fields.addAll(metricFields);
        fields.add(new Field("version", "v", SACREBLEU_VERSION));
        return new Signature(fields);
    }

    public List<Field> fields() {
        return fields;
    }

    /** {@code name:value} pairs joined with {@code |}; abbreviated names when {@code short}. */
    public String format(boolean shortNames) {
        StringJoiner joined = new StringJoiner("|");
        for (Field field : fields) {
            joined.add((shortNames ? field.abbreviation() : field.name()) + ":" + field.value());
        }
        return joined.toString();
    }

    @Override
    public String toString() {
        return format(false);
    }
}
