package org.jnmt.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jnmt.align.AttentionMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HeatmapTest {

    private static final AttentionMatrix GERMAN_FRENCH = new AttentionMatrix(
            List.of("Die", "Straße", "führt", "über", "die", "Brücke", "</s>"),
            List.of("La", "rue", "traverse", "le", "pont", "à", "Noël", "</s>"),
            diagonal(8, 7));

    @TempDir
    Path dir;

    @Test
    void pngIsARealImageOfTheLaidOutSize() throws Exception {
        Path file = dir.resolve("map.png");
        HeatmapOptions options = HeatmapOptions.defaults(GERMAN_FRENCH).withTitle("Sentence 1");
        HeatmapPng.write(file, GERMAN_FRENCH, options);
        BufferedImage image = ImageIO.read(file.toFile());
        HeatmapLayout layout = new HeatmapLayout(GERMAN_FRENCH, options);
        assertEquals(layout.width, image.getWidth());
        assertEquals(layout.height, image.getHeight());
        // 7 columns and 8 rows of 34-pixel cells, plus labels and the colour bar.
        assertTrue(image.getWidth() > 7 * layout.cell + 60 && image.getHeight() > 8 * layout.cell + 40);
        // A weight-1 cell is dark blue at its corner (away from the printed value), a weight-0 cell near white.
        assertEquals(ColorScale.color(1).getRGB(), image.getRGB(layout.cellX(0) + 2, layout.cellY(0) + 2));
        assertEquals(ColorScale.color(0).getRGB(), image.getRGB(layout.cellX(6) + 2, layout.cellY(0) + 2));
    }

    @Test
    void imageGrowsWithTokensAndLabelLengths() {
        AttentionMatrix small = new AttentionMatrix(List.of("a", "b"), List.of("x"), diagonal(1, 2));
        AttentionMatrix wider =
                new AttentionMatrix(List.of("a", "b", "c", "d", "e", "f", "g", "h"), List.of("x"), diagonal(1, 8));
        AttentionMatrix longLabels =
                new AttentionMatrix(List.of("a", "extraordinarily"), List.of("incomprehensible"), diagonal(1, 2));
        HeatmapOptions plain = new HeatmapOptions(null, false);
        BufferedImage base = HeatmapPng.render(small, plain);
        assertEquals(base.getWidth() + 6 * 24, HeatmapPng.render(wider, plain).getWidth());
        BufferedImage labelled = HeatmapPng.render(longLabels, plain);
        assertTrue(labelled.getWidth() > base.getWidth() + 50);
        assertTrue(labelled.getHeight() > base.getHeight() + 50);
    }

    @Test
    void theFontRendersGermanAndFrenchAccents() {
        Font font = new HeatmapLayout(GERMAN_FRENCH, HeatmapOptions.defaults(GERMAN_FRENCH)).labelFont;
        assertEquals(-1, font.canDisplayUpTo("äöüÄÖÜß éèêëàâçîïôûùœæÉÇ «»"), font.getFontName());
        // The rendered umlaut differs from the plain vowel: the glyph really was drawn.
        BufferedImage plain = HeatmapPng.render(
                new AttentionMatrix(List.of("u"), List.of("x"), diagonal(1, 1)), new HeatmapOptions(null, false));
        BufferedImage umlaut = HeatmapPng.render(
                new AttentionMatrix(List.of("ü"), List.of("x"), diagonal(1, 1)), new HeatmapOptions(null, false));
        assertFalse(sameImage(plain, umlaut));
    }

    @Test
    void svgIsWellFormedXmlWithEscapedLabels() throws Exception {
        AttentionMatrix tricky = new AttentionMatrix(
                List.of("<b>", "a&b", "\"q\"", "ctl\u0001"), List.of("l'été", "</s>"), diagonal(2, 4));
        String svg = HeatmapSvg.render(tricky, new HeatmapOptions("x < y & z", true));
        assertFalse(svg.contains("<b>"));
        Document document = parse(svg);
        Element root = document.getDocumentElement();
        assertEquals("svg", root.getTagName());
        List<String> texts = texts(root);
        assertTrue(
                texts.containsAll(List.of("<b>", "a&b", "\"q\"", "ctl\ufffd", "l'été", "</s>", "x < y & z")),
                texts.toString());
        HeatmapLayout layout = new HeatmapLayout(tricky, new HeatmapOptions("x < y & z", true));
        assertEquals(String.valueOf(layout.width), root.getAttribute("width"));
        assertTrue(texts.contains("1.00") && texts.contains("0.00"), "cells show their weights");
    }

    @Test
    void htmlReportHasOneSectionWithHeadingAndSvgPerSentence() throws Exception {
        Path file = dir.resolve("report.html");
        AttentionMatrix second = new AttentionMatrix(List.of("a"), List.of("b"), diagonal(1, 1));
        HeatmapReport.write(
                file,
                "Attention <test>",
                List.of(
                        new HeatmapReport.Entry("Die Straße & die Brücke", "La rue <et> le pont", GERMAN_FRENCH),
                        new HeatmapReport.Entry("a", "b", second)));
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        Document document = parse(html);
        NodeList sections = document.getElementsByTagName("section");
        assertEquals(2, sections.getLength());
        Element first = (Element) sections.item(0);
        String heading = first.getElementsByTagName("h2").item(0).getTextContent();
        assertTrue(heading.contains("Die Straße & die Brücke") && heading.contains("La rue <et> le pont"), heading);
        assertEquals(1, first.getElementsByTagName("svg").getLength());
        assertEquals(1, ((Element) sections.item(1)).getElementsByTagName("svg").getLength());
        assertEquals(
                "Attention <test>",
                document.getElementsByTagName("title").item(0).getTextContent());
        assertTrue(html.contains("id=\"s1-bar\"") && html.contains("id=\"s2-bar\""), "gradient ids are unique");
    }

    static float[][] diagonal(int rows, int columns) {
        float[][] weights = new float[rows][columns];
        for (int t = 0; t < rows; t++) {
            weights[t][Math.min(t, columns - 1)] = 1f;
        }
        return weights;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Element root) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static boolean sameImage(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
