package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jnmt.config.DataConfig;
import org.jnmt.config.NmtConfig;
import org.jnmt.data.DataPreparer;
import org.jnmt.data.PreparedData;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * data.alignment: file. A Pharaoh file over the raw lines of data.train becomes train.align over the
 * pairs that preparation kept, whatever it dropped (an empty side, a pair too long) and however
 * the BPE split the words.
 */
class ImportedTrainingAlignmentTest {

    private static final List<String> SOURCES =
            List.of("the cat sleeps", "", "one two three four five six seven eight nine ten eleven", "a dog barks");
    private static final List<String> TARGETS = List.of("le chat dort", "vide", "un", "un chien aboie");

    @TempDir
    Path dir;

    private NmtConfig config;
    private PreparedData data;

    @BeforeEach
    void prepare() throws IOException {
        config = new NmtConfig();
        config.data.train = DataConfig.CorpusSpec.of(
                Files.write(dir.resolve("train.src"), SOURCES), Files.write(dir.resolve("train.tgt"), TARGETS));
        config.data.dev = config.data.train;
        config.data.dir = dir.resolve("data").toString();
        config.data.bpeMerges = 0; // words
        config.data.maxLength = 8; // drops line 3
        new DataPreparer(config, false).prepare();
        data = PreparedData.load(dir.resolve("data"));
        assertEquals(2, data.train().size());
    }

    private Path alignment(String... lines) throws IOException {
        return Files.write(dir.resolve("train.fa"), List.of(lines));
    }

    @Test
    void keepsTheLinksOfTheKeptPairsInTheirOrder() throws IOException {
        Path file = alignment("0-0 1-1 2-2", "", "0-0", "1-1 0-0 2-2");
        assertEquals(6, TrainingAlignments.importFile(data, config.data.train, file, false));
        int[][] links = TrainingAlignments.read(data);
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, links[0]);
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, links[1]);
    }

    @Test
    void linksEveryPieceOfALinkedWord() throws IOException {
        config.data.bpeMerges = 2; // too few merges for whole words: every word is split
        config.data.maxLength = 40;
        config.data.dir = dir.resolve("pieces").toString();
        new DataPreparer(config, false).prepare();
        PreparedData pieces = PreparedData.load(dir.resolve("pieces"));
        Path file = alignment("0-0", "", "", "");
        TrainingAlignments.importFile(pieces, config.data.train, file, false);
        int the = pieces.pipelines().source().encodeDetailed("the").tokens().size();
        int le = pieces.pipelines().target().encodeDetailed("le").tokens().size();
        assertEquals(2 * the * le, TrainingAlignments.read(pieces)[0].length);
    }

    @Test
    void aLinkOutsideItsSentenceNamesTheFileAndLine() throws IOException {
        Path file = alignment("0-0", "", "", "3-0");
        NmtException e = assertThrows(
                NmtException.class, () -> TrainingAlignments.importFile(data, config.data.train, file, false));
        assertEquals(
                file + ":4: link 3-0 is outside the 3 source and 3 target words of line 4 of data.train",
                e.getMessage());
    }

    @Test
    void theFileMustHaveOneLineForEveryLineOfTheCorpus() throws IOException {
        Path shorter = alignment("0-0", "", "");
        NmtException e = assertThrows(
                NmtException.class, () -> TrainingAlignments.importFile(data, config.data.train, shorter, false));
        assertEquals(
                shorter + ": 3 lines, but data.train has a pair at line 4; data.alignment_file needs one line for"
                        + " every line of data.train",
                e.getMessage());
        Path longer = alignment("0-0", "", "", "0-0", "0-0");
        e = assertThrows(
                NmtException.class, () -> TrainingAlignments.importFile(data, config.data.train, longer, false));
        assertEquals(
                longer + ": 5 lines for the 4 lines of data.train; data.alignment_file needs one line for every line"
                        + " of data.train",
                e.getMessage());
        // the lines are written as they are read: a file found wrong at its end leaves nothing behind
        Path written = data.dir().resolve(PreparedData.TRAIN_ALIGNMENT);
        assertFalse(Files.exists(written), written + " after a failed import");
        assertFalse(Files.exists(Path.of(written + ".partial")), written + ".partial after a failed import");
    }

    @Test
    void aMalformedLinkNamesTheFileAndLine() throws IOException {
        Path file = alignment("0-0 1:1", "", "", "");
        NmtException e = assertThrows(
                NmtException.class, () -> TrainingAlignments.importFile(data, config.data.train, file, false));
        assertEquals(file + ":1: link '1:1' has no dash; expected SOURCE-TARGET such as 3-4.", e.getMessage());
    }

    @Test
    void preparationWritesTheLineOfEveryTrainingPair() throws IOException {
        assertEquals(List.of("1", "4"), Files.readAllLines(dir.resolve("data").resolve(PreparedData.TRAIN_LINES)));
    }
}
