package org.gyrus.nn.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gyrus.core.Value;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.train.EpochReport;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainResult;

/**
 * B21: a small CNN trained vanilla for E epochs against cyclical curriculum runs that see the same
 * number of examples (fractions 0.25, 0.5, 1, 0.5, ... summing to E). Two curriculum arms: {@code
 * scored}, the paper's code (fixed scores = per-example loss of a model trained beforehand, here
 * the same seed's vanilla model; weight 1/loss), and {@code self_paced}, what {@code curriculum:
 * true} does by itself (last-seen loss, weight exp(-loss/mean)).
 */
final class CurriculumClaim {
  static final String CNN =
      "[{_type: conv2d, filters: 32, kernel: 3, activation: relu}, {_type: max_pool, kernel: 2},"
          + " {_type: conv2d, filters: 64, kernel: 3, activation: relu}, {_type: max_pool, kernel: 2},"
          + " {_type: flatten}, {_type: dense, units: 10}]";

  private final ClaimsBench b;
  private final String row;
  private final boolean cifar;

  CurriculumClaim(ClaimsBench b, String row, boolean cifar) {
    this.b = b;
    this.row = row;
    this.cifar = cifar;
  }

  Map<String, Object> run(Path data, Path out) throws IOException {
    String set = b.opt("data", cifar ? "cifar10" : "fashion-mnist");
    int seeds = b.intOpt("seeds", 3);
    int epochs = b.intOpt("epochs", 9);
    int cclEpochs = ClaimsBench.equalStepEpochs(epochs);
    String[] arms = b.opt("arms", "vanilla,scored,self_paced").split(",");
    Recipe base =
        Recipe.defaults().with("lr", b.doubleOpt("lr", 1e-3), "batch_size", b.intOpt("batch", 128));
    Value spec = ClaimsBench.spec(b.opt("net", CNN));
    Map<String, List<TrainResult>> byArm = new LinkedHashMap<>();
    for (String arm : arms) {
      byArm.put(arm, new ArrayList<>());
    }
    int first = b.intOpt("first_seed", 1); // a later process can add seeds to a row
    for (int s = first; s < first + seeds; s++) {
      DataSplits d =
          ClaimsBench.trainHead(
              ClaimsBench.load(data, set, b.doubleOpt("val", 0.04), s), b.intOpt("train", 0));
      Recipe van = base.with("epochs", epochs, "seed", s);
      Recipe ccl = base.with("epochs", cclEpochs, "seed", s, "curriculum", true);
      ClaimsBench.Run v = ClaimsBench.train(spec, van, d, null, true, set + " vanilla s" + s);
      byArm.get("vanilla").add(v.result());
      if (byArm.containsKey("scored")) {
        byArm
            .get("scored")
            .add(
                ClaimsBench.train(spec, ccl, d, v.trainLosses(), false, set + " scored s" + s)
                    .result());
      }
      if (byArm.containsKey("self_paced")) {
        byArm
            .get("self_paced")
            .add(ClaimsBench.train(spec, ccl, d, null, false, set + " self-paced s" + s).result());
      }
    }
    return report(set, epochs, cclEpochs, byArm, base, out);
  }

  private Map<String, Object> report(
      String set,
      int epochs,
      int cclEpochs,
      Map<String, List<TrainResult>> byArm,
      Recipe base,
      Path out)
      throws IOException {
    PngLines val =
        new PngLines("B21 " + set + ": validation accuracy", "examples seen / N", "val accuracy");
    PngLines loss =
        new PngLines("B21 " + set + ": train loss", "examples seen / N", "train loss (epoch)");
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Object> detail = new LinkedHashMap<>();
    String anchor = "B21: CCL beats vanilla at equal steps (CIFAR-10 small CNN 0.703 -> 0.741)";
    String prefix = row.replace("curriculum-", "curriculum.");
    for (Map.Entry<String, List<TrainResult>> e : byArm.entrySet()) {
      List<TrainResult> runs = e.getValue();
      val.add(e.getKey(), ClaimsBench.meanCurve(runs, EpochReport::valAccuracy));
      loss.add(e.getKey(), ClaimsBench.meanCurve(runs, EpochReport::trainLoss));
      List<Double> acc = runs.stream().map(TrainResult::testAccuracy).toList();
      rows.add(
          ClaimsBench.row(
              prefix + "." + e.getKey() + ".test_acc",
              String.format(
                  Locale.ROOT,
                  "test accuracy of best-val weights, mean (sd %.4f, n %d; each %s)",
                  ClaimsBench.sd(acc),
                  acc.size(),
                  acc.stream().map(a -> String.format(Locale.ROOT, "%.4f", a)).toList()),
              ClaimsBench.mean(acc),
              "fraction",
              anchor));
      List<Object> each = new ArrayList<>();
      for (TrainResult r : runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test_accuracy", r.testAccuracy());
        m.put("epochs", r.history().size());
        m.put(
            "examples_seen_over_n",
            r.history().stream().mapToDouble(EpochReport::dataFraction).sum());
        m.put("seconds", r.trainSeconds());
        m.put("val_accuracy", r.history().stream().map(EpochReport::valAccuracy).toList());
        m.put("train_loss", r.history().stream().map(EpochReport::trainLoss).toList());
        each.add(m);
      }
      detail.put(e.getKey(), each);
    }
    String name = row.replace('-', '_');
    val.write(out.resolve(name + "_val.png"));
    loss.write(out.resolve(name + "_loss.png"));
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("rows", rows);
    res.put("options", b.options());
    res.put(
        "protocol",
        String.format(
            Locale.ROOT,
            "%s, vanilla %d epochs vs curriculum %d epochs (same examples seen), %s",
            set,
            epochs,
            cclEpochs,
            base.toNode()));
    res.put(
        "plots",
        List.of(
            out.resolve(name + "_val.png").toString(), out.resolve(name + "_loss.png").toString()));
    res.put("runs", detail);
    return res;
  }
}
