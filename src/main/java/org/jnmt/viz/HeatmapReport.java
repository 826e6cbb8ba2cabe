package org.jnmt.viz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jnmt.align.AttentionMatrix;
import org.jnmt.util.NmtException;

/**
 * One HTML page of attention heatmaps, one section per sentence, each an inline SVG under the sentence
 * pair. The page is also well-formed XML (polyglot markup), so tools can parse it.
 */
public final class HeatmapReport {

    /**
     * One sentence of the report.
     *
     * @param source      the source sentence as the user wrote it
     * @param translation the model's output
     * @param attention   its attention over tokens
     * @param marks       cells to outline in its heatmap, with their legend, or null for none
     */
    public record Entry(String source, String translation, AttentionMatrix attention, HeatmapMarks marks) {

        /** Without marks. */
        public Entry(String source, String translation, AttentionMatrix attention) {
            this(source, translation, attention, null);
        }
    }

    private HeatmapReport() {}

    public static void write(Path file, String title, List<Entry> entries) {
        try {
            Files.writeString(file, render(title, entries), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NmtException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static String render(String title, List<Entry> entries) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(Markup.escape(title))
                .append("</title>\n<style>\n")
                .append("body { font-family: ")
                .append(Drawing.SVG_FONT_FAMILY)
                .append("; margin: 2em; color: #222; }\n")
                .append("section { margin-bottom: 2.5em; }\n")
                .append("h2 { font-size: 1.05em; font-weight: normal; margin: 0 0 0.6em; line-height: 1.5; }\n")
                .append("h2 .number { color: #888; margin-right: 0.6em; }\n")
                .append("h2 .translation { color: #08519c; }\n")
                .append("svg { max-width: 100%; height: auto; }\n")
                .append("</style>\n</head>\n<body>\n<h1>")
                .append(Markup.escape(title))
                .append("</h1>\n");
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            int number = i + 1;
            html.append("<section id=\"s")
                    .append(number)
                    .append("\">\n<h2><span class=\"number\">")
                    .append(number)
                    .append("</span>")
                    .append(Markup.escape(entry.source()))
                    .append("<br/><span class=\"number\">→</span><span class=\"translation\">")
                    .append(Markup.escape(entry.translation()))
                    .append("</span></h2>\n")
                    .append(HeatmapSvg.element(
                            entry.attention(),
                            HeatmapOptions.defaults(entry.attention()).withMarks(entry.marks()),
                            "s" + number))
                    .append("</section>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }
}
