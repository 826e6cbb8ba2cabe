package org.jnmt.align;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jnmt.data.PreparedData;
import org.jnmt.util.IoErrors;
import org.jnmt.util.NmtException;

/**
 * Writes {@code train.align} a pair at a time into a temporary file that replaces it on
 * {@link #commit}; closed without a commit, it leaves no file behind.
 */
final class TrainAlignWriter implements AutoCloseable {
    private final Path file;
    private final Path partial;
    private final Writer out;
    private boolean committed;

    TrainAlignWriter(PreparedData data) {
        file = data.dir().resolve(PreparedData.TRAIN_ALIGNMENT);
        partial = data.dir().resolve(PreparedData.TRAIN_ALIGNMENT + ".partial");
        try {
            out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Writes one pair's line; returns its number of links. */
    int write(List<Link> links) {
        try {
            out.write(PharaohFormat.format(links));
            out.write('\n');
        } catch (IOException e) {
            throw failure(e);
        }
        return links.size();
    }

    void commit() {
        try {
            out.close();
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            out.close();
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private NmtException failure(IOException e) {
        return new NmtException(file + ": cannot write the alignments (" + IoErrors.describe(e) + ")");
    }
}
