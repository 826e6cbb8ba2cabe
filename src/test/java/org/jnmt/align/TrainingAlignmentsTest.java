package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jnmt.config.DataConfig;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.DataPreparer;
import org.jnmt.data.PreparedData;
import org.jnmt.data.SpecialTokens;
import org.jnmt.data.Vocabulary;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training pairs' alignment for guided alignment: BPE pieces joined back into words, word links
 * spread over the pieces, and the whole chain on a prepared corpus whose true alignment is known
 * (a word-for-word dictionary with local swaps, words long enough for BPE to split some).
 */
class TrainingAlignmentsTest {

    @TempDir
    Path dir;

    @Test
    void piecesJoinIntoTheirWords() {
        Vocabulary vocabulary =
                Vocabulary.build(java.util.Map.of("hou@@", 1L, "se", 1L, "the", 1L, "ca@@", 1L, "t", 1L), 1, 0);
        int[] ids = {
            vocabulary.id("the"),
            vocabulary.id("hou@@"),
            vocabulary.id("se"),
            vocabulary.id("ca@@"),
            vocabulary.id("t"),
            SpecialTokens.EOS
        };
        assertArrayEquals(new int[] {0, 1, 1, 2, 2}, TrainingAlignments.wordOfPiece(ids, vocabulary));
        assertEquals("the house cat", TrainingAlignments.words(ids, vocabulary));
    }

    @Test
    void aWordLinkLinksEveryPieceOfBothWords() {
        List<Link> pieces = TrainingAlignments.pieceLinks(new int[] {1, 0}, new int[] {0, 1, 1}, new int[] {0, 0, 1});
        assertEquals(List.of(new Link(1, 0), new Link(1, 1), new Link(2, 0), new Link(2, 1)), pieces);
    }

    @Test
    void theBuiltInAlignerFindsTheDictionaryLinksOfAPreparedCorpus() {
        PreparedData data = DictionaryCorpus.prepare(dir, 600, 7);
        long written = TrainingAlignments.write(data, 2);
        int[][] links = TrainingAlignments.read(data);
        assertEquals(data.train().size(), links.length, "one line per training pair");
        Vocabulary src = data.pipelines().source().vocabulary();
        Vocabulary tgt = data.pipelines().target().vocabulary();
        long total = 0;
        long right = 0;
        long splitWords = 0;
        for (int i = 0; i < links.length; i++) {
            int[] srcIds = data.train().source(i);
            int[] tgtIds = data.train().target(i);
            String[] srcWords = TrainingAlignments.words(srcIds, src).split(" ");
            String[] tgtWords = TrainingAlignments.words(tgtIds, tgt).split(" ");
            int[] srcWordOf = TrainingAlignments.wordOfPiece(srcIds, src);
            int[] tgtWordOf = TrainingAlignments.wordOfPiece(tgtIds, tgt);
            splitWords += srcIds.length - 1 - srcWords.length;
            for (int k = 0; k < links[i].length; k += 2) {
                String s = srcWords[srcWordOf[links[i][k]]];
                String t = tgtWords[tgtWordOf[links[i][k + 1]]];
                total++;
                if (DictionaryCorpus.translates(s, t)) {
                    right++;
                }
            }
        }
        assertEquals(written, total);
        assertTrue(splitWords > 0, "BPE split some words into pieces");
        assertTrue(right >= 0.95 * total, right + " of " + total + " piece links join dictionary translations");
    }

    @Test
    void aRepeatedPairWeighsOnceInTheAlignerAndEveryCopyGetsItsLinks() throws IOException {
        NmtConfig config = DictionaryCorpus.write(dir, 300, 9);
        config.data.bpeMerges = 0; // words are pieces: the links of both preparations compare line for line
        new DataPreparer(config, false).prepare();
        PreparedData once = PreparedData.load(Path.of(config.data.dir));
        TrainingAlignments.write(once, 1);
        List<String> onceLinks = Files.readAllLines(once.dir().resolve(PreparedData.TRAIN_ALIGNMENT));

        // The first three pairs again, 50 times over: EM would lean on them if it counted every copy.
        Files.write(
                dir.resolve("extra.src"),
                Files.readAllLines(dir.resolve("train.src")).subList(0, 3));
        Files.write(
                dir.resolve("extra.tgt"),
                Files.readAllLines(dir.resolve("train.tgt")).subList(0, 3));
        DataConfig.ExtraCorpusSpec extra = new DataConfig.ExtraCorpusSpec();
        extra.src = dir.resolve("extra.src").toString();
        extra.tgt = dir.resolve("extra.tgt").toString();
        extra.repeat = 50;
        config.data.extraTrain = List.of(extra);
        new DataPreparer(config, false).prepare();
        PreparedData repeated = PreparedData.load(Path.of(config.data.dir));
        TrainingAlignments.write(repeated, 1);
        List<String> links = Files.readAllLines(repeated.dir().resolve(PreparedData.TRAIN_ALIGNMENT));

        assertEquals(300 + 150, links.size());
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (!onceLinks.get(i).equals(links.get(i))) {
                changed.add(i);
            }
        }
        assertEquals(List.of(), changed, "pairs whose links the copies changed");
        for (int copy = 0; copy < 50; copy++) {
            assertEquals(onceLinks.subList(0, 3), links.subList(300 + 3 * copy, 303 + 3 * copy));
        }
    }

    @Test
    void aMissingOrStaleAlignmentFileIsNamed() throws IOException {
        PreparedData data = DictionaryCorpus.prepare(dir, 40, 8);
        Path file = data.dir().resolve(PreparedData.TRAIN_ALIGNMENT);
        NmtException missing = assertThrows(NmtException.class, () -> TrainingAlignments.read(data));
        assertTrue(missing.getMessage().contains("data.alignment: ibm2"), missing.getMessage());

        Files.writeString(file, "0-0\n");
        NmtException shorter = assertThrows(NmtException.class, () -> TrainingAlignments.read(data));
        assertTrue(shorter.getMessage().startsWith(file + ": 1 lines for the "), shorter.getMessage());

        List<String> lines = new ArrayList<>(Collections.nCopies(data.train().size(), "0-0"));
        lines.set(2, "0-0 40-1");
        Files.write(file, lines);
        NmtException outside = assertThrows(NmtException.class, () -> TrainingAlignments.read(data));
        assertTrue(outside.getMessage().startsWith(file + ":3: link 40-1 is outside"), outside.getMessage());
    }
}
