package org.jnmt.cli;

import java.util.Locale;

/** How the scoring commands print their results ({@code --format}). */
enum OutputFormat {
    /** sacreBLEU's JSON. */
    JSON,
    /** sacreBLEU's one line per metric. */
    TEXT;

    /** The spelling on the command line. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
