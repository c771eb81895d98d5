package org.gyrus.nn.attractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.BlockTypes;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.SpecCompiler;
import org.junit.jupiter.api.Test;

/** The {@code hopfield} retrieval block: recall, gradients, registration, example spec. */
class HopfieldLayerTest {
  @Test
  void retrieves_a_stored_pattern_from_a_corrupted_cue() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      HopfieldLayer layer = new HopfieldLayer(32, 5, 4.0, 3);
      layer.initialize(m, DataType.FLOAT64, new Shape(1, 32));
      SplittableRandom rng = new SplittableRandom(1);
      double[] pats = new double[5 * 32];
      for (int i = 0; i < pats.length; i++) {
        pats[i] = rng.nextBoolean() ? 1 : -1;
      }
      layer.stored().getArray().set(pats);
      double[] cue = new double[32];
      for (int i = 0; i < 32; i++) {
        cue[i] = (i % 4 == 0 ? -1 : 1) * pats[2 * 32 + i]; // a quarter of the bits flipped
      }
      double[] out =
          layer
              .forward(
                  new ParameterStore(m, false), new NDList(m.create(cue, new Shape(1, 32))), false)
              .singletonOrThrow()
              .toDoubleArray();
      for (int i = 0; i < 32; i++) {
        assertThat(out[i])
            .isCloseTo(pats[2 * 32 + i], org.assertj.core.api.Assertions.within(1e-6));
      }
    }
  }

  @Test
  void gradients_match_finite_differences_on_vectors_and_sequences() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      for (Shape in : new Shape[] {new Shape(2, 4), new Shape(2, 3, 4)}) {
        Value spec = SpecCodec.fromYaml("{_type: hopfield, patterns: 3, beta: 1.5, steps: 2}");
        Shape single = in.slice(1);
        var block = SpecCompiler.standard().build(spec, single, "h");
        block.initialize(m, DataType.FLOAT64, in);
        SplittableRandom rng = new SplittableRandom(2);
        double[] xv = new double[(int) in.size()];
        for (int i = 0; i < xv.length; i++) {
          xv[i] = rng.nextDouble(-1, 1);
        }
        FiniteDifferences.check(m, block, m.create(xv, in), 1e-6);
      }
    }
  }

  @Test
  void is_registered_checks_shapes_and_the_example_compiles() throws IOException {
    assertThat(BlockTypes.standard().names()).contains("hopfield");
    SpecCompiler c = SpecCompiler.standard();
    Value spec = SpecCodec.fromYaml("{_type: hopfield, patterns: 8}");
    assertThat(c.analyse(spec, new Shape(16), "h").params()).isEqualTo(8 * 16);
    assertThatThrownBy(() -> c.analyse(spec, new Shape(1, 4, 4), "model.body[1]"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("model.body[1]");
    Value example =
        SpecCodec.fromYaml(Files.readString(Path.of("../examples/blocks/hopfield.yaml")));
    CompiledModel cm = CompiledModel.classifier(example, new Shape(1, 28, 28), 10);
    assertThat(cm.output()).isEqualTo(new Shape(10));
  }
}
