package org.jnmt.align;

import org.jnmt.util.NmtException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a UTF-8 text file strictly (malformed bytes are an error), with errors that name the file. */
final class TextLines {

    private TextLines() {
    }

    static List<String> read(Path file) {
        List<String> lines = new ArrayList<>();
        // Files.newBufferedReader reports malformed input instead of replacing it.
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (NoSuchFileException e) {
            throw new NmtException("cannot read " + file + ": no such file.");
        } catch (CharacterCodingException e) {
            throw NmtException.at(file, lines.size() + 1, "not valid UTF-8.");
        } catch (IOException e) {
            throw new NmtException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
