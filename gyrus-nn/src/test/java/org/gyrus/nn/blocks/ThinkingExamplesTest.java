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

/** The issue-19 examples under examples/blocks compile, and the mixer space names its choice. */
class ThinkingExamplesTest {
  private static final Path DIR = Path.of("../examples/blocks");

  private static Value read(String name) throws IOException {
    return SpecCodec.fromYaml(Files.readString(DIR.resolve(name)));
  }

  @Test
  void model_examples_compile_for_their_inputs() throws IOException {
    SpecCompiler c = SpecCompiler.standard();
    assertThat(c.analyse(read("mqar-memory.yaml"), new Shape(128), "m").output())
        .isEqualTo(new Shape(128, 256));
    assertThat(c.analyse(read("ctm-parity.yaml"), new Shape(16, 1), "m").output())
        .isEqualTo(new Shape(16, 32));
  }

  @Test
  void the_mixer_space_yields_memories_and_attention_and_names_the_decision() throws IOException {
    Space s = new Space(read("mqar-mixer-space.yaml"));
    assertThat(s.dnaSpec().find("mixer")).isNotNull();
    SplittableRandom rng = new SplittableRandom(1);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      Value spec = s.materialise(s.sample(rng));
      assertThat(SpecCompiler.standard().analyse(spec, new Shape(64), "m").output())
          .isEqualTo(new Shape(64, 256));
      String text = SpecCodec.toJson(spec);
      for (String v : new String[] {"titans", "moneta", "yaad", "memora", "softmax", "linear"}) {
        if (text.contains("\"" + v + "\"")) {
          seen.add(v);
        }
      }
    }
    assertThat(seen)
        .containsExactlyInAnyOrder("titans", "moneta", "yaad", "memora", "softmax", "linear");
  }
}
