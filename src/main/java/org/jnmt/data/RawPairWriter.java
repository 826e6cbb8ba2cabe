package org.jnmt.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jnmt.util.NmtException;

/** Writes the raw source and target lines of dev or test pairs to two files of a data directory. */
final class RawPairWriter implements AutoCloseable {
    private final Path sourceFile;
    private final BufferedWriter sources;
    private final BufferedWriter references;

    RawPairWriter(Path dir, String sourceName, String referenceName) {
        sourceFile = dir.resolve(sourceName);
        try {
            sources = Files.newBufferedWriter(sourceFile, StandardCharsets.UTF_8);
            references = Files.newBufferedWriter(dir.resolve(referenceName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NmtException(sourceFile + ": cannot write: " + e.getMessage(), e);
        }
    }

    void write(CorpusReader.SentencePair pair) {
        try {
            sources.write(pair.source() + "\n");
            references.write(pair.target() + "\n");
        } catch (IOException e) {
            throw new NmtException(sourceFile + ": cannot write: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            sources.close();
            references.close();
        } catch (IOException e) {
            throw new NmtException(sourceFile + ": cannot write: " + e.getMessage(), e);
        }
    }
}
