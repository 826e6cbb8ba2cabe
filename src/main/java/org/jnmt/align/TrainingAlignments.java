package org.jnmt.align;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jnmt.data.BpeEncoder;
import org.jnmt.data.EncodedCorpus;
import org.jnmt.data.PreparedData;
import org.jnmt.data.SpecialTokens;
import org.jnmt.data.Vocabulary;
import org.jnmt.util.IoErrors;
import org.jnmt.util.NmtException;

/**
 * The word alignment of a prepared training corpus over its subword positions ({@code train.align}
 * in the data directory, one Pharaoh line per pair of {@code train.ids}, EOS excluded), the
 * reference that guided-alignment training ({@code training.guided_alignment}) pulls the attention
 * towards. {@link #write} makes it with the built-in aligner, as Marian's users do with fast_align and
 * atools: IBM Model 2 with fast_align's settings in both directions, combined with
 * grow-diag-final-and, on the lowercased words that the pairs' BPE pieces join into; every piece of
 * a linked source word is then linked to every piece of the linked target word.
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
        List<String> sourceLines = new ArrayList<>(train.size());
        List<String> targetLines = new ArrayList<>(train.size());
        int[][] sourceWords = new int[train.size()][];
        int[][] targetWords = new int[train.size()][];
        for (int i = 0; i < train.size(); i++) {
            sourceWords[i] = wordOfPiece(train.source(i), sourceVocabulary);
            targetWords[i] = wordOfPiece(train.target(i), targetVocabulary);
            sourceLines.add(words(train.source(i), sourceVocabulary));
            targetLines.add(words(train.target(i), targetVocabulary));
        }
        IndexedCorpus corpus = IndexedCorpus.of(sourceLines, targetLines, true);
        List<Set<Link>> wordLinks = new Ibm2Aligner(Ibm2Settings.FAST_ALIGN, (direction, iteration) -> {})
                .symmetrized(corpus, corpus.size(), Symmetrization.GROW_DIAG_FINAL_AND, threads);
        List<List<Link>> pieceLinks = new ArrayList<>(train.size());
        long count = 0;
        for (int i = 0; i < train.size(); i++) {
            pieceLinks.add(pieceLinks(wordLinks.get(i), sourceWords[i], targetWords[i]));
            count += pieceLinks.get(i).size();
        }
        Path file = data.dir().resolve(PreparedData.TRAIN_ALIGNMENT);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            PharaohFormat.write(out, pieceLinks);
        } catch (IOException e) {
            throw new NmtException(file + ": cannot write the alignments (" + IoErrors.describe(e) + ")");
        }
        return count;
    }

    /**
     * Reads the {@code train.align} of a data directory for guided alignment: per training pair, its
     * links as flat (source position, target position) pairs.
     */
    public static int[][] read(PreparedData data) {
        Path file = data.dir().resolve(PreparedData.TRAIN_ALIGNMENT);
        if (!Files.isRegularFile(file)) {
            throw new NmtException(file + " is missing: training.guided_alignment needs the alignment of the"
                    + " training pairs; prepare the data again with data.alignment: ibm2");
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
