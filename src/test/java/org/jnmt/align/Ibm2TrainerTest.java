package org.jnmt.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ibm2TrainerTest {

    @Test
    void emFindsTheTrueAlignmentOfAToyCorpus() {
        SyntheticCorpus toy = SyntheticCorpus.locallyReordered(400, 40, 0.3, 7);
        Ibm2Model model = Ibm2Trainer.train(toy.corpus(), Ibm2Settings.FAST_ALIGN, iteration -> {});
        AlignmentScore score = new AlignmentScore();
        for (int s = 0; s < toy.corpus().size(); s++) {
            List<Link> links =
                    model.align(toy.corpus().sources()[s], toy.corpus().targets()[s]);
            score.add(links, GoldAlignment.allSure(toy.truth().get(s)));
        }
        assertEquals(0.0, score.alignmentErrorRate(), 1e-12, score.summary());
    }

    @Test
    void emLearnsTheLexicalLinksFromCooccurrenceAlone() {
        // Each sK meets tK wherever it occurs, and other words only now and then; the target
        // order is reversed, and the diagonal prior is off (IBM Model 1), so only co-occurrence tells.
        List<String> sources = List.of("s0 s1", "s2 s0", "s1 s2", "s3 s1", "s2 s3 s0");
        List<String> targets = List.of("t1 t0", "t0 t2", "t2 t1", "t1 t3", "t0 t3 t2");
        IndexedCorpus corpus = IndexedCorpus.of(sources, targets, false);
        Ibm2Settings model1 = new Ibm2Settings(20, 0.08, 4.0, false, false, 0);
        Ibm2Model model = Ibm2Trainer.train(corpus, model1, iteration -> {});
        assertEquals(List.of(new Link(1, 0), new Link(0, 1)), model.align(corpus.sources()[0], corpus.targets()[0]));
        assertEquals(
                List.of(new Link(2, 0), new Link(1, 1), new Link(0, 2)),
                model.align(corpus.sources()[4], corpus.targets()[4]));
    }

    @Test
    void plainEmRaisesTheLikelihoodEveryIteration() {
        SyntheticCorpus toy = SyntheticCorpus.locallyReordered(300, 60, 0.3, 11);
        for (boolean diagonal : new boolean[] {true, false}) {
            List<Ibm2Iteration> iterations = new ArrayList<>();
            Ibm2Settings plain = new Ibm2Settings(8, 0.08, 4.0, diagonal, false, 0);
            Ibm2Trainer.train(toy.corpus(), plain, iterations::add);
            for (int k = 1; k < iterations.size(); k++) {
                assertTrue(
                        iterations.get(k).logLikelihood()
                                > iterations.get(k - 1).logLikelihood(),
                        "diagonal " + diagonal + ", iteration " + (k + 1) + ": "
                                + iterations.get(k).logLikelihood() + " after "
                                + iterations.get(k - 1).logLikelihood());
            }
        }
    }

    @Test
    void tensionMovesTowardTheTensionTheDataCameFrom() {
        double truth = 6.0;
        SyntheticCorpus sampled = SyntheticCorpus.fromDiagonalPrior(3000, 200, truth, 3);
        for (double start : new double[] {1.0, 14.0}) {
            Ibm2Settings settings = new Ibm2Settings(8, 0.02, start, true, true, 0.01);
            List<Ibm2Iteration> iterations = new ArrayList<>();
            Ibm2Model model = Ibm2Trainer.train(sampled.corpus(), settings, iterations::add);
            double learnt = model.tension();
            assertTrue(Math.abs(learnt - truth) < 0.6, "from " + start + " learnt " + learnt);
            double second = iterations.get(1).tension();
            assertTrue(
                    Math.abs(second - truth) < Math.abs(start - truth),
                    "from " + start + ": " + second + " after iteration 2");
        }
    }

    @Test
    void fixedTensionStaysPut() {
        SyntheticCorpus toy = SyntheticCorpus.locallyReordered(50, 20, 0.3, 5);
        Ibm2Settings fixed = new Ibm2Settings(3, 0.08, 2.5, true, false, 0.01);
        assertEquals(
                2.5, Ibm2Trainer.train(toy.corpus(), fixed, iteration -> {}).tension(), 0);
    }

    @Test
    void pairsWithAnEmptySideAreSkippedAndGetNoLinks() {
        IndexedCorpus corpus = IndexedCorpus.of(List.of("a b", "", "c"), List.of("x y", "z", ""), false);
        List<Ibm2Iteration> iterations = new ArrayList<>();
        Ibm2Model model = Ibm2Trainer.train(corpus, Ibm2Settings.FAST_ALIGN, iterations::add);
        assertEquals(2, iterations.get(0).targetWords());
        assertEquals(List.of(), model.align(corpus.sources()[1], corpus.targets()[1]));
        assertEquals(List.of(), model.align(corpus.sources()[2], corpus.targets()[2]));
    }
}
