package org.jnmt.train;

import org.jnmt.model.ParameterSet;
import org.jnmt.model.ParameterSet.Parameter;

/**
 * Gradient-norm clipping over all parameters together (Pascanu et al. 2013), as
 * {@code torch.nn.utils.clip_grad_norm_} does it: one global L2 norm, and every gradient scaled by
 * {@code maxNorm / (norm + 1e-6)} when that factor is below 1.
 */
public final class GradientClipping {

    /** PyTorch's guard against dividing by a zero norm. */
    private static final double NORM_EPSILON = 1e-6;

    private GradientClipping() {}

    /** The L2 norm of all gradients as one vector: sqrt(sum over tensors of |g|^2). */
    public static double globalNorm(ParameterSet params) {
        double sumOfSquares = 0;
        for (Parameter p : params.all()) {
            double norm = p.grad().norm2Number().doubleValue();
            sumOfSquares += norm * norm;
        }
        return Math.sqrt(sumOfSquares);
    }

    /**
     * Scales the gradients in place so that their global norm is at most {@code maxNorm} (no
     * clipping when {@code maxNorm <= 0}) and returns the norm before clipping. A NaN or infinite
     * norm is returned as it is and the gradients are left alone: the caller checks it first
     * (see {@link NonFiniteGuard}) and skips or stops.
     */
    public static double clipByGlobalNorm(ParameterSet params, double maxNorm) {
        double norm = globalNorm(params);
        if (maxNorm > 0 && Double.isFinite(norm)) {
            double scale = maxNorm / (norm + NORM_EPSILON);
            if (scale < 1) {
                for (Parameter p : params.all()) {
                    p.grad().muli(scale);
                }
            }
        }
        return norm;
    }
}
