package org.gyrus.nn.spiking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.BlockTypes;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainAndEvaluate;
import org.gyrus.nn.train.TrainResult;
import org.junit.jupiter.api.Test;

/**
 * The {@code reservoir} block: the reservoir's own simulation, shapes, errors, a trained readout.
 */
class ReservoirTypeTest {
  @Test
  void the_block_gives_each_example_the_reservoirs_own_features() {
    String[] kinds = {"spiking", "echo"};
    Reservoir[] direct = {
      new SpikingReservoir(60, 7, 0.2, 0.1, 0.15, 4, 3, 5),
      new EchoStateNetwork(60, 7, 0.2, 0.9, 0.5, 0.5, 3, 5)
    };
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      for (int k = 0; k < kinds.length; k++) {
        Value spec =
            SpecCodec.fromYaml(
                "{_type: reservoir, kind: "
                    + kinds[k]
                    + ", neurons: 60, windows: 3, connectivity: 0.2, seed: 5}");
        Block block = SpecCompiler.standard().build(spec, new Shape(12, 7), "r");
        block.initialize(m, DataType.FLOAT32, new Shape(3, 12, 7));
        SplittableRandom rng = new SplittableRandom(k);
        float[] x = new float[3 * 12 * 7];
        for (int i = 0; i < x.length; i++) {
          x[i] = (float) (rng.nextDouble() < 0.3 ? 2 * rng.nextDouble() : 0);
        }
        float[] got =
            block
                .forward(
                    new ParameterStore(m, false),
                    new NDList(m.create(x, new Shape(3, 12, 7))),
                    false)
                .singletonOrThrow()
                .toFloatArray();
        assertThat(got).hasSize(3 * 180);
        for (int b = 0; b < 3; b++) {
          float[] one = java.util.Arrays.copyOfRange(x, b * 84, (b + 1) * 84);
          float[] want = direct[k].run(one, 12);
          assertThat(java.util.Arrays.copyOfRange(got, b * 180, (b + 1) * 180))
              .as("%s example %d", kinds[k], b)
              .containsExactly(want);
        }
        double activity = 0;
        for (float v : got) {
          activity += Math.abs(v);
        }
        assertThat(activity).as(kinds[k]).isPositive();
      }
    }
  }

  @Test
  void images_are_read_row_by_row_and_other_ranks_are_refused_with_the_path() throws IOException {
    assertThat(BlockTypes.standard().names()).contains("reservoir");
    Value example =
        SpecCodec.fromYaml(
            Files.readString(Path.of("../examples/blocks/lsm-sequential-mnist.yaml")));
    CompiledModel cm = CompiledModel.classifier(example, new Shape(1, 28, 28), 10);
    assertThat(cm.output()).isEqualTo(new Shape(10));
    var reservoir =
        SpecCompiler.standard()
            .analyse(SpecCodec.fromYaml("{_type: reservoir}"), new Shape(1, 28, 28), "r");
    assertThat(reservoir.output()).isEqualTo(new Shape(1200));
    assertThat(reservoir.params()).isZero();
    assertThatThrownBy(
            () ->
                SpecCompiler.standard()
                    .analyse(SpecCodec.fromYaml("{_type: reservoir}"), new Shape(784), "body[0]"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("body[0]")
        .hasMessageContaining("(T,F)");
    assertThatThrownBy(
            () ->
                SpecCompiler.standard()
                    .analyse(
                        SpecCodec.fromYaml("{_type: reservoir, kind: liquid}"),
                        new Shape(28, 28),
                        "body[0]"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("kind");
    Space space =
        new Space(
            SpecCodec.fromYaml(
                "{_type: model, body: [{_type: reservoir, kind: {oneOf: [spiking, echo]},"
                    + " neurons: {oneOf: [50, 100]}, windows: {oneOf: [2, 4]}}]}"));
    Set<Shape> outs = new HashSet<>();
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 40; i++) {
      Value body = ((Value.Node) space.materialise(space.sample(rng))).arg("body");
      outs.add(SpecCompiler.standard().analyse(body, new Shape(28, 28), "body").output());
    }
    assertThat(outs).containsExactlyInAnyOrder(new Shape(100), new Shape(200), new Shape(400));
  }

  /** Four classes: when a strong pulse arrives (rows 7c..7c+2) in noisy 28-row sequences. */
  private static Dataset pulses(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[n * 28 * 28];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = rng.nextInt(4);
      for (int j = 0; j < 784; j++) {
        x[i * 784 + j] = (float) (0.3 * rng.nextGaussian());
      }
      for (int t = 7 * y[i]; t < 7 * y[i] + 3; t++) {
        for (int f = 0; f < 28; f++) {
          x[i * 784 + t * 28 + f] += 2f;
        }
      }
    }
    return new Dataset("pulses", x, y, new Shape(28, 28), 4);
  }

  @Test
  void a_readout_trained_by_the_standard_trainer_learns_when_the_pulse_came() {
    Value spec =
        SpecCodec.fromYaml(
            "{_type: model, body: [{_type: reservoir, neurons: 150, windows: 4, seed: 3},"
                + " {_type: batch_norm}]}");
    Recipe recipe =
        Recipe.from(
            (Value.Node)
                SpecCodec.fromYaml(
                    "{_type: recipe, optimizer: adam, lr: 1.0e-2, epochs: 8, batch_size: 32}"));
    TrainResult r =
        TrainAndEvaluate.run(
            spec, recipe, DataSplits.threeWay(pulses(700, 4), 0.1, 0.2, 0, false), rep -> true);
    assertThat(r.metrics().get("test_accuracy")).isGreaterThan(0.9);
  }
}
