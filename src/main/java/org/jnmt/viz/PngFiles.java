package org.jnmt.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jnmt.util.NmtException;

/** Writes images as PNG files, creating missing folders, with a one-sentence error on failure. */
final class PngFiles {

    private PngFiles() {}

    static void write(Path file, BufferedImage image) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // Through a stream: ImageIO's file variant prints a stack trace of its own when it fails.
            try (OutputStream out = Files.newOutputStream(file)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new NmtException("this Java runtime has no PNG writer.");
                }
            }
        } catch (IOException e) {
            throw new NmtException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
