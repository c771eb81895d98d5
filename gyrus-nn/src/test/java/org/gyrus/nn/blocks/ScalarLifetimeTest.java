package org.gyrus.nn.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DJL's {@code x.mul(2.0)} makes the scalar from a Java direct buffer (torch {@code from_blob}),
 * multiplies and closes it; the autograd graph keeps the scalar for the backward pass, but the
 * buffer is freed by the next garbage collection and its memory reused: gradients then read
 * whatever lies there (a LIF network's first-layer gradient turned NaN at a random step). Every
 * block's backward must not depend on memory the collector may have freed: the gradients after a
 * collection and an allocation storm that fills freed memory with NaN equal those without.
 */
class ScalarLifetimeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "lif | [{_type: flatten}, {_type: lif, units: 8, steps: 4}, {_type: lif, units: 3, output:"
            + " membrane}] | 1,4,4",
        "kan | [{_type: flatten}, {_type: kan, units: 4, grid: 3}] | 1,2,3",
        "skan | [{_type: flatten}, {_type: skan, units: 4}, {_type: skan, units: 4}] | 1,2,3",
        "parallel_mean | [{_type: parallel, join: mean, branches: [{_type: dense, units: 4},"
            + " {_type: dense, units: 4}]}] | 6",
        "quadratic | [{_type: flatten}, {_type: quadratic, units: 4}] | 1,2,3",
        "attention | [{_type: attention, heads: 2}] | 4,8",
        "karat | [{_type: karat, heads: 2, grid: 3, rank: 2}] | 4,8",
        "recall_attention | [{_type: recall_attention}] | 4,8",
        "neural_memory | [{_type: neural_memory, chunk: 2}] | 4,8",
        "moneta | [{_type: neural_memory, variant: moneta, chunk: 2}] | 4,8",
        "memora | [{_type: neural_memory, variant: memora, chunk: 2}] | 4,8",
        "hopfield | [{_type: hopfield, patterns: 5}] | 8",
        "moe | [{_type: moe, experts: 4, top_k: 2, hidden: 8, units: 8}] | 8",
        "spectral_conv | [{_type: spectral_conv, filters: 2, modes: 3}] | 2,8",
        "fno | [{_type: fno, width: 4, modes: 3, layers: 1, hidden: 4}] | 2,8",
        "patches | [{_type: patches, size: 2, dim: 4}] | 1,4,4",
        "layer_norm | [{_type: layer_norm}, {_type: gelu}, {_type: silu}] | 4,8",
        "ctm | [{_type: ctm, out: 3, neurons: 8, ticks: 3}] | 4,8",
      })
  void gradients_do_not_read_freed_memory(String name, String body, String input) {
    Shape in = new Shape(Arrays.stream(input.split(",")).mapToLong(Long::parseLong).toArray());
    Value spec = SpecCodec.fromYaml("{_type: model, body: " + body + "}");
    float[] quiet = gradients(spec, in, false);
    float[] stormy = gradients(spec, in, true);
    assertThat(stormy).as(name).containsExactly(quiet);
  }

  /** All parameter gradients of a cross-entropy step, flattened, optionally with a GC storm. */
  static float[] gradients(Value spec, Shape in, boolean storm) {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Engine.getEngine("PyTorch").setRandomSeed(3);
      CompiledModel model = CompiledModel.classifier(spec, in, 3);
      Block b = model.initialize(m, DataType.FLOAT32);
      SplittableRandom rng = new SplittableRandom(5);
      int n = 4;
      float[] x = new float[(int) (n * in.size())];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) rng.nextGaussian();
      }
      NDArray xs = m.create(x, Shapes.withBatch(n, in));
      NDArray y = m.create(new long[] {0, 1, 2, 1}, new Shape(n, 1));
      List<ByteBuffer> keep;
      try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
        NDArray logits = b.forward(new ParameterStore(m, false), new NDList(xs), true).head();
        NDArray loss = logits.logSoftmax(1).gather(y, 1).neg().mean();
        keep = storm ? storm() : List.of();
        gc.backward(loss);
      }
      float[] out = new float[0];
      for (var p : b.getParameters()) {
        NDArray a = p.getValue().getArray();
        if (a.hasGradient()) {
          float[] g = a.getGradient().toFloatArray();
          out = Arrays.copyOf(out, out.length + g.length);
          System.arraycopy(g, 0, out, out.length - g.length, g.length);
        }
      }
      Reference.reachabilityFence(keep); // the storm's buffers stay allocated through backward
      return out;
    }
  }

  /**
   * Collects garbage (freeing the direct buffers of closed arrays), then allocates many small
   * direct buffers filled with NaN so the allocator hands the freed memory back to us.
   */
  static List<ByteBuffer> storm() {
    List<ByteBuffer> keep = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      System.gc();
      try {
        Thread.sleep(20); // the Cleaner thread frees the unreachable buffers
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (int i = 0; i < 4000; i++) {
        ByteBuffer bb = ByteBuffer.allocateDirect(4 << (i % 6)).order(ByteOrder.nativeOrder());
        while (bb.remaining() >= 4) {
          bb.putFloat(Float.NaN);
        }
        keep.add(bb);
      }
    }
    return keep;
  }
}
