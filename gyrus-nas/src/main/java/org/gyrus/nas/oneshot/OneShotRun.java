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
 * One one-shot search as one study: the {@link OneShotSearch} trains its supernet, then its derived
 * genotype and the cells it proposes (drawn from softmax(α), from the ENAS controller, its memory
 * buffer, ...) become the study's trials, each with the supernet's accuracy estimate on the
 * architecture half as its value, the NB201 table's CIFAR-10 accuracy as the attribute {@code
 * table_accuracy} and its role; the trials name the supernet checkpoint they were scored with
 * instead of being re-runnable alone. Optionally {@code uniform} cells drawn uniformly from the
 * 15,625 are scored too, for a ranking correlation that does not depend on the method's sampler.
 */
public final class OneShotRun {
  private OneShotRun() {}

  public record Outcome(
      String method,
      String config,
      Genotype genotype,
      double tableAccuracy,
      double wallSeconds,
      double cpuSeconds,
      double estimateRho,
      int sampled,
      double uniformRho,
      int uniformCells,
      List<double[][]> trajectory,
      Map<String, Object> details) {}

  static double cpuSeconds() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  /** A DARTS / sharpDARTS search, run by the general overload that takes any OneShotSearch. */
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
    try (DartsSearch search = new DartsSearch(cfg)) {
      return run(method, search, data, table, samples, 0, store, name, checkpointDir, log);
    }
  }

  /**
   * Runs the search; with a {@code store}, records the study {@code name} there and the supernet
   * checkpoint under {@code checkpointDir} (both may be null). The search is closed by the caller.
   */
  public static Outcome run(
      String method,
      OneShotSearch search,
      SearchData data,
      NasBench201 table,
      int samples,
      int uniform,
      TrialStore store,
      String name,
      Path checkpointDir,
      Consumer<String> log)
      throws IOException {
    long wall0 = System.nanoTime();
    double cpu0 = cpuSeconds();
    search.run(data, log);
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
    List<OneShotSearch.Candidate> cells = search.candidates(samples, search.seed());
    double[] est = new double[cells.size()];
    double[] acc = new double[cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      est[i] = search.estimate(cells.get(i).cell(), data.arch(), 2);
      acc[i] = cells.get(i).cell().tableAccuracy(table);
    }
    if (store != null) {
      record(store, name, method, search.config(), search.seed(), cells, est, acc, checkpoint);
    }
    double rho = cells.size() > 2 ? Ranks.spearman(est, acc) : Double.NaN;
    double uniformRho = Double.NaN;
    if (uniform > 2) {
      List<Genotype> u = uniformCells(uniform, search.seed());
      double[] ue = new double[u.size()];
      double[] ua = new double[u.size()];
      for (int i = 0; i < u.size(); i++) {
        ue[i] = search.estimate(u.get(i), data.arch(), 2);
        ua[i] = u.get(i).tableAccuracy(table);
      }
      uniformRho = Ranks.spearman(ue, ua);
    }
    return new Outcome(
        method,
        search.config(),
        derived,
        derived.tableAccuracy(table),
        wall,
        cpu,
        rho,
        cells.size(),
        uniformRho,
        Math.max(0, uniform),
        search.trajectory(),
        search.details(table));
  }

  /** {@code n} distinct cells drawn uniformly from the 15,625 (seeded). */
  static List<Genotype> uniformCells(int n, long seed) {
    Set<Genotype> cells = new LinkedHashSet<>();
    SplittableRandom rng = new SplittableRandom(seed * 131 + 17);
    while (cells.size() < Math.min(n, Genotype.COUNT)) {
      cells.add(Genotype.random(rng));
    }
    return new ArrayList<>(cells);
  }

  private static void record(
      TrialStore store,
      String name,
      String method,
      String config,
      long seed,
      List<OneShotSearch.Candidate> cells,
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
            seed,
            Study.Options.DEFAULT,
            Map.of("method", method, "config", config));
    if (!study.trials().isEmpty()) {
      throw new IllegalStateException("study " + name + " already holds trials");
    }
    for (int i = 0; i < cells.size(); i++) {
      Genotype g = cells.get(i).cell();
      study.enqueue(g.dna(sp));
      Trial t = study.ask(Integer.MAX_VALUE).orElseThrow();
      study.tell(t, est[i]);
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put("table_accuracy", Double.toString(acc[i]));
      attrs.put("role", cells.get(i).role());
      attrs.put("supernet", checkpoint);
      attrs.put("arch", g.arch());
      for (var a : attrs.entrySet()) {
        study.setAttr(t, a.getKey(), a.getValue());
      }
    }
  }
}
