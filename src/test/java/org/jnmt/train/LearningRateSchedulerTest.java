package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearningRateSchedulerTest {

    @Test
    void reducesAfterPatienceValidationsWithoutImprovementDownToTheMinimum() {
        LearningRateScheduler scheduler = new LearningRateScheduler(1e-3, 0.5, 2, 2e-4);
        assertFalse(scheduler.observe(10.0)); // best 10
        assertFalse(scheduler.observe(12.0)); // best 12
        assertFalse(scheduler.observe(11.0)); // 1 bad
        assertTrue(scheduler.observe(12.0)); // 2 bad (equal is not better): halve
        assertEquals(5e-4, scheduler.learningRate(), 1e-18);
        assertFalse(scheduler.observe(11.5)); // counting restarted: 1 bad
        assertFalse(scheduler.observe(13.0)); // new best resets
        assertFalse(scheduler.observe(1.0));
        assertTrue(scheduler.observe(1.0));
        assertEquals(2.5e-4, scheduler.learningRate(), 1e-18);
        scheduler.observe(1.0);
        assertTrue(scheduler.observe(1.0)); // 1.25e-4 is below the minimum
        assertEquals(2e-4, scheduler.learningRate(), 1e-18);
        scheduler.observe(1.0);
        assertFalse(scheduler.observe(1.0)); // already at the minimum
        assertEquals(2e-4, scheduler.learningRate(), 1e-18);
    }

    @Test
    void stateRestoresTheSameBehaviour() {
        LearningRateScheduler original = new LearningRateScheduler(1e-3, 0.5, 2, 1e-5);
        original.observe(20.0);
        original.observe(19.0);
        LearningRateScheduler resumed = new LearningRateScheduler(1e-3, 0.5, 2, 1e-5);
        resumed.restore(original.state());
        assertEquals(new LearningRateScheduler.State(1e-3, 20.0, 1), resumed.state());
        assertTrue(resumed.observe(19.5));
        assertEquals(5e-4, resumed.learningRate(), 1e-18);
    }

    @Test
    void earlyStoppingAfterPatienceValidationsWithoutANewBest() {
        EarlyStopping stopping = new EarlyStopping(2);
        assertTrue(stopping.observe(100, 5.0));
        assertFalse(stopping.observe(200, 4.0));
        assertFalse(stopping.shouldStop());
        assertTrue(stopping.observe(300, 6.0));
        assertFalse(stopping.observe(400, 6.0));
        assertFalse(stopping.observe(500, 5.5));
        assertTrue(stopping.shouldStop());
        assertEquals(6.0, stopping.bestScore());
        assertEquals(300, stopping.bestStep());

        EarlyStopping resumed = new EarlyStopping(2);
        resumed.restore(stopping.state());
        assertTrue(resumed.shouldStop());
        EarlyStopping never = new EarlyStopping(0);
        for (int i = 0; i < 10; i++) {
            never.observe(i, 1.0);
        }
        assertFalse(never.shouldStop());
    }
}
