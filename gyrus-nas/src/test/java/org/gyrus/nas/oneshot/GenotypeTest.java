package org.gyrus.nas.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.gyrus.core.Space;
import org.gyrus.search.bench.NasBench201;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The genotype decoder against the NB201 table's own rows. */
class GenotypeTest {
  @Test
  void decoderMapsEveryTableRowToItsOwnAccuracy() throws Exception {
    String dir = System.getenv("GYRUS_DATA");
    Path csv = dir == null ? null : Path.of(dir, NasBench201.DATA_FILE);
    Assumptions.assumeTrue(
        csv != null && Files.isRegularFile(csv),
        "GYRUS_DATA/" + NasBench201.DATA_FILE + " not present: skipping the 15,625-row check");
    NasBench201 table = NasBench201.load(Path.of(dir));
    List<String> lines = Files.readAllLines(csv);
    SplittableRandom rng = new SplittableRandom(7);
    Set<Genotype> seen = new HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      Genotype g = Genotype.parse(f[1]);
      // the decoder: noisy architecture parameters whose per-edge maximum is the row's op
      double[][] alpha = new double[6][5];
      for (int e = 0; e < 6; e++) {
        for (int k = 0; k < 5; k++) {
          alpha[e][k] = rng.nextDouble();
        }
        alpha[e][g.ops()[e]] = 1.5;
      }
      Genotype decoded = Genotype.argmax(alpha);
      assertThat(decoded.arch()).isEqualTo(f[1]);
      assertThat(decoded.tableAccuracy(table)).isEqualTo(Double.parseDouble(f[2]));
      seen.add(decoded);
    }
    assertThat(seen).hasSize(Genotype.COUNT);
  }

  @Test
  void indicesCoverTheSpaceAndDnaMaterialisesToTheSameCell() {
    NasBench201 table = NasBench201.load(null); // the embedded copy
    Space space = new Space(NasBench201.space());
    Set<String> archs = new HashSet<>();
    for (int i = 0; i < Genotype.COUNT; i++) {
      Genotype g = Genotype.ofIndex(i);
      archs.add(g.arch());
      assertThat(Genotype.parse(g.arch())).isEqualTo(g);
      assertThat(table.accuracy(g.cell())).isBetween(0.0, 100.0);
      if (i % 97 == 0) {
        assertThat(NasBench201.archString(space.materialise(g.dna(space)))).isEqualTo(g.arch());
      }
    }
    assertThat(archs).hasSize(Genotype.COUNT);
    assertThat(Genotype.uniform("nor_conv_3x3").tableAccuracy(table)).isEqualTo(93.76);
  }

  @Test
  void malformedStringsFailNamingTheToken() {
    assertThatThrownBy(() -> Genotype.parse("|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|"))
        .hasMessageContaining("'conv~0'");
    assertThatThrownBy(() -> Genotype.parse("|none~0|+|none~0|none~1|+|none~0|none~1|"))
        .hasMessageContaining("6 edges");
  }
}
