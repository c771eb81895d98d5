package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gyrus.app.eval.TrainEvaluatorFactory;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.TrainAndEvaluate;
import org.gyrus.nn.train.Trainer;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keep_weights: each trial's trained network is kept beside the study and can be loaded back. */
class KeepWeightsTest {
  @TempDir Path dir;

  @Test
  void keptWeightsReloadIntoTheSameNetworkWithTheSameTestAccuracy() throws Exception {
    Path exp = dir.resolve("keep.yaml");
    Files.writeString(
        exp,
        String.join(
            "\n",
            "_type: experiment",
            "study: keep",
            "algorithm: random",
            "evaluator:",
            "  _type: train",
            "  keep_weights: true",
            "  recipe: {_type: recipe, epochs: 1, batch_size: 64, max_seconds: 4}",
            "space:",
            "  _type: model",
            "  body:",
            "    - {_type: conv2d, filters: {oneOf: [4, 8]}, kernel: 3}",
            "    - {_type: max_pool, kernel: 2}",
            "    - {_type: flatten}",
            "trials: 2",
            ""));
    Path db = dir.resolve("s.db");
    CliTest.Result r = CliTest.run("search", exp.toString(), "--storage", "sqlite:" + db);
    assertThat(r.code()).as(r.err()).isZero();
    List<Trial> trials;
    try (TrialStore store = TrialStores.open("sqlite:" + db)) {
      trials = Study.load(store, "keep").trials();
    }
    assertThat(trials).hasSize(2);
    DataSplits data = Datasets.embeddedDemo(0);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      for (Trial t : trials) {
        Path weights = Path.of(t.attrs().get(TrainEvaluatorFactory.WEIGHTS));
        assertThat(weights).exists().startsWith(Path.of(db + ".artifacts").toAbsolutePath());
        Trainer restored =
            TrainAndEvaluate.restore(
                t.params(), data.test().exampleShape(), data.test().classes(), weights, m);
        double stored = Double.parseDouble(t.attrs().get("metric.test_accuracy"));
        assertThat(restored.accuracy(data.test())).isEqualTo(stored);
      }
    }
  }
}
