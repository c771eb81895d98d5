package org.gyrus.nas;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.Shapes;

/**
 * Measured inference latency of the network compiled by gyrus-nn on this machine's CPU: {@code
 * latency_b1_ms} and {@code latency_b64_ms}, each the median of {@code repeats} timed forward
 * passes after {@code warmup} untimed ones, with the engine's thread setting as it is. Results are
 * cached per architecture (the network's key) for the life of the process.
 */
public record CpuLatencyModel(int warmup, int repeats) implements CostModel {
  private static final Map<String, Map<String, Double>> CACHE = new ConcurrentHashMap<>();
  public static final int[] BATCHES = {1, 64};

  /** {@code cpu_latency}: the registered factory. */
  @Register
  public static final class Factory implements CostModelFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "cpu_latency",
          "measured forward latency of the compiled network on this CPU at batch 1 and 64"
              + " (latency_b1_ms, latency_b64_ms; median, warm-up excluded, cached per architecture)",
          ArgSpec.optional("warmup", Kind.INT, 3).range(0, 1000).doc("untimed passes first"),
          ArgSpec.optional("repeats", Kind.INT, 7).range(1, 1000).doc("timed passes"));
    }

    @Override
    public CpuLatencyModel create(Args a) {
      return new CpuLatencyModel(a.smallInt("warmup"), a.smallInt("repeats"));
    }
  }

  @Override
  public Map<String, Double> costs(Network network, Value hardware) {
    String key = network.key() + "/w" + warmup + "r" + repeats;
    return CACHE.computeIfAbsent(key, k -> measure(network));
  }

  /** Whether a measurement for this network and setting is cached. */
  public boolean cached(Network network) {
    return CACHE.containsKey(network.key() + "/w" + warmup + "r" + repeats);
  }

  private Map<String, Double> measure(Network network) {
    Shape input = new Shape(network.input());
    CompiledModel model = CompiledModel.classifier(network.spec(), input, network.classes());
    Map<String, Double> out = new LinkedHashMap<>();
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      Block block = model.initialize(manager, DataType.FLOAT32);
      ParameterStore ps = new ParameterStore(manager, false);
      for (int batch : BATCHES) {
        out.put("latency_b" + batch + "_ms", median(block, ps, manager, input, batch));
      }
    }
    return Map.copyOf(out);
  }

  private double median(Block block, ParameterStore ps, NDManager manager, Shape in, int batch) {
    double[] times = new double[repeats];
    try (NDManager sub = manager.newSubManager()) {
      NDArray x = sub.randomNormal(Shapes.withBatch(batch, in));
      for (int i = -warmup; i < repeats; i++) {
        long start = System.nanoTime();
        try (NDScope scope = new NDScope()) { // frees every intermediate of the pass
          scope.suppressNotUsedWarning();
          block.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
        }
        if (i >= 0) {
          times[i] = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    Arrays.sort(times);
    return times[repeats / 2];
  }
}
