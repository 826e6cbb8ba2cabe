package org.jnmt.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.spark.SparkFiles;
import org.jnmt.api.ModelDirectory;
import org.jnmt.util.NmtException;

/**
 * Where an executor finds the model: a model directory every executor can read (a shared
 * filesystem), or a zip of one, either at a path every executor can read or shipped with
 * {@code spark-submit --files model.zip} (found through {@link SparkFiles} by its file name). A zip
 * is unpacked once per executor JVM into the executor's SparkFiles folder (which Spark removes at
 * the end of the application), and may hold the model directory's files or have the directory as
 * its single top folder ({@code zip -r m.zip m}).
 *
 * @param spec the {@code --model} argument
 */
public record ModelLocation(String spec) implements Serializable {

    /** The model directory on this JVM's machine; unpacks a zip the first time. */
    public Path resolve() {
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            return path;
        }
        Path zip = Files.isRegularFile(path) ? path : shipped(path.getFileName().toString());
        if (zip == null) {
            throw new NmtException(spec + ": no model directory or zip of one here, and no file of that name "
                    + "shipped with spark-submit --files");
        }
        return unpacked(zip);
    }

    private static Path shipped(String name) {
        try {
            Path file = Path.of(SparkFiles.get(name));
            return Files.isRegularFile(file) ? file : null;
        } catch (RuntimeException e) {
            return null; // no SparkContext or SparkEnv in this JVM: nothing was shipped
        }
    }

    private static synchronized Path unpacked(Path zip) {
        // Named after the zip's path too: two zips of the same name are two models.
        String name = zip.getFileName() + "-"
                + Integer.toHexString(zip.toAbsolutePath().hashCode());
        Path root = Path.of(SparkFiles.getRootDirectory());
        Path target = root.resolve(name + ".unpacked");
        if (!Files.isDirectory(target)) {
            Path partial = root.resolve(name + ".unpacking");
            try {
                unzip(zip, partial);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new NmtException(zip + ": cannot unpack the model (" + e.getMessage() + ")", e);
            }
        }
        return modelRoot(zip, target);
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream file = Files.newInputStream(zip);
                ZipInputStream in = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("entry " + entry.getName() + " points outside the archive");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The unpacked folder if it holds model.json, else its single subfolder that does. */
    private static Path modelRoot(Path zip, Path unpacked) {
        if (Files.isRegularFile(unpacked.resolve(ModelDirectory.MANIFEST))) {
            return unpacked;
        }
        try (Stream<Path> children = Files.list(unpacked)) {
            List<Path> models = children.filter(child -> Files.isRegularFile(child.resolve(ModelDirectory.MANIFEST)))
                    .toList();
            if (models.size() != 1) {
                throw new NmtException(zip + ": the zip holds " + models.size() + " model directories (with "
                        + ModelDirectory.MANIFEST + ") at its top; one is needed");
            }
            return models.get(0);
        } catch (IOException e) {
            throw new NmtException(unpacked + ": cannot read the unpacked model (" + e.getMessage() + ")", e);
        }
    }
}
