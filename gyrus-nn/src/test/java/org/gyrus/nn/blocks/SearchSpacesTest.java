package org.gyrus.nn.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.gyrus.core.Dna;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.junit.jupiter.api.Test;

/**
 * The shipped search spaces: every point is a valid network, and the cell space is NAS-Bench-201.
 */
class SearchSpacesTest {
  static Space space(String name) throws IOException {
    try (InputStream in =
        SearchSpacesTest.class.getResourceAsStream("/org/gyrus/nn/spaces/" + name)) {
      return new Space(SpecCodec.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void sampled_cnn_architectures_all_compile() throws IOException {
    Space s = space("fashion-cnn.yaml");
    SplittableRandom rng = new SplittableRandom(3);
    Set<Long> sizes = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Value spec = s.materialise(s.sample(rng));
      CompiledModel m = CompiledModel.classifier(spec, new Shape(1, 28, 28), 10);
      assertThat(m.output()).isEqualTo(new Shape(10));
      sizes.add(m.params());
    }
    assertThat(sizes.size()).isGreaterThan(50);
  }

  /** All 15,625 cells are analysed; parameter counts follow from the edge ops alone. */
  @Test
  void every_nas_bench_201_cell_compiles_with_the_expected_parameters() throws IOException {
    Space s = space("nas-bench-201.yaml");
    assertThat(s.size()).contains(BigInteger.valueOf(15_625));
    List<Dna> all = s.enumerate();
    long stem = 16 * 9 + 32;
    long head = 16 * 10 + 10;
    for (int i = 0; i < all.size(); i++) {
      Value spec = s.materialise(all.get(i));
      Analysis a = SpecCompiler.standard().analyse(spec, new Shape(1, 8, 8), "model");
      assertThat(a.output()).isEqualTo(new Shape(16));
      long expected = stem;
      String text = SpecCodec.toJson(spec);
      expected += count(text, "\"nor_conv_3x3\"") * (16 * 16 * 9 + 32);
      expected += count(text, "\"nor_conv_1x1\"") * (16 * 16 + 32);
      assertThat(a.params()).as(text).isEqualTo(expected);
      assertThat(CompiledModel.classifier(spec, new Shape(1, 8, 8), 10).params())
          .isEqualTo(expected + head);
    }
  }

  private static long count(String text, String needle) {
    return (text.length() - text.replace(needle, "").length()) / needle.length();
  }
}
