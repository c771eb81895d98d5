package org.gyrus.nn.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.junit.jupiter.api.Test;

/** The issue-18 examples under examples/blocks compile, and the new types are registered. */
class BlockExamplesTest {
  private static final Path DIR = Path.of("../examples/blocks");

  private static Value read(String name) throws IOException {
    return SpecCodec.fromYaml(Files.readString(DIR.resolve(name)));
  }

  @Test
  void new_block_types_are_registered_plug_ins() {
    assertThat(BlockTypes.standard().names())
        .contains(
            "kan",
            "skan",
            "quadratic",
            "spectral_conv",
            "fno",
            "frozen",
            "moe",
            "karat",
            "patches");
    assertThat(BlockTypes.of("kan").type().args()).isNotEmpty();
  }

  @Test
  void model_examples_compile_for_their_inputs() throws IOException {
    SpecCompiler c = SpecCompiler.standard();
    assertThat(c.analyse(body(read("kan.yaml")), new Shape(2), "kan").output())
        .isEqualTo(new Shape(1));
    assertThat(c.analyse(body(read("skan.yaml")), new Shape(3), "skan").params())
        .isEqualTo(4 * 3 * 6 * 4 + 4 * 4 + 4 + (4 * 4 * 6 * 1 + 4 + 1));
    assertThat(c.analyse(body(read("fno-burgers.yaml")), new Shape(2, 64), "fno").output())
        .isEqualTo(new Shape(1, 64));
    assertThat(c.analyse(body(read("fno-darcy.yaml")), new Shape(3, 21, 21), "fno").output())
        .isEqualTo(new Shape(1, 21, 21));
    assertThat(c.analyse(body(read("spectral-stack.yaml")), new Shape(2, 32), "s").output())
        .isEqualTo(new Shape(1, 32));
    assertThat(
            CompiledModel.classifier(body(read("quadratic.yaml")), new Shape(1, 28, 28), 10)
                .params())
        .isEqualTo(3 * (784 * 64) + 3 * 64 + 2 * (3 * 64 * 64 + 3 * 64) + 64 * 10 + 10);
  }

  @Test
  void the_emoe_space_trades_flops_for_experts_and_the_m2mkd_modules_fit() throws IOException {
    Space s = new Space(read("emoe.yaml"));
    Set<Long> flops = new HashSet<>();
    SplittableRandom rng = new SplittableRandom(4);
    for (int i = 0; i < 30; i++) {
      CompiledModel m =
          CompiledModel.classifier(s.materialise(s.sample(rng)), new Shape(1, 28, 28), 10);
      assertThat(m.params()).isEqualTo(784 * 512 + 512 + 512 * 10 + 10 + 8 * 784);
      flops.add(m.flops());
    }
    // one cost per top_k in {1, 2, 4, 8}; the dearest is the dense FFN plus the router
    assertThat(flops).hasSize(4);
    long ffn = 2 * 784 * 512 + 512 + 512 + 2 * 512 * 10 + 10;
    assertThat(flops.stream().mapToLong(Long::longValue).max().getAsLong())
        .isEqualTo(ffn + 2 * 784 * 8);
    Value.Node ex = (Value.Node) read("m2mkd-fashion.yaml");
    Shape in = new Shape(1, 28, 28);
    SpecCompiler c = SpecCompiler.standard();
    assertThat(c.analyse(ex.arg("student"), in, "student").output()).isEqualTo(new Shape(10));
    assertThat(c.analyse(ex.arg("teacher"), in, "teacher").output()).isEqualTo(new Shape(10));
  }

  @Test
  void the_karat_vit_is_within_five_percent_of_its_softmax_twin() throws IOException {
    Value karat = read("karat-vit.yaml");
    Value softmax = org.gyrus.nn.bench.KaratBench.softmax(karat);
    assertThat(SpecCodec.toJson(softmax)).doesNotContain("karat").contains("attention");
    long k = CompiledModel.classifier(karat, new Shape(1, 28, 28), 10).params();
    long s = CompiledModel.classifier(softmax, new Shape(1, 28, 28), 10).params();
    assertThat(k - s).isEqualTo(2 * (16 * 2 * 3 * 4 + 4 * 16));
    assertThat((double) k / s).isBetween(1.0, 1.05);
  }

  @Test
  void the_layer_choice_space_yields_dense_kan_and_quadratic_networks() throws IOException {
    Value exp = read("dense-kan-quadratic-space.yaml");
    Space s = new Space(((Value.Node) exp).arg("space"));
    SplittableRandom rng = new SplittableRandom(1);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      Value spec = s.materialise(s.sample(rng));
      CompiledModel m = CompiledModel.classifier(spec, new Shape(1, 28, 28), 10);
      assertThat(m.output()).isEqualTo(new Shape(10));
      String text = SpecCodec.toJson(spec);
      for (String t : new String[] {"dense", "kan", "quadratic"}) {
        if (text.contains("\"" + t + "\"")) {
          seen.add(t);
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrder("dense", "kan", "quadratic");
  }

  @Test
  void the_untrained_encoder_choice_trains_only_the_decoder() throws IOException {
    Space s = new Space(read("untrained-mha.yaml"));
    long decoder = 32 * 64 * 256 + 256 + 256 * 28 + 28;
    Set<Long> params = new HashSet<>();
    SplittableRandom rng = new SplittableRandom(2);
    for (int i = 0; i < 20; i++) {
      Value spec = s.materialise(s.sample(rng));
      params.add(CompiledModel.classifier(spec, new Shape(32), 28).params());
    }
    long attention = 2 * (64 * 3 * 64 + 3 * 64 + 64 * 64 + 64);
    assertThat(params).containsExactlyInAnyOrder(decoder, decoder + 28 * 64 + attention);
  }

  private static Value body(Value v) {
    return ((Value.Node) v).arg("body");
  }
}
