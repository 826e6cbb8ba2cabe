package org.jnmt.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jnmt.align.AttentionMatrix;
import org.jnmt.align.Link;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Outlined cells (the links a symmetrised alignment keeps) and their legend, in SVG, PNG and HTML. */
class HeatmapMarksTest {

    /** Source tokens "hou@@ se is </s>" (words house, is), target tokens "das Hau@@ s </s>" (das, Haus). */
    private static final AttentionMatrix MATRIX = new AttentionMatrix(
            List.of("hou@@", "se", "is", "</s>"), List.of("das", "Hau@@", "s", "</s>"), new float[][] {
                {0.1f, 0.1f, 0.7f, 0.1f}, {0.5f, 0.3f, 0.1f, 0.1f}, {0.2f, 0.6f, 0.0f, 0.2f}, {0f, 0f, 0.1f, 0.9f}
            });

    private static final int[] SOURCE_WORD = {0, 0, 1, -1};
    private static final int[] TARGET_WORD = {0, 1, 1, -1};
    private static final String LEGEND = "Outlined: the word links that intersect keeps";

    /** house-Haus and is-das. */
    private static final HeatmapMarks MARKS =
            HeatmapMarks.ofWordLinks(List.of(new Link(0, 1), new Link(1, 0)), SOURCE_WORD, TARGET_WORD, LEGEND);

    @Test
    void aWordLinkOutlinesEveryPieceOfBothWordsAndNeverTheEosCells() {
        boolean[][] cells = MARKS.cells();
        assertArrayEquals(new boolean[] {false, false, true, false}, cells[0]);
        assertArrayEquals(new boolean[] {true, true, false, false}, cells[1]);
        assertArrayEquals(new boolean[] {true, true, false, false}, cells[2]);
        assertArrayEquals(new boolean[] {false, false, false, false}, cells[3]);
    }

    @Test
    void svgOutlinesTheMarkedCellsAndSaysWhatTheOutlinesMean() throws Exception {
        HeatmapOptions options = HeatmapOptions.defaults(MATRIX).withMarks(MARKS);
        String svg = HeatmapSvg.render(MATRIX, options);
        Element root = parse(svg);
        HeatmapLayout layout = new HeatmapLayout(MATRIX, options);
        List<String> outlined = new ArrayList<>();
        for (Element rect : elements(group(root, "marks"), "rect")) {
            outlined.add(rect.getAttribute("x") + "," + rect.getAttribute("y"));
        }
        List<String> expected = new ArrayList<>();
        for (int[] cell : new int[][] {{0, 2}, {1, 0}, {1, 1}, {2, 0}, {2, 1}}) {
            expected.add((layout.cellX(cell[1]) + 1) + "," + (layout.cellY(cell[0]) + 1));
        }
        assertEquals(expected, outlined);
        assertEquals(LEGEND, elements(group(root, "legend"), "text").get(0).getTextContent());

        HeatmapLayout plain = new HeatmapLayout(MATRIX, HeatmapOptions.defaults(MATRIX));
        assertTrue(layout.height > plain.height, "the legend line adds height");
        assertFalse(HeatmapSvg.render(MATRIX, HeatmapOptions.defaults(MATRIX)).contains("class=\"marks\""));
    }

    @Test
    void pngDrawsTheOutlinesOnMarkedCellsOnly() {
        HeatmapOptions options = HeatmapOptions.defaults(MATRIX).withMarks(MARKS);
        HeatmapLayout layout = new HeatmapLayout(MATRIX, options);
        BufferedImage image = HeatmapPng.render(MATRIX, options);
        assertEquals(layout.height, image.getHeight());
        int outline = HeatmapMarks.COLOR.getRGB();
        // The left edge of a cell: the outline on "is" → "das", the cell's own colour on "house" → "das".
        assertEquals(outline, image.getRGB(layout.cellX(2) + 1, layout.cellY(0) + layout.cell / 2));
        assertNotEquals(outline, image.getRGB(layout.cellX(0) + 1, layout.cellY(0) + layout.cell / 2));
        assertEquals(
                ColorScale.color(MATRIX.weights()[0][0]).getRGB(),
                image.getRGB(layout.cellX(0) + 1, layout.cellY(0) + layout.cell / 2));
        assertEquals(outline, image.getRGB(HeatmapLayout.MARGIN, layout.legendSwatchY() + 6), "legend swatch");
    }

    @Test
    void theReportOutlinesTheCellsOfTheEntriesThatHaveMarks() throws Exception {
        String html = HeatmapReport.render(
                "Attention",
                List.of(
                        new HeatmapReport.Entry("house is", "das Haus", MATRIX, MARKS),
                        new HeatmapReport.Entry("house is", "das Haus", MATRIX)));
        Element root = parse(html);
        NodeList sections = root.getElementsByTagName("section");
        assertEquals(
                5, elements(group((Element) sections.item(0), "marks"), "rect").size());
        assertTrue(((Element) sections.item(0)).getTextContent().contains(LEGEND));
        assertFalse(((Element) sections.item(1)).getTextContent().contains(LEGEND));
        assertEquals(1, html.split("class=\"marks\"", -1).length - 1);
    }

    @Test
    void marksOfAnotherShapeAreRejected() {
        HeatmapMarks wrong = new HeatmapMarks(new boolean[3][4], LEGEND);
        assertThrows(
                IllegalArgumentException.class,
                () -> new HeatmapLayout(MATRIX, HeatmapOptions.defaults(MATRIX).withMarks(wrong)));
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    /** The one {@code <g>} of the given class under {@code root}. */
    private static Element group(Element root, String className) {
        List<Element> found = new ArrayList<>();
        for (Element g : elements(root, "g")) {
            if (g.getAttribute("class").equals(className)) {
                found.add(g);
            }
        }
        assertEquals(1, found.size(), "groups of class " + className);
        return found.get(0);
    }

    private static List<Element> elements(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }
}
