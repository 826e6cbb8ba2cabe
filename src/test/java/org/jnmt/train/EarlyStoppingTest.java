package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void stopsAfterPatienceScheduledValidationsWithoutANewBest() {
        EarlyStopping stopping = new EarlyStopping(2);
        assertTrue(stopping.observe(100, 10));
        assertFalse(stopping.observe(200, 9));
        assertFalse(stopping.shouldStop());
        assertFalse(stopping.observe(300, 10));
        assertTrue(stopping.shouldStop());
        assertEquals(100, stopping.bestStep());
    }

    @Test
    void aPerfectScoreStopsAtOnce() {
        EarlyStopping stopping = new EarlyStopping(0);
        stopping.observe(100, 99.9);
        assertFalse(stopping.shouldStop());
        stopping.observe(200, EarlyStopping.PERFECT);
        assertTrue(stopping.shouldStop());
    }

    @Test
    void theFinalValidationCompetesForTheBestButNotForThePatience() {
        EarlyStopping stopping = new EarlyStopping(1);
        stopping.observe(100, 10);
        assertTrue(stopping.observeFinal(150, 12));
        assertEquals(12, stopping.bestScore());
        assertEquals(150, stopping.bestStep());
        // A resumed run's next scheduled validation is judged as if step 150 had never been validated.
        assertFalse(stopping.observe(200, 11));
        assertFalse(stopping.shouldStop(), "11 beats the scheduled best of 10");
        assertEquals(150, stopping.bestStep());
    }

    @Test
    void aCheckpointWithoutTheScheduledBestRestoresItFromTheBest() {
        EarlyStopping stopping = new EarlyStopping(1);
        stopping.restore(new EarlyStopping.State(20, 500, 0, null));
        stopping.observe(600, 19);
        assertTrue(stopping.shouldStop());
    }
}
