package org.jnmt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jnmt.config.NonFinitePolicy;
import org.jnmt.util.NmtException;
import org.junit.jupiter.api.Test;

class NonFiniteGuardTest {

    @Test
    void stopPolicyEndsTrainingWithAClearMessage() {
        NonFiniteGuard guard = new NonFiniteGuard(NonFinitePolicy.STOP);
        assertTrue(guard.accept(1, 3.5, 1.2));
        NmtException e = assertThrows(NmtException.class, () -> guard.accept(7, Double.NaN, 1.0));
        assertTrue(
                e.getMessage().startsWith("step 7: the loss is NaN; training stopped (training.on_non_finite: stop)"),
                e.getMessage());
        e = assertThrows(NmtException.class, () -> guard.accept(8, 2.0, Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().startsWith("step 8: the gradient norm is Infinity;"), e.getMessage());
    }

    @Test
    void skipPolicySkipsUntilTooManyInARow() {
        NonFiniteGuard guard = new NonFiniteGuard(NonFinitePolicy.SKIP);
        assertFalse(guard.accept(1, Double.NaN, 1.0));
        assertTrue(guard.accept(2, 1.0, 1.0));
        for (int i = 0; i < NonFiniteGuard.MAX_CONSECUTIVE_SKIPS; i++) {
            assertFalse(guard.accept(3 + i, 1.0, Double.NaN));
        }
        assertEquals(1 + NonFiniteGuard.MAX_CONSECUTIVE_SKIPS, guard.skipped());
        NmtException e = assertThrows(NmtException.class, () -> guard.accept(99, Double.NEGATIVE_INFINITY, 1.0));
        assertTrue(e.getMessage().contains("for 21 batches in a row"), e.getMessage());
    }
}
