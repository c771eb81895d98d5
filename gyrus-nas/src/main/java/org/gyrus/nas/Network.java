package org.gyrus.nas;

import java.util.List;
import org.gyrus.core.Value;

/**
 * A network as the cost models see it: a key that names the architecture (for caches), the gyrus-nn
 * spec that compiles it, its input shape (channels, height, width) and class count, and its layers
 * with multiply-adds (pooling, batch norm and activations are fused and free).
 */
public record Network(String key, Value spec, long[] input, int classes, List<Layer> layers) {
  public Network {
    input = input.clone();
    layers = List.copyOf(layers);
  }

  public long macs() {
    return layers.stream().mapToLong(Layer::macs).sum();
  }

  /** Weights of the layers (batch-norm and bias parameters left out). */
  public long weights() {
    return layers.stream().mapToLong(Layer::weightBytes).sum();
  }
}
