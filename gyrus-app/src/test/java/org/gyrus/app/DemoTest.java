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
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("best cell: (\\|\\S+\\|) \\(([0-9.]+)%\\)")
            .matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    // the printed cell is a real cell of the table with the printed accuracy, and 40 trials of
    // evolution beat the table's median cell (about 88%)
    org.gyrus.search.bench.NasBench201 table = org.gyrus.search.bench.NasBench201.load(null);
    double printed = Double.parseDouble(m.group(2));
    assertThat(printed).isGreaterThan(90.0);
    String study = r.out().replaceAll("(?s).*study: (\\S+) in .*", "$1");
    try (org.gyrus.search.TrialStore store =
        org.gyrus.search.store.TrialStores.open("sqlite:" + dir.resolve("studies.db"))) {
      org.gyrus.search.Trial best = org.gyrus.search.Study.load(store, study).best().orElseThrow();
      assertThat(org.gyrus.search.bench.NasBench201.archString(best.params()))
          .isEqualTo(m.group(1));
      assertThat(table.accuracy(best.params()))
          .isCloseTo(printed, org.assertj.core.data.Offset.offset(0.005));
    }
  }
}
