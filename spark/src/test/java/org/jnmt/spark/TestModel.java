package org.jnmt.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jnmt.api.TinyModel;
import org.jnmt.cli.NmtCommand;
import picocli.CommandLine;

/** The core's tiny test model, trained once per test JVM, and the test inputs and references built on it. */
final class TestModel {

    private static Path root;

    private TestModel() {}

    /** The working folder (target/spark-tests), with the model trained in {@code model/}. */
    static synchronized Path root() {
        if (root == null) {
            try {
                Path dir = Path.of("target", "spark-tests").toAbsolutePath();
                deleteTree(dir);
                Files.createDirectories(dir);
                TinyModel.train(dir);
                root = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static Path modelDir() {
        return root().resolve("model");
    }

    /**
     * A hostile input of 60 lines in CLI terms: a byte-order mark, the test sources, an empty line, a
     * blank one, one that is not valid UTF-8, one ending in CRLF, and no final newline.
     */
    static Path hostileInput(String name) throws IOException {
        List<String> sources = Files.readAllLines(TinyModel.testSources(root()));
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add(sources.get(i % sources.size()).getBytes(StandardCharsets.UTF_8));
        }
        lines.set(3, new byte[0]);
        lines.set(11, " \t ".getBytes(StandardCharsets.UTF_8));
        lines.set(17, new byte[] {'a', (byte) 0xC3, 0x28, 'b'});
        lines.set(25, (sources.get(0) + "\r").getBytes(StandardCharsets.UTF_8));
        Path file = root().resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            for (int i = 0; i < lines.size(); i++) {
                out.write(lines.get(i));
                if (i < lines.size() - 1) {
                    out.write('\n');
                }
            }
        }
        return file;
    }

    /** What {@code nmt translate -m MODEL -i input [extra...]} writes (the reference output), and its stderr. */
    static String[] cliTranslation(Path input, String... extra) throws IOException {
        Path output = Files.createTempFile(root(), "cli", ".txt");
        List<String> args = new ArrayList<>(
                List.of("translate", "-m", modelDir().toString(), "-i", input.toString(), "-o", output.toString()));
        args.addAll(List.of(extra));
        CommandLine cli = NmtCommand.newCommandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.execute(args.toArray(String[]::new));
        return new String[] {Files.readString(output), err.toString()};
    }

    /** The part files of a Spark output directory, concatenated in name order. */
    static String concatenatedParts(Path outputDir) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(outputDir)) {
            for (Path part : files.filter(f -> f.getFileName().toString().startsWith("part-"))
                    .sorted()
                    .toList()) {
                text.append(Files.readString(part));
            }
        }
        return text.toString();
    }

    /** The model directory zipped as {@code zip -r NAME model} would (checkpoints left out). */
    static Path zippedModel(String name) throws IOException {
        Path zip = root().resolve(name);
        Path model = modelDir();
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file);
                Stream<Path> files = Files.walk(model)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                Path relative = model.relativize(path);
                if (!relative.startsWith("checkpoints")) {
                    out.putNextEntry(new ZipEntry("model/" + relative.toString().replace('\\', '/')));
                    Files.copy(path, out);
                    out.closeEntry();
                }
            }
        }
        return zip;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
