package org.jnmt.align;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jnmt.config.DataConfig;
import org.jnmt.data.BpeEncoder;
import org.jnmt.data.CorpusReader;
import org.jnmt.data.EncodedCorpus;
import org.jnmt.data.LineReader;
import org.jnmt.data.PreparedData;
import org.jnmt.data.SpecialTokens;
import org.jnmt.data.TextNormalizer;
import org.jnmt.data.TextPipeline;
import org.jnmt.data.Vocabulary;
import org.jnmt.util.IoErrors;
import org.jnmt.util.NmtException;

/**
 * The word alignment of a prepared training corpus over its subword positions ({@code train.align}
 * in the data directory, one Pharaoh line per pair of {@code train.ids}, EOS excluded), the
 * reference that guided-alignment training ({@code training.guided_alignment}) pulls the attention
 * towards. {@link #write} makes it with the built-in aligner, as Marian's users do with fast_align and
 * atools: IBM Model 2 with fast_align's settings in both directions, combined with
 * grow-diag-final-and, on the lowercased words that the pairs' BPE pieces join into, each distinct
 * pair once; every piece of a linked source word is then linked to every piece of the linked target
 * word.
 */
public final class TrainingAlignments {

    private TrainingAlignments() {}

    /**
     * Aligns the training pairs of a prepared data directory and writes its {@code train.align}.
     *
     * @param threads 1 or 2: whether both directions train at once
     * @return the number of links written
     */
    public static long write(PreparedData data, int threads) {
        EncodedCorpus train = data.train();
        Vocabulary sourceVocabulary = data.pipelines().source().vocabulary();
        Vocabulary targetVocabulary = data.pipelines().target().vocabulary();
        // The aligner sees each distinct pair once, and its links go to every copy: EM would weigh a
        // repeated pair (data.extra_train's repeat) as often as it occurs, and fast_align's lexical
        // table overfits it (the 447 Hansards pairs read 10 times beside Tatoeba: AER 29.35 for
        // grow-diag-final-and, against 19.83 with the pairs once).
        Map<String, Integer> distinct = new HashMap<>();
        List<String> sourceLines = new ArrayList<>();
        List<String> targetLines = new ArrayList<>();
        int[] distinctIndex = new int[train.size()];
        int[][] sourceWords = new int[train.size()][];
        int[][] targetWords = new int[train.size()][];
        for (int i = 0; i < train.size(); i++) {
            sourceWords[i] = wordOfPiece(train.source(i), sourceVocabulary);
            targetWords[i] = wordOfPiece(train.target(i), targetVocabulary);
            String source = words(train.source(i), sourceVocabulary);
            String target = words(train.target(i), targetVocabulary);
            distinctIndex[i] = distinct.computeIfAbsent(source + "\t" + target, pair -> {
                sourceLines.add(source);
                targetLines.add(target);
                return sourceLines.size() - 1;
            });
        }
        IndexedCorpus corpus = IndexedCorpus.of(sourceLines, targetLines, true);
        List<Set<Link>> wordLinks = new Ibm2Aligner(Ibm2Settings.FAST_ALIGN, (direction, iteration) -> {})
                .symmetrized(corpus, corpus.size(), Symmetrization.GROW_DIAG_FINAL_AND, threads);
        List<List<Link>> pieceLinks = new ArrayList<>(train.size());
        long count = 0;
        for (int i = 0; i < train.size(); i++) {
            pieceLinks.add(pieceLinks(wordLinks.get(distinctIndex[i]), sourceWords[i], targetWords[i]));
            count += pieceLinks.get(i).size();
        }
        writeAlignment(data, pieceLinks);
        return count;
    }

    /**
     * Turns a Pharaoh file over the words of the raw training corpus ({@code data.alignment_file}:
     * one line for every line of data.train, 0-based indices of the whitespace-separated words of the
     * lines as written there, what fast_align and atools write) into the data directory's
     * {@code train.align}, for the pairs that preparation kept ({@code train.lines}): every piece of a
     * linked source word is linked to every piece of the linked target word.
     *
     * @return the number of links written
     */
    public static long importFile(PreparedData data, DataConfig.CorpusSpec corpus, Path file, boolean skipInvalid) {
        long[] kept = trainLines(data);
        TextPipeline source = data.pipelines().source();
        TextPipeline target = data.pipelines().target();
        List<List<Link>> pieceLinks = new ArrayList<>(kept.length);
        long count = 0;
        try (CorpusReader pairs = CorpusReader.open(corpus, "train", skipInvalid);
                LineReader alignment = LineReader.open(file)) {
            long corpusLines = 0;
            CorpusReader.SentencePair pair;
            while ((pair = pairs.next()) != null) {
                corpusLines = pair.line();
                String line = lineAt(alignment, pair.line());
                if (pieceLinks.size() < kept.length && kept[pieceLinks.size()] == pair.line()) {
                    List<Link> links = pieceLinks(
                            wordLinks(line, file, pair.line(), pair.source(), pair.target()),
                            pieceWords(source.encodeDetailed(pair.source())),
                            pieceWords(target.encodeDetailed(pair.target())));
                    count += links.size();
                    pieceLinks.add(links);
                }
            }
            if (pieceLinks.size() != kept.length) {
                throw new NmtException("data.train no longer has the pairs that " + PreparedData.TRAIN_LINES
                        + " lists; prepare the data again");
            }
            long lines = alignment.lineNumber();
            while (alignment.readLine() != null) {
                lines++;
            }
            if (lines != corpusLines) {
                throw new NmtException(file + ": " + lines + " lines for the " + corpusLines
                        + " lines of data.train; data.alignment_file needs one line for every line of data.train");
            }
        }
        writeAlignment(data, pieceLinks);
        return count;
    }

    /** Reads {@code reader} up to line {@code number} and returns that line. */
    private static String lineAt(LineReader reader, long number) {
        String line = "";
        while (reader.lineNumber() < number) {
            line = reader.readLine();
            if (line == null) {
                throw new NmtException(reader.name() + ": " + reader.lineNumber() + " lines, but data.train has a pair"
                        + " at line " + number + "; data.alignment_file needs one line for every line of data.train");
            }
        }
        return line;
    }

    /** The links of one line of an alignment file, checked against the words of its pair. */
    private static Set<Link> wordLinks(String line, Path file, long number, String source, String target) {
        int sourceWords = TextNormalizer.words(source).size();
        int targetWords = TextNormalizer.words(target).size();
        Set<Link> links = new HashSet<>();
        for (Link link : PharaohFormat.parse(line, file, number)) {
            if (link.source() >= sourceWords || link.target() >= targetWords) {
                throw NmtException.at(
                        file,
                        number,
                        "link " + link + " is outside the " + sourceWords + " source and " + targetWords
                                + " target words of line " + number + " of data.train");
            }
            links.add(link);
        }
        return links;
    }

    /** For each piece of an encoded line (EOS excluded), the index of its whitespace-separated word. */
    private static int[] pieceWords(TextPipeline.Encoded encoded) {
        return Arrays.copyOf(encoded.words(), encoded.words().length - 1);
    }

    private static long[] trainLines(PreparedData data) {
        Path file = data.dir().resolve(PreparedData.TRAIN_LINES);
        if (!Files.isRegularFile(file)) {
            throw new NmtException(
                    file + " is missing: prepare the data again (older versions of nmt prepare did not write it)");
        }
        return LineReader.readAll(file).stream().mapToLong(Long::parseLong).toArray();
    }

    private static void writeAlignment(PreparedData data, List<List<Link>> pieceLinks) {
        Path file = data.dir().resolve(PreparedData.TRAIN_ALIGNMENT);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            PharaohFormat.write(out, pieceLinks);
        } catch (IOException e) {
            throw new NmtException(file + ": cannot write the alignments (" + IoErrors.describe(e) + ")");
        }
    }

    /**
     * Reads the {@code train.align} of a data directory for guided alignment: per training pair, its
     * links as flat (source position, target position) pairs.
     */
    public static int[][] read(PreparedData data) {
        Path file = data.dir().resolve(PreparedData.TRAIN_ALIGNMENT);
        if (!Files.isRegularFile(file)) {
            throw new NmtException(file + " is missing: training.guided_alignment needs the alignment of the"
                    + " training pairs; prepare the data again with data.alignment: ibm2 or file");
        }
        EncodedCorpus train = data.train();
        List<List<Link>> sentences = PharaohFormat.read(file);
        if (sentences.size() != train.size()) {
            throw new NmtException(file + ": " + sentences.size() + " lines for the " + train.size()
                    + " training pairs of " + PreparedData.TRAIN + "; prepare the data again");
        }
        int[][] links = new int[train.size()][];
        for (int i = 0; i < links.length; i++) {
            List<Link> sentence = sentences.get(i);
            links[i] = new int[2 * sentence.size()];
            for (int k = 0; k < sentence.size(); k++) {
                Link link = sentence.get(k);
                // the EOS of either side is not a word: links stop before it
                if (link.source() >= train.sourceLength(i) - 1 || link.target() >= train.targetLength(i) - 1) {
                    throw new NmtException(file + ":" + (i + 1) + ": link " + link + " is outside the pair's "
                            + (train.sourceLength(i) - 1) + " source and " + (train.targetLength(i) - 1)
                            + " target tokens");
                }
                links[i][2 * k] = link.source();
                links[i][2 * k + 1] = link.target();
            }
        }
        return links;
    }

    /** For each piece before EOS, the index of the word it belongs to (a piece ending in @@ continues into the next). */
    static int[] wordOfPiece(int[] ids, Vocabulary vocabulary) {
        int pieces = ids.length - 1; // EOS last
        int[] word = new int[pieces];
        int w = 0;
        for (int p = 0; p < pieces; p++) {
            word[p] = w;
            if (!vocabulary.token(ids[p]).endsWith(BpeEncoder.SEPARATOR)) {
                w++;
            }
        }
        return word;
    }

    /** The words that a pair side's pieces join into, separated by spaces. */
    static String words(int[] ids, Vocabulary vocabulary) {
        StringBuilder line = new StringBuilder();
        for (int p = 0; p < ids.length && ids[p] != SpecialTokens.EOS; p++) {
            String token = vocabulary.token(ids[p]);
            if (token.endsWith(BpeEncoder.SEPARATOR)) {
                line.append(token, 0, token.length() - BpeEncoder.SEPARATOR.length());
            } else {
                line.append(token).append(' ');
            }
        }
        return line.toString().trim();
    }

    /** Every (source piece, target piece) pair whose words are linked. */
    static List<Link> pieceLinks(Set<Link> wordLinks, int[] sourceWords, int[] targetWords) {
        List<Link> links = new ArrayList<>();
        for (int s = 0; s < sourceWords.length; s++) {
            for (int t = 0; t < targetWords.length; t++) {
                if (wordLinks.contains(new Link(sourceWords[s], targetWords[t]))) {
                    links.add(new Link(s, t));
                }
            }
        }
        return links;
    }
}
