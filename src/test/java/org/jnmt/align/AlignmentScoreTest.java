package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlignmentScoreTest {

    private static final GoldAlignment GOLD =
            new GoldAlignment(Set.of(new Link(0, 0), new Link(1, 1)), Set.of(new Link(1, 2), new Link(2, 2)));

    @Test
    void aGoldAlignmentScoredAgainstItselfHasNoError() {
        AlignmentScore sure = new AlignmentScore();
        sure.add(GOLD.sure(), GOLD);
        assertEquals(0.0, sure.alignmentErrorRate(), 1e-12);
        assertEquals(1.0, sure.precision(), 1e-12);
        assertEquals(1.0, sure.recall(), 1e-12);
        AlignmentScore possible = new AlignmentScore();
        possible.add(GOLD.possible(), GOLD);
        assertEquals(0.0, possible.alignmentErrorRate(), 1e-12);
    }

    @Test
    void matchesAHandComputedExample() {
        // A = {0-0, 1-2, 2-1}: A∩S = {0-0}, A∩P = {0-0, 1-2}; |A| = 3, |S| = 2.
        AlignmentScore score = new AlignmentScore();
        score.add(List.of(new Link(0, 0), new Link(1, 2), new Link(2, 1)), GOLD);
        assertEquals(2.0 / 3, score.precision(), 1e-12);
        assertEquals(1.0 / 2, score.recall(), 1e-12);
        assertEquals(1 - 3.0 / 5, score.alignmentErrorRate(), 1e-12);
        assertEquals("AER 40.00  precision 66.67  recall 50.00  (1 sentences, |A| 3, |S| 2)", score.summary());
    }

    @Test
    void sumsCountsOverTheCorpusBeforeDividing() {
        AlignmentScore score = new AlignmentScore();
        score.add(List.of(new Link(0, 0), new Link(1, 2), new Link(2, 1)), GOLD);
        score.add(List.of(new Link(0, 0), new Link(0, 0)), GoldAlignment.allSure(Set.of(new Link(0, 0))));
        // |A| = 4 (the repeated link counts once), |S| = 3, |A∩S| = 2, |A∩P| = 3.
        assertEquals(2, score.sentences());
        assertEquals(4, score.hypothesisLinks());
        assertEquals(3, score.sureLinks());
        assertEquals(3.0 / 4, score.precision(), 1e-12);
        assertEquals(2.0 / 3, score.recall(), 1e-12);
        assertEquals(1 - 5.0 / 7, score.alignmentErrorRate(), 1e-12);
    }

    @Test
    void aDiagonalBaselineOnTheHansardsGoldScoresAsPinned() throws IOException {
        Path corpus = SharedData.corpus("alignments-en-fr");
        List<String> english = Files.readAllLines(corpus.resolve("test.en"));
        List<String> french = Files.readAllLines(corpus.resolve("test.fr"));
        List<GoldAlignment> gold = GoldReader.read(corpus.resolve("enfr.gold"), 1, english.size());
        AlignmentScore score = new AlignmentScore();
        for (int i = 0; i < english.size(); i++) {
            int sourceWords = english.get(i).split(" ").length;
            int targetWords = french.get(i).split(" ").length;
            score.add(DiagonalAlignment.links(sourceWords, targetWords), gold.get(i));
        }
        assertEquals(7761, score.hypothesisLinks());
        assertEquals(4038, score.sureLinks());
        assertEquals("AER 53.84  precision 49.03  recall 40.64  (447 sentences, |A| 7761, |S| 4038)", score.summary());
    }

    @Test
    void emptyAlignmentsAgainstEmptyGoldHaveNoError() {
        AlignmentScore score = new AlignmentScore();
        score.add(List.of(), GoldAlignment.allSure(Set.of()));
        assertEquals(0.0, score.alignmentErrorRate());
        AlignmentScore missed = new AlignmentScore();
        missed.add(List.of(), GOLD);
        assertEquals(1.0, missed.alignmentErrorRate(), 1e-12);
        assertEquals(0.0, missed.recall(), 1e-12);
    }
}
