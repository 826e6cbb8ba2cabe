package org.jnmt.align;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
        int[] distinctIndex = new int[train.size()];
        IndexedCorpus corpus = distinctPairs(train, sourceVocabulary, targetVocabulary, distinctIndex);
        // Each distinct pair's word links as flat (source, target) pairs: as Link objects in sets,
        // Tatoeba's links alone outgrew the 192m heap of nmt train.
        int[][] wordLinks = new int[corpus.size()][];
        int[] next = {0};
        new Ibm2Aligner(Ibm2Settings.FAST_ALIGN, (direction, iteration) -> {})
                .symmetrized(corpus, corpus.size(), Symmetrization.GROW_DIAG_FINAL_AND, threads, links -> {
                    wordLinks[next[0]++] = flat(links);
                });
        long count = 0;
        try (TrainAlignWriter out = new TrainAlignWriter(data)) {
            for (int i = 0; i < train.size(); i++) {
                count += out.write(pieceLinks(
                        wordLinks[distinctIndex[i]],
                        wordOfPiece(train.source(i), sourceVocabulary),
                        wordOfPiece(train.target(i), targetVocabulary)));
            }
            out.commit();
        }
        return count;
    }

    /**
     * The distinct pairs of a corpus as the aligner's words, and for each pair the index of its
     * distinct pair. The aligner sees each distinct pair once, and its links go to every copy: EM
     * would weigh a repeated pair (data.extra_train's repeat) as often as it occurs, and fast_align's
     * lexical table overfits it (the 447 Hansards pairs read 10 times beside Tatoeba: AER 29.35 for
     * grow-diag-final-and, against 19.83 with the pairs once). The pairs' texts live only here, so
     * that they are garbage before the aligner's tables are made.
     */
    private static IndexedCorpus distinctPairs(
            EncodedCorpus train, Vocabulary sourceVocabulary, Vocabulary targetVocabulary, int[] distinctIndex) {
        Map<PieceKey, Integer> distinct = new HashMap<>();
        List<String> sourceLines = new ArrayList<>();
        List<String> targetLines = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            int[] source = train.source(i);
            int[] target = train.target(i);
            distinctIndex[i] = distinct.computeIfAbsent(new PieceKey(source, target), pair -> {
                sourceLines.add(words(source, sourceVocabulary));
                targetLines.add(words(target, targetVocabulary));
                return sourceLines.size() - 1;
            });
        }
        return IndexedCorpus.of(sourceLines, targetLines, true);
    }

    /** A pair by its piece ids: the same pieces are the same text (BPE encodes a text one way). */
    private record PieceKey(int[] source, int[] target) {
        @Override
        public boolean equals(Object other) {
            return other instanceof PieceKey key
                    && Arrays.equals(source, key.source)
                    && Arrays.equals(target, key.target);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(source) + Arrays.hashCode(target);
        }
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
        int written = 0;
        long count = 0;
        try (CorpusReader pairs = CorpusReader.open(corpus, "train", skipInvalid);
                LineReader alignment = LineReader.open(file);
                TrainAlignWriter out = new TrainAlignWriter(data)) {
            long corpusLines = 0;
            CorpusReader.SentencePair pair;
            while ((pair = pairs.next()) != null) {
                corpusLines = pair.line();
                String line = lineAt(alignment, pair.line());
                if (written < kept.length && kept[written] == pair.line()) {
                    count += out.write(pieceLinks(
                            flat(wordLinks(line, file, pair.line(), pair.source(), pair.target())),
                            pieceWords(source.encodeDetailed(pair.source())),
                            pieceWords(target.encodeDetailed(pair.target()))));
                    written++;
                }
            }
            if (written != kept.length) {
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
            out.commit();
        }
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

    /** Links as flat (source, target) pairs. */
    static int[] flat(Collection<Link> links) {
        int[] flat = new int[2 * links.size()];
        int k = 0;
        for (Link link : links) {
            flat[k++] = link.source();
            flat[k++] = link.target();
        }
        return flat;
    }

    /**
     * Every (source piece, target piece) pair whose words are linked, sorted by source, then target.
     *
     * @param wordLinks flat (source word, target word) pairs
     */
    static List<Link> pieceLinks(int[] wordLinks, int[] sourceWords, int[] targetWords) {
        int sources = sourceWords.length == 0 ? 0 : sourceWords[sourceWords.length - 1] + 1;
        int targets = targetWords.length == 0 ? 0 : targetWords[targetWords.length - 1] + 1;
        boolean[][] linked = new boolean[sources][targets];
        for (int k = 0; k < wordLinks.length; k += 2) {
            if (wordLinks[k] < sources && wordLinks[k + 1] < targets) {
                linked[wordLinks[k]][wordLinks[k + 1]] = true;
            }
        }
        List<Link> links = new ArrayList<>();
        for (int s = 0; s < sourceWords.length; s++) {
            for (int t = 0; t < targetWords.length; t++) {
                if (linked[sourceWords[s]][targetWords[t]]) {
                    links.add(new Link(s, t));
                }
            }
        }
        return links;
    }
}
