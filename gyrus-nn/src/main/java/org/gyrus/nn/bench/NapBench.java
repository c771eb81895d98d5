package org.gyrus.nn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.explain.MlpTraining;
import org.gyrus.nn.explain.NapAnalysis;
import org.gyrus.nn.train.Recipe;

/**
 * B17 figures: {@code NapBench DATA_DIR DATASET HIDDEN(e.g. 32,32) EPOCHS DELTA TIMEOUT_S
 * BALLS_PER_CLASS EPS(e.g. 0.02,0.05) SEED}. Progress on stderr, one JSON object per figure on
 * stdout.
 */
public final class NapBench {
  private NapBench() {}

  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]);
    String name = a[1];
    int[] hidden = ints(a[2]);
    int epochs = Integer.parseInt(a[3]);
    double delta = Double.parseDouble(a[4]);
    long timeoutMs = (long) (Double.parseDouble(a[5]) * 1000);
    int balls = Integer.parseInt(a[6]);
    String[] epsText = a[7].split(",");
    double[] eps = new double[epsText.length];
    for (int i = 0; i < eps.length; i++) {
      eps[i] = Double.parseDouble(epsText[i]);
    }
    long seed = Long.parseLong(a[8]);
    DataSplits data = Datasets.idx(dir, name, 1 / 12.0, seed);
    Recipe recipe = Recipe.from(Node.of("recipe", "epochs", epochs, "seed", seed));
    long t0 = System.nanoTime();
    MlpTraining.Trained t = MlpTraining.train(MlpTraining.spec(hidden), recipe, data);
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    System.err.printf("%s test accuracy %.4f (%.0fs)%n", name, t.testAccuracy(), trainSeconds);
    List<Integer> layers = new ArrayList<>();
    for (int l = 0; l < hidden.length; l++) {
      layers.add(l);
    }
    Dataset train = data.train();
    NapAnalysis.Result r =
        NapAnalysis.run(
            t.net(),
            MlpTraining.rows(train),
            train.y(),
            MlpTraining.rows(data.test()),
            data.test().y(),
            new NapAnalysis.Options(
                layers, delta, a.length > 9 ? a[9] : "milp", timeoutMs, balls, eps),
            System.err);
    ObjectMapper json = new ObjectMapper();
    String model = name + " 784-" + a[2].replace(',', '-') + "-10 relu, " + epochs + " epochs";
    Map<String, Object> common = new LinkedHashMap<>();
    common.put("dataset", name);
    common.put("model", model);
    common.put("delta", delta);
    common.put("layers", "all hidden");
    common.put("timeout_s", timeoutMs / 1000.0);
    common.put("seed", seed);
    common.put("test_accuracy", t.testAccuracy());
    common.put("train_seconds", trainSeconds);
    for (NapAnalysis.ClassResult c : r.classes()) {
      Map<String, Object> row = new LinkedHashMap<>(common);
      row.put("class", c.cls());
      row.put("nap_size", c.napSize());
      row.put("test_count", c.testCount());
      row.put("coverage", c.coverage());
      row.put("matched", c.matched());
      row.put("precision", c.precision());
      row.put("median_covered_linf", c.medianCoveredDistance());
      row.put("verdict", c.verdict().status().name().toLowerCase());
      row.put("solver_seconds", c.verdict().seconds());
      System.out.println(json.writeValueAsString(Map.of("kind", "nap_class", "row", row)));
    }
    for (NapAnalysis.BallResult b : r.balls()) {
      Map<String, Object> row = new LinkedHashMap<>(common);
      row.put("eps_pixels", b.epsPixels());
      row.put("with_nap", b.withNap());
      row.put("proven", b.proven());
      row.put("refuted", b.refuted());
      row.put("unknown", b.unknown());
      row.put("mean_seconds", b.seconds());
      System.out.println(json.writeValueAsString(Map.of("kind", "nap_ball", "row", row)));
    }
  }

  static int[] ints(String s) {
    String[] p = s.split(",");
    int[] v = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      v[i] = Integer.parseInt(p[i]);
    }
    return v;
  }
}
