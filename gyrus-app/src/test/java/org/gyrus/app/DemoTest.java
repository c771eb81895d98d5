package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gyrus.search.Study;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.SqliteTrialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job finishes on the embedded data and leaves a study and plots behind. */
class DemoTest {
  @TempDir Path dir;

  @Test
  void cnnDemoTrainsOnEmbeddedDataAndStoresTheStudy() throws Exception {
    CliTest.Result r =
        CliTest.run("demo", "--trials", "3", "--seconds", "3", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("best: trial").contains("_type: model");
    assertThat(dir.resolve("history.png")).isNotEmptyFile();
    assertThat(dir.resolve("accuracy_vs_params.png")).isNotEmptyFile();
    try (TrialStore store = SqliteTrialStore.open(dir.resolve("studies.db"))) {
      String name = store.studies().get(0).name();
      var trials = Study.load(store, name).trials();
      assertThat(trials).hasSize(3).allMatch(t -> t.state() == TrialState.COMPLETE);
      assertThat(trials)
          .allMatch(
              t ->
                  t.attrs().containsKey("metric.params")
                      && t.attrs().containsKey("metric.test_accuracy"));
      // Better than chance (10 classes) even with seconds of training on a busy machine.
      assertThat(trials.stream().mapToDouble(t -> t.value()).max().orElseThrow())
          .isGreaterThan(0.2);
    }
    assertThat(Files.size(dir.resolve("studies.db"))).isPositive();
  }

  @Test
  void nb201DemoFindsAGoodCell() {
    CliTest.Result r =
        CliTest.run("demo", "--job", "nb201", "--trials", "40", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("best cell: |");
  }
}
