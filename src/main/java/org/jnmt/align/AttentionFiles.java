package org.jnmt.align;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.jnmt.util.NmtException;

/**
 * The files {@code --attention-out DIR} writes for sentence N: {@code N.json}
 * ({@code {"source": [tokens], "target": [tokens], "attention": [[row], ...]}}, one row per
 * target token, one value per source token) and {@code N.npy} (the same matrix as float32,
 * shape [targetTokens, sourceTokens]).
 */
public final class AttentionFiles {

    /** A null token or row ({@code "source": [null]}) is a JSON error, not an NPE later. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));

    /** The JSON document's shape. */
    private record Document(List<String> source, List<String> target, float[][] attention) {}

    private AttentionFiles() {}

    /** Writes {@code dir/N.json} and {@code dir/N.npy}, creating the folder if needed. */
    public static void write(Path dir, int sentenceNumber, AttentionMatrix matrix) {
        try {
            Files.createDirectories(dir);
            writeJson(dir.resolve(sentenceNumber + ".json"), matrix);
            try (OutputStream out =
                    new BufferedOutputStream(Files.newOutputStream(dir.resolve(sentenceNumber + ".npy")))) {
                NpyWriter.writeFloat32(out, matrix.weights());
            }
        } catch (IOException e) {
            throw new NmtException(
                    "cannot write attention for sentence " + sentenceNumber + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeJson(Path file, AttentionMatrix matrix) throws IOException {
        JSON.writeValue(file.toFile(), new Document(matrix.sourceTokens(), matrix.targetTokens(), matrix.weights()));
    }

    /** Reads an {@code N.json} file back, e.g. to draw heatmaps later. */
    public static AttentionMatrix readJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Document document = JSON.readValue(in, Document.class);
            if (document.source() == null || document.target() == null || document.attention() == null) {
                throw new NmtException(file + ": an attention file needs \"source\", \"target\" and \"attention\".");
            }
            return new AttentionMatrix(document.source(), document.target(), document.attention());
        } catch (JsonProcessingException e) {
            throw new NmtException(file + ": not an attention JSON file (" + e.getOriginalMessage() + ").");
        } catch (IllegalArgumentException e) {
            throw new NmtException(file + ": " + e.getMessage() + ".");
        } catch (NoSuchFileException e) {
            throw new NmtException("cannot read " + file + ": no such file.");
        } catch (IOException e) {
            throw new NmtException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
