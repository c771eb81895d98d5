package org.gyrus.nas.oneshot;

import com.sun.management.OperatingSystemMXBean;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.gyrus.core.Ranks;
import org.gyrus.core.Space;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;
import org.gyrus.search.bench.NasBench201;

/**
 * One one-shot search as one study: the supernet is trained by {@link DartsSearch}, then its
 * derived genotype and {@code samples} distinct cells drawn from softmax(α) become the study's
 * trials, each with the supernet's accuracy estimate on the architecture half as its value and the
 * NB201 table's CIFAR-10 accuracy as the attribute {@code table_accuracy}; the trials name the
 * supernet checkpoint they were scored with instead of being re-runnable alone.
 */
public final class OneShotRun {
  private OneShotRun() {}

  public record Outcome(
      String method,
      DartsConfig config,
      Genotype genotype,
      double tableAccuracy,
      double wallSeconds,
      double cpuSeconds,
      double estimateRho,
      int sampled,
      List<double[][]> trajectory) {}

  static double cpuSeconds() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  /**
   * Runs the search; with a {@code store}, records the study {@code name} there and the supernet
   * checkpoint under {@code checkpointDir} (both may be null).
   */
  public static Outcome run(
      String method,
      DartsConfig cfg,
      SearchData data,
      NasBench201 table,
      int samples,
      TrialStore store,
      String name,
      Path checkpointDir,
      Consumer<String> log)
      throws IOException {
    long wall0 = System.nanoTime();
    double cpu0 = cpuSeconds();
    try (DartsSearch search = new DartsSearch(cfg)) {
      search.run(data.weights(), data.arch(), log);
      double wall = (System.nanoTime() - wall0) / 1e9;
      double cpu = cpuSeconds() - cpu0;
      Genotype derived = search.genotype();
      String checkpoint = "in memory (not kept)";
      if (checkpointDir != null) {
        Files.createDirectories(checkpointDir);
        Path file = checkpointDir.resolve(name + ".params");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
          search.saveSupernet(out);
        }
        checkpoint = file.toString();
      }
      List<Genotype> cells = new ArrayList<>(sampleCells(search, derived, samples, cfg.seed()));
      double[] est = new double[cells.size()];
      double[] acc = new double[cells.size()];
      for (int i = 0; i < cells.size(); i++) {
        est[i] = search.estimate(cells.get(i), data.arch(), 2);
        acc[i] = cells.get(i).tableAccuracy(table);
      }
      if (store != null) {
        record(store, name, method, cfg, cells, est, acc, checkpoint);
      }
      double rho = cells.size() > 2 ? Ranks.spearman(est, acc) : Double.NaN;
      return new Outcome(
          method,
          cfg,
          derived,
          derived.tableAccuracy(table),
          wall,
          cpu,
          rho,
          cells.size(),
          search.trajectory());
    }
  }

  /** The derived cell first, then distinct draws from softmax(α), edge by edge. */
  static Set<Genotype> sampleCells(DartsSearch search, Genotype derived, int samples, long seed) {
    Set<Genotype> cells = new LinkedHashSet<>();
    cells.add(derived);
    double[][] p = search.softmaxAlpha();
    SplittableRandom rng = new SplittableRandom(seed * 31 + 5);
    for (int tries = 0; cells.size() < samples + 1 && tries < 50 * (samples + 1); tries++) {
      int[] ops = new int[Genotype.EDGES];
      for (int e = 0; e < Genotype.EDGES; e++) {
        double u = rng.nextDouble();
        int k = 0;
        while (k < Genotype.OPS - 1 && (u -= p[e][k]) > 0) {
          k++;
        }
        ops[e] = k;
      }
      cells.add(new Genotype(ops));
    }
    return cells;
  }

  private static void record(
      TrialStore store,
      String name,
      String method,
      DartsConfig cfg,
      List<Genotype> cells,
      double[] est,
      double[] acc,
      String checkpoint) {
    Value space = NasBench201.space();
    Space sp = new Space(space);
    Study study =
        Study.open(
            store,
            name,
            space,
            List.of(Direction.MAXIMIZE),
            new Value.StrVal("random"),
            cfg.seed(),
            Study.Options.DEFAULT,
            Map.of("method", method, "config", cfg.toString()));
    if (!study.trials().isEmpty()) {
      throw new IllegalStateException("study " + name + " already holds trials");
    }
    for (int i = 0; i < cells.size(); i++) {
      study.enqueue(cells.get(i).dna(sp));
      Trial t = study.ask(Integer.MAX_VALUE).orElseThrow();
      study.tell(t, est[i]);
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put("table_accuracy", Double.toString(acc[i]));
      attrs.put("role", i == 0 ? "derived" : "sampled");
      attrs.put("supernet", checkpoint);
      attrs.put("arch", cells.get(i).arch());
      for (var a : attrs.entrySet()) {
        study.setAttr(t, a.getKey(), a.getValue());
      }
    }
  }
}
