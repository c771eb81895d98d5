package org.gyrus.nas.grow;

import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gyrus.core.Value;

/**
 * A network with its weights: a concrete spec, the example shape and class count it is compiled for
 * (as {@link org.gyrus.nn.blocks.CompiledModel#classifier}), and the parameters of every layer that
 * has any, keyed by the layer's spec path ({@code model.body[2]}, {@code model.head[1]}) and then
 * by parameter name ({@code weight}, {@code bias}, {@code gamma}, {@code runningMean}...).
 */
public record Net(Value spec, Shape input, int classes, Map<String, Map<String, Tensor>> weights) {
  public Net {
    Map<String, Map<String, Tensor>> copy = new LinkedHashMap<>();
    weights.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    weights = Collections.unmodifiableMap(copy);
  }

  public Map<String, Tensor> layer(String path) {
    Map<String, Tensor> w = weights.get(path);
    if (w == null) {
      throw new IllegalArgumentException("no weights at " + path + "; layers: " + weights.keySet());
    }
    return w;
  }

  /** Number of scalar parameters held (running statistics included). */
  public long size() {
    long n = 0;
    for (Map<String, Tensor> l : weights.values()) {
      for (Tensor t : l.values()) {
        n += t.data().length;
      }
    }
    return n;
  }

  public Net with(Value newSpec, Map<String, Map<String, Tensor>> newWeights) {
    return new Net(newSpec, input, classes, newWeights);
  }
}
