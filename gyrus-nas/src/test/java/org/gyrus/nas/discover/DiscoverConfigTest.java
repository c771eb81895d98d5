package org.gyrus.nas.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gyrus.core.SpecError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The discovery file: the issue's example reads, bad input names the file and the key. */
class DiscoverConfigTest {
  @TempDir Path dir;

  @Test
  void theIssueExampleReadsWithTheSoftmaxSeedsParametersAsItsBudget() {
    DiscoverConfig c = DiscoverConfig.read(Path.of("../examples/discover/mqar.yaml"));
    assertThat(c.budget().task().vocab()).isEqualTo(256);
    assertThat(c.budget().task().length()).isEqualTo(128);
    assertThat(c.budget().task().pairs()).isEqualTo(8);
    long softmax = 3 * (128 * 64 + 64) + 64 * 64 + 64; // q, k, v from [x_t, x_{t-1}]; out
    assertThat(c.budget().maxParams()).isEqualTo((long) Math.floor(softmax * 1.02));
    assertThat(c.budget().trainSeeds()).isEqualTo(3);
    assertThat(c.seedNames()).containsExactly("softmax", "linear", "gated_conv");
  }

  @Test
  void badInputNamesTheFileAndTheKey() throws Exception {
    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, "_type: discover\nstep: 5\n");
    assertThatThrownBy(() -> DiscoverConfig.read(typo))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("typo.yaml")
        .hasMessageContaining("step");
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(seed, "_type: discover\nseeds: [softmax, mamba]\n");
    assertThatThrownBy(() -> DiscoverConfig.read(seed))
        .hasMessageContaining("seeds[1]")
        .hasMessageContaining("mamba");
    Path pairs = dir.resolve("pairs.yaml");
    Files.writeString(pairs, "_type: discover\nvocab: 8\npairs: 8\n");
    assertThatThrownBy(() -> DiscoverConfig.read(pairs))
        .hasMessageContaining("pairs.yaml")
        .hasMessageContaining("keys");
    Path trainings = dir.resolve("trainings.yaml");
    Files.writeString(trainings, "_type: discover\ntrain_seeds: 0\n");
    assertThatThrownBy(() -> DiscoverConfig.read(trainings))
        .hasMessageContaining("trainings.yaml")
        .hasMessageContaining("train_seeds");
  }
}
