package org.jnmt.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The named parameter tensors of a model, each with a gradient buffer of the same shape, in a
 * fixed order (the order of {@link #add}). Optimisers, checkpoints, averaging and the gradient
 * check all go through this one list. Every tensor is c-ordered and of one data type
 * (FLOAT for training, DOUBLE for the gradient check).
 */
public final class ParameterSet {

    /** One parameter tensor and its gradient (same shape, same data type). */
    public record Parameter(String name, INDArray value, INDArray grad) {
        public long size() {
            return value.length();
        }
    }

    private final DataType dataType;
    private final Map<String, Parameter> byName = new LinkedHashMap<>();

    public ParameterSet(DataType dataType) {
        this.dataType = dataType;
    }

    public DataType dataType() {
        return dataType;
    }

    /** Creates a zero-filled parameter and its zero gradient. */
    public Parameter add(String name, long... shape) {
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("duplicate parameter " + name);
        }
        Parameter p = new Parameter(name, Nd4j.zeros(dataType, shape), Nd4j.zeros(dataType, shape));
        byName.put(name, p);
        return p;
    }

    public Parameter get(String name) {
        Parameter p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return p;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public List<Parameter> all() {
        return Collections.unmodifiableList(new ArrayList<>(byName.values()));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public long totalSize() {
        long n = 0;
        for (Parameter p : byName.values()) {
            n += p.size();
        }
        return n;
    }
}
