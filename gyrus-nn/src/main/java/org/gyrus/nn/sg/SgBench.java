package org.gyrus.nn.sg;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.gyrus.nn.bench.PngLines;
import org.gyrus.nn.bench.RowJson;

/**
 * The synthetic-gradients row of issue 19: an LSTM on the copy task trained by full BPTT, by
 * truncated BPTT and by truncated BPTT with synthetic gradients, same steps and seed; accuracy
 * curves, final accuracy, wall time per update. Usage: {@code SgBench OUT_DIR LENGTH SYMBOLS WINDOW
 * HIDDEN STEPS BATCH EVAL_EVERY SEED [SG_SCALE [SG_RATE]]}. Besides the three paper curves it
 * trains a control, {@code synthetic_lambda0}: the DNI loop with the synthetic gradient multiplied
 * by 0 (same windows and optimizer steps, no SG signal), so a gain of {@code synthetic} over {@code
 * truncated} can be split into the SG's share and the extra updates' share.
 */
public final class SgBench {
  private SgBench() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    CopyTask task = new CopyTask(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    int window = Integer.parseInt(args[3]);
    int hidden = Integer.parseInt(args[4]);
    int steps = Integer.parseInt(args[5]);
    int batch = Integer.parseInt(args[6]);
    int every = Integer.parseInt(args[7]);
    int seed = Integer.parseInt(args[8]);
    double sgScale = args.length > 9 ? Double.parseDouble(args[9]) : 1.0;
    double sgRate = args.length > 10 ? Double.parseDouble(args[10]) : 1.0;
    RowJson row = new RowJson("synthetic_gradients");
    PngLines plot = new PngLines("Copy task: recall accuracy while training", "step", "accuracy");
    Map<String, Double> finals = new LinkedHashMap<>();
    List<Run> runs = new ArrayList<>();
    for (DniTrainer.Mode mode : DniTrainer.Mode.values()) {
      runs.add(new Run(mode.name().toLowerCase(Locale.ROOT), mode, sgScale));
    }
    runs.add(new Run("synthetic_lambda0", DniTrainer.Mode.SYNTHETIC, 0));
    for (Run r : runs) {
      try (NDManager m = DniTrainer.engine().newBaseManager()) {
        DniTrainer tr =
            new DniTrainer(task, r.mode(), window, hidden, m, seed).scale(r.scale()).sgRate(sgRate);
        List<double[]> curve = new ArrayList<>();
        Map<String, Object> metrics = train(tr, r.name(), steps, batch, every, seed, curve);
        finals.put(r.name(), (Double) metrics.get("final_accuracy"));
        row.put(r.name(), metrics);
        plot.add(r.name(), curve);
      }
    }
    row.put("length", task.length()).put("symbols", task.symbols()).put("window", window);
    row.put("sg_scale", sgScale)
        .put("sg_rate", sgRate)
        .put("hidden", hidden)
        .put("steps", steps)
        .put("batch", batch)
        .put("seed", seed);
    plot.write(out.resolve("synthetic_gradients.png"));
    boolean met = finals.get("synthetic") > finals.get("truncated");
    row.write(
        out.resolve("synthetic_gradients.json"),
        "training curves and final accuracy vs backprop (full BPTT) on the copy task; DNI:"
            + " synthetic gradients beat truncated BPTT of the same window and approach full BPTT",
        met,
        "met = synthetic above truncated at the same window. Sequence = "
            + task.steps()
            + " steps, window "
            + window
            + "; 'updates_per_sequence' is the decoupling: the core is updated after every window"
            + " without waiting for the sequence to end (update unlocking); all on one thread, so"
            + " wall time per sequence measures the cost, not a parallel speed-up."
            + " synthetic_lambda0 = the DNI loop with the synthetic gradient times 0 (control)."
            + " sg_quality (synthetic runs): per window boundary, cosine and norm ratio of SG(s_T)"
            + " against the true per-sample gradient of the remaining loss (full backprop).");
  }

  /** One trainer's name, mode and synthetic-gradient scale λ. */
  private record Run(String name, DniTrainer.Mode mode, double scale) {}

  /** Trains for {@code steps} sequences; accuracy curve into {@code curve}; the row's metrics. */
  private static Map<String, Object> train(
      DniTrainer tr, String name, int steps, int batch, int every, int seed, List<double[]> curve) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Object> accs = new ArrayList<>();
    double seconds = 0;
    double loss = Double.NaN;
    for (int s = 1; s <= steps; s++) {
      long t0 = System.nanoTime();
      loss = tr.trainStep(batch, 3e-3, rng);
      seconds += (System.nanoTime() - t0) / 1e9;
      if (s % every == 0 || s == steps) {
        double a = tr.accuracy(256, new SplittableRandom(424242));
        curve.add(new double[] {s, a});
        accs.add(a);
        System.err.printf(
            Locale.ROOT, "%s step %d loss %.4f acc %.4f %.0fs%n", name, s, loss, a, seconds);
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("final_accuracy", tr.accuracy(1024, new SplittableRandom(99)));
    m.put("accuracy_curve", accs);
    m.put("train_seconds", seconds);
    m.put("seconds_per_sequence", seconds / steps);
    m.put("updates_per_sequence", tr.updatesPerSequence());
    m.put("final_train_loss", loss);
    if (tr.mode() == DniTrainer.Mode.SYNTHETIC) {
      List<Object> quality = new ArrayList<>();
      for (double[] q : tr.quality(256, new SplittableRandom(7))) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("boundary", (int) q[0]);
        b.put("cosine", q[1]);
        b.put("norm_ratio", q[2]);
        quality.add(b);
      }
      m.put("sg_quality", quality);
    }
    return m;
  }
}
