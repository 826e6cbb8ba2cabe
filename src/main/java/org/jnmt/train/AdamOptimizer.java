package org.jnmt.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jnmt.config.TrainingConfig;
import org.jnmt.model.ParameterSet;
import org.jnmt.model.ParameterSet.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1) with the bias correction exactly as PyTorch's
 * {@code torch.optim.Adam} computes it:
 * <pre>
 *   m_t = b1 m_{t-1} + (1 - b1) g          v_t = b2 v_{t-1} + (1 - b2) g^2
 *   theta_t = theta_{t-1} - lr / (1 - b1^t) * m_t / (sqrt(v_t) / sqrt(1 - b2^t) + eps)
 * </pre>
 * Each parameter costs two native ops per step and no allocation: ND4J's {@code adam_updater}
 * updates m and v in place and writes the step into the gradient buffer, then the parameter
 * subtracts it. That op computes {@code lr sqrt(1-b2^t)/(1-b1^t) * m_t / (sqrt(v_t) + eps)}, which
 * puts eps outside the bias correction; passing it {@code eps * sqrt(1 - b2^t)} instead makes it
 * PyTorch's formula above.
 * <p>
 * {@link #step()} consumes the gradients: afterwards every gradient buffer holds the update that
 * was subtracted, so the trainer zeroes them before the next backward pass as usual.
 */
public final class AdamOptimizer {

    /** Prefixes of the optimiser's state tensors in a checkpoint. */
    static final String FIRST_MOMENT = "adam.m/";

    static final String SECOND_MOMENT = "adam.v/";

    private final List<Parameter> parameters;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final Map<String, INDArray> firstMoments = new LinkedHashMap<>(); // name -> m, shape of the parameter
    private final Map<String, INDArray> secondMoments = new LinkedHashMap<>(); // name -> v, shape of the parameter
    private double learningRate;
    private long steps;

    /** Create it after the model has added all its parameters: it keeps state for those present now. */
    public AdamOptimizer(ParameterSet params, double learningRate, double beta1, double beta2, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must lie in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adam epsilon must be positive, got " + epsilon);
        }
        this.parameters = params.all();
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        setLearningRate(learningRate);
        for (Parameter p : parameters) {
            firstMoments.put(p.name(), Nd4j.zeros(params.dataType(), p.value().shape()));
            secondMoments.put(p.name(), Nd4j.zeros(params.dataType(), p.value().shape()));
        }
    }

    public static AdamOptimizer fromConfig(ParameterSet params, TrainingConfig config) {
        return new AdamOptimizer(params, config.learningRate, config.adamBeta1, config.adamBeta2, config.adamEpsilon);
    }

    /** Applies one update from the current gradients (which it overwrites; see the class comment). */
    public void step() {
        steps++;
        // The native op raises b1 and b2 to (iteration + 1).
        int iteration = Math.toIntExact(steps - 1);
        double epsilonInsideCorrection = epsilon * Math.sqrt(1 - Math.pow(beta2, (double) steps));
        for (Parameter p : parameters) {
            INDArray grad = p.grad();
            Nd4j.exec(new AdamUpdater(
                    grad,
                    secondMoments.get(p.name()),
                    firstMoments.get(p.name()),
                    learningRate,
                    beta1,
                    beta2,
                    epsilonInsideCorrection,
                    iteration));
            p.value().subi(grad);
        }
    }

    public double learningRate() {
        return learningRate;
    }

    /** Sets the rate for the following steps (the scheduler calls this after a plateau). */
    public void setLearningRate(double learningRate) {
        // The native op replaces a zero step size by eps, so a zero rate would still move the weights.
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be positive and finite, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** The number of updates applied so far (t in the bias correction). */
    public long steps() {
        return steps;
    }

    /**
     * The state tensors by checkpoint name ({@code adam.m/NAME}, {@code adam.v/NAME}), in parameter
     * order. They are the live arrays, not copies: write them out before the next step.
     */
    public Map<String, INDArray> stateTensors() {
        Map<String, INDArray> state = new LinkedHashMap<>();
        firstMoments.forEach((name, m) -> state.put(FIRST_MOMENT + name, m));
        secondMoments.forEach((name, v) -> state.put(SECOND_MOMENT + name, v));
        return state;
    }

    /**
     * Restores the state written by {@link #stateTensors()}; names and shapes must match exactly.
     *
     * @throws IllegalArgumentException naming the first tensor that is missing or of another shape
     */
    public void importState(long steps, Map<String, INDArray> tensors) {
        Map<String, INDArray> own = stateTensors();
        for (Map.Entry<String, INDArray> e : own.entrySet()) {
            INDArray saved = tensors.get(e.getKey());
            if (saved == null) {
                throw new IllegalArgumentException("no optimiser state " + e.getKey());
            }
            if (!Arrays.equals(saved.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException(
                        "optimiser state " + e.getKey() + " has shape " + Arrays.toString(saved.shape()) + ", expected "
                                + Arrays.toString(e.getValue().shape()));
            }
        }
        for (String name : tensors.keySet()) {
            if (!own.containsKey(name)) {
                throw new IllegalArgumentException("unexpected optimiser state " + name);
            }
        }
        own.forEach((name, array) -> array.assign(tensors.get(name)));
        this.steps = steps;
    }
}
