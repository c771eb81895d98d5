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
 * B20: a {@code depth}-layer, {@code width}-unit ReLU MLP on MNIST from N(0, init_std²) weights,
 * plain SGD, with and without annealed gradient noise σ²_t = η/(1+t)^0.55, every η × seed. A run
 * "trains" when its test accuracy exceeds {@code trained_above} (chance is 11.35%: the commonest
 * digit).
 */
final class NoiseClaim {
  private final ClaimsBench b;

  NoiseClaim(ClaimsBench b) {
    this.b = b;
  }

  static Value mlp(int depth, int width) {
    StringBuilder s = new StringBuilder("[{_type: flatten}");
    for (int i = 0; i < depth; i++) {
      s.append(", {_type: dense, units: ").append(width).append(", activation: relu}");
    }
    return ClaimsBench.spec(s.append("]").toString());
  }

  Map<String, Object> run(Path data, Path out) throws IOException {
    int depth = b.intOpt("depth", 20);
    int width = b.intOpt("width", 50);
    int seeds = b.intOpt("seeds", 5);
    double bar = b.doubleOpt("trained_above", 0.5);
    String[] etas = b.opt("etas", "0,0.01,0.3,1.0").split(",");
    Recipe base =
        Recipe.defaults()
            .with(
                "optimizer",
                "sgd",
                "momentum",
                0.0,
                "lr",
                b.doubleOpt("lr", 0.1),
                "batch_size",
                b.intOpt("batch", 128),
                "epochs",
                b.intOpt("epochs", 5),
                "init_std",
                b.doubleOpt("init_std", 0.1),
                "clip_norm",
                b.doubleOpt("clip", 0));
    Value spec = mlp(depth, width);
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Object> detail = new LinkedHashMap<>();
    PngLines loss =
        new PngLines("B20: mean train loss per epoch (NaN at 3)", "epoch", "train loss");
    PngLines every = new PngLines("B20: train loss, every run (NaN at 3)", "epoch", "train loss");
    for (String etaText : etas) {
      double eta = Double.parseDouble(etaText);
      String arm = eta == 0 ? "no_noise" : "eta_" + etaText;
      List<TrainResult> runs = new ArrayList<>();
      for (int s = 1; s <= seeds; s++) {
        DataSplits d =
            ClaimsBench.trainHead(
                ClaimsBench.load(data, "mnist", 1.0 / 12, s), b.intOpt("train", 0));
        Recipe r = base.with("grad_noise", eta, "seed", s);
        TrainResult res = ClaimsBench.train(spec, r, d, null, false, arm + " s" + s).result();
        runs.add(res);
        every.add(arm + " s" + s, curve(res));
      }
      loss.add(arm, ClaimsBench.meanCurve(runs, e -> capped(e.trainLoss())));
      summarise(arm, runs, bar, rows, detail);
    }
    loss.write(out.resolve("noise_loss.png"));
    every.write(out.resolve("noise_loss_runs.png"));
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("rows", rows);
    row.put("options", b.options());
    row.put(
        "protocol",
        String.format(
            Locale.ROOT,
            "%d x %d ReLU MLP, MNIST (55,000 train / 5,000 val / 10,000 test), weights"
                + " N(0, %s^2), SGD no momentum, %s",
            depth,
            width,
            base.initStd(),
            base.toNode()));
    row.put(
        "plots",
        List.of(
            out.resolve("noise_loss.png").toString(),
            out.resolve("noise_loss_runs.png").toString()));
    row.put("runs", detail);
    return row;
  }

  /** Loss drawn up to {@link #CAP}: a diverged epoch (NaN or huge) is drawn at the cap. */
  static final double CAP = 3.0;

  private static List<double[]> curve(TrainResult r) {
    List<double[]> pts = new ArrayList<>();
    for (EpochReport e : r.history()) {
      pts.add(new double[] {e.epoch(), capped(e.trainLoss())});
    }
    return pts;
  }

  static double capped(double loss) {
    return Double.isFinite(loss) ? Math.min(loss, CAP) : CAP;
  }

  /** First epoch whose validation accuracy is above 20% (off the chance plateau), or -1. */
  private static int leftPlateau(TrainResult r) {
    for (EpochReport e : r.history()) {
      if (e.valAccuracy() > 0.2) {
        return e.epoch();
      }
    }
    return -1;
  }

  private static void summarise(
      String arm,
      List<TrainResult> runs,
      double bar,
      List<Map<String, Object>> rows,
      Map<String, Object> detail) {
    List<Double> acc = new ArrayList<>();
    int trained = 0;
    List<Object> each = new ArrayList<>();
    for (TrainResult r : runs) {
      acc.add(r.testAccuracy());
      trained += r.testAccuracy() > bar ? 1 : 0;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("test_accuracy", r.testAccuracy());
      m.put("stop", r.stopReason());
      m.put("left_plateau_epoch", leftPlateau(r));
      m.put("seconds", r.trainSeconds());
      m.put("train_loss", r.history().stream().map(EpochReport::trainLoss).toList());
      m.put("val_accuracy", r.history().stream().map(EpochReport::valAccuracy).toList());
      each.add(m);
    }
    detail.put(arm, each);
    String anchor =
        "B20 abstract: noise alone lets a 20-layer fully connected net train with plain gradient"
            + " descent from a poor initialisation";
    rows.add(
        ClaimsBench.row(
            "noise." + arm + ".trained",
            "fraction of runs with test accuracy > " + bar,
            (double) trained / runs.size(),
            "fraction",
            anchor));
    rows.add(
        ClaimsBench.row(
            "noise." + arm + ".test_acc",
            String.format(
                Locale.ROOT,
                "test accuracy mean (sd %.4f, n %d)",
                ClaimsBench.sd(acc),
                runs.size()),
            ClaimsBench.mean(acc),
            "fraction",
            anchor));
  }
}
