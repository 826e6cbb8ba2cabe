package org.jnmt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoundCostsTest {

    @Test
    void aRoundIsShortenedToTheUpdatesThatFitInTheTimeLeft() {
        RoundCosts costs = new RoundCosts();
        assertEquals(50, costs.stepsThatFit(50, 1.0), "no round measured yet: nothing to go by");
        costs.add(50, 10_000, 9_000, 100); // 0.2 s an update
        assertEquals(50, costs.stepsThatFit(50, Double.POSITIVE_INFINITY));
        assertEquals(50, costs.stepsThatFit(50, 60.0));
        assertEquals(15, costs.stepsThatFit(50, 3.0));
        assertEquals(1, costs.stepsThatFit(50, 0.01), "at least one update");
    }
}
