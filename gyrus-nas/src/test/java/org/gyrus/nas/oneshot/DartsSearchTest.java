package org.gyrus.nas.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.store.MemoryTrialStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A short sharpDARTS search (Max-W, cosine power annealing, auxiliary-skip guard) on real CIFAR-10
 * (768 + 768 images at 16x16, C = 8, one cell per stage, 4 epochs): its derived cell must beat the
 * mean table accuracy of random cells, and the search is stored as a study whose trials carry the
 * supernet's estimate as value and the table accuracy as an attribute.
 */
class DartsSearchTest {
  @Test
  void shortSearchBeatsTheMeanRandomCell() throws Exception {
    String dir = System.getenv("GYRUS_DATA");
    Assumptions.assumeTrue(
        dir != null && Files.isDirectory(Path.of(dir, "cifar10")),
        "GYRUS_DATA/cifar10 not present: skipping the short DARTS search on CIFAR-10");
    NasBench201 table = NasBench201.load(Path.of(dir));
    double mean = 0;
    for (int i = 0; i < Genotype.COUNT; i++) {
      mean += Genotype.ofIndex(i).tableAccuracy(table) / Genotype.COUNT;
    }
    DartsConfig cfg = DartsConfig.method("sharpdarts-guard", 8, 1, 16, 768, 4, 1);
    SearchData data = SearchData.load(Path.of(dir), 16, 768, 1);
    try (MemoryTrialStore store = new MemoryTrialStore()) {
      OneShotRun.Outcome o =
          OneShotRun.run("sharpdarts-guard", cfg, data, table, 5, store, "ci", null, s -> {});
      assertThat(o.tableAccuracy()).isGreaterThan(mean);
      assertThat(o.trajectory()).hasSize(4);
      Study study = Study.load(store, "ci");
      assertThat(study.trials()).hasSizeGreaterThanOrEqualTo(2);
      Trial derived = study.trials().get(0);
      assertThat(derived.attrs()).containsEntry("role", "derived");
      assertThat(Double.parseDouble(derived.attrs().get("table_accuracy")))
          .isEqualTo(o.tableAccuracy());
      assertThat(derived.value()).isBetween(0.0, 1.0);
    }
  }
}
