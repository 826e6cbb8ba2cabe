package org.jnmt.align;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinePlotTest {

    @TempDir
    Path dir;

    @Test
    void writesAPngOfTheRequestedSizeWithEachSeriesDrawn() throws Exception {
        double[] steps = {500, 1000, 1500, 2000, 2500, 3000};
        LinePlot plot = new LinePlot("Training", "step", "BLEU", "loss", List.of(
                new LinePlot.Series("dev BLEU", steps, new double[]{2, 8, 15, Double.NaN, 21, 23}, LinePlot.Axis.LEFT),
                new LinePlot.Series("train loss", steps, new double[]{6.1, 4.2, 3.5, 3.1, 2.9, 2.8}, LinePlot.Axis.RIGHT)));
        Path file = dir.resolve("curves.png");
        plot.writePng(file, 800, 480);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(480, image.getHeight());
        assertTrue(countColour(image, 0x1f77b4) > 200, "the first series is drawn in blue");
        assertTrue(countColour(image, 0xff7f0e) > 200, "the second series is drawn in orange");
    }

    @Test
    void rejectsPlotsItCannotDraw() {
        LinePlot.Series right = new LinePlot.Series("loss", new double[]{1}, new double[]{2}, LinePlot.Axis.RIGHT);
        assertThrows(IllegalArgumentException.class, () -> new LinePlot("t", "x", "y", "z", List.of(right)));
        assertThrows(IllegalArgumentException.class, () -> new LinePlot.Series("s", new double[]{1, 2}, new double[]{1}, LinePlot.Axis.LEFT));
        LinePlot one = new LinePlot(null, null, null, null,
                List.of(new LinePlot.Series("single", new double[]{3}, new double[]{5}, LinePlot.Axis.LEFT)));
        assertEquals(300, one.render(400, 300).getHeight());
        assertThrows(IllegalArgumentException.class, () -> one.render(60, 60));
    }

    @Test
    void axisTicksAreRoundNumbersCoveringTheData() {
        AxisScale scale = AxisScale.covering(0.3, 9.7, 6);
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), scale.ticks());
        assertEquals("10", scale.label(10));
        AxisScale fine = AxisScale.covering(2.51, 2.78, 6);
        assertEquals(0.05, fine.step(), 1e-12);
        assertEquals("2.50", fine.label(fine.low()));
        AxisScale flat = AxisScale.covering(5, 5, 6);
        assertTrue(flat.low() < 5 && flat.high() > 5);
        assertEquals(new AxisScale(0, 1, 0.2), AxisScale.covering(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 6));
        assertEquals("0.0", AxisScale.covering(-1, 1, 5).label(-0.0));
    }

    private static int countColour(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
