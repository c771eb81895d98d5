package org.gyrus.nesy.symreg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * SNIP's two measurements (issue 16 §3). Trains the encoders on generated formulas of the Koza
 * library (one variable), then (1) formula ↔ data retrieval among {@code held} held-out formulas,
 * (2) the data encoder as a prior for symbolic regression: the {@code k} training formulas nearest
 * to a problem's data seed the search's first batch, against the same search without them. One JSON
 * line per measurement is appended to OUT.jsonl; search runs already there are skipped.
 *
 * <pre>
 * SnipBench DATA_DIR OUT.jsonl SEED CORPUS HELD STEPS K SECONDS MODES PROBLEMS SEEDS
 * </pre>
 */
public final class SnipBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Formulas.Range> RANGES =
      List.of(new Formulas.Range(-1, 1), new Formulas.Range(0, 2), new Formulas.Range(0, 4));

  private SnipBench() {}

  public static void main(String[] a) throws IOException {
    if (a.length != 11) {
      System.err.println(
          "usage: SnipBench DATA_DIR OUT.jsonl SEED CORPUS HELD STEPS K SECONDS MODES PROBLEMS"
              + " SEEDS");
      System.exit(2);
    }
    Benchmarks bench = new Benchmarks(Path.of(a[0]));
    Path out = Path.of(a[1]);
    long seed = Long.parseLong(a[2]);
    int corpusSize = Integer.parseInt(a[3]);
    int held = Integer.parseInt(a[4]);
    Snip.Config cfg = Snip.Config.defaults(seed).withSteps(Integer.parseInt(a[5]));
    int k = Integer.parseInt(a[6]);
    double seconds = Double.parseDouble(a[7]);
    Library lib = bench.library(bench.problem("Nguyen-1"));
    Random rnd = new Random(seed);
    List<Formulas.Sample> test =
        Formulas.generate(lib, held, 2, cfg.maxLen(), 20, RANGES, Set.of(), rnd);
    Set<String> testKeys = new HashSet<>();
    for (Formulas.Sample s : test) {
      testKeys.add(Formulas.key(lib.toExpr(s.program(), new double[0])));
    }
    List<Formulas.Sample> corpus =
        Formulas.generate(lib, corpusSize, 2, cfg.maxLen(), 20, RANGES, testKeys, rnd);
    try (Snip snip = new Snip(lib, cfg)) {
      long c0 = cpu();
      long w0 = System.nanoTime();
      double loss = snip.train(corpus, System.err);
      ObjectNode row = JSON.createObjectNode().put("kind", "retrieval").put("seed", seed);
      row.put("corpus", corpusSize).put("held_out", held).put("steps", cfg.steps());
      row.put("final_loss", loss);
      row.put("train_cpu_s", (cpu() - c0) / 1e9)
          .put("train_wall_s", (System.nanoTime() - w0) / 1e9);
      float[][] f = snip.embedFormulas(test.stream().map(Formulas.Sample::program).toList());
      float[][] d = snip.embedData(test);
      putRanks(row, "data_to_formula", Snip.retrievalRanks(f, d));
      putRanks(row, "formula_to_data", Snip.retrievalRanks(d, f));
      append(out, row);
      float[][] library =
          snip.embedFormulas(corpus.stream().map(Formulas.Sample::program).toList());
      Set<String> done = SymRegBench.finished(out);
      for (String mode : a[8].split(",")) {
        for (String name : a[9].split(",")) {
          for (long s : SymRegBench.seeds(a[10])) {
            for (boolean prior : new boolean[] {false, true}) {
              String id = mode + "/" + name + "/" + s + "/" + (prior ? "snip" : "none") + "/" + k;
              if (!done.contains(id)) {
                append(
                    out,
                    search(bench, snip, library, corpus, name, mode, s, prior, k, seconds)
                        .put("id", id));
              }
            }
          }
        }
      }
    }
  }

  private static ObjectNode search(
      Benchmarks bench,
      Snip snip,
      float[][] library,
      List<Formulas.Sample> corpus,
      String name,
      String mode,
      long seed,
      boolean usePrior,
      int k,
      double seconds) {
    Benchmarks.Problem p = bench.problem(name);
    DataFile[] data = bench.data(p, seed);
    List<int[]> prior = List.of();
    ObjectNode row = JSON.createObjectNode().put("kind", "search").put("problem", name);
    row.put("mode", mode).put("seed", seed).put("prior", usePrior ? "snip" : "none").put("k", k);
    if (usePrior) {
      long c0 = cpu();
      prior = snip.nearestPrograms(corpus, library, data[0].columns(), data[0].y(), k);
      row.put("retrieve_cpu_s", (cpu() - c0) / 1e9);
      row.put("prior_best_r2", bestR2(bench.library(p), prior, data[0]));
    }
    Regressor.Config cfg = Regressor.Config.defaults(seed).withMode(mode).withSeconds(seconds);
    Regressor.Result r =
        Regressor.search(bench.library(p), data[0].columns(), data[0].y(), cfg, prior);
    row.put("recovered", Canon.equivalent(r.expr(), p.truth()));
    row.put("seconds", r.seconds()).put("wall_seconds", r.wallSeconds());
    row.put("evaluations", r.evaluations()).put("expr", r.expr().toString());
    return row;
  }

  /** The best training R² among the prior's formulas as they are (no constants to fit). */
  private static double bestR2(Library lib, List<int[]> prior, DataFile train) {
    double best = Double.NEGATIVE_INFINITY;
    for (int[] p : prior) {
      double r2 = train.r2(lib.toExpr(p, new double[0]));
      if (Double.isFinite(r2)) {
        best = Math.max(best, r2);
      }
    }
    return best;
  }

  private static void putRanks(ObjectNode row, String name, int[] ranks) {
    int top1 = 0;
    int top5 = 0;
    for (int r : ranks) {
      top1 += r == 0 ? 1 : 0;
      top5 += r < 5 ? 1 : 0;
    }
    row.put(name + "_top1", top1 / (double) ranks.length);
    row.put(name + "_top5", top5 / (double) ranks.length);
  }

  private static void append(Path out, ObjectNode row) throws IOException {
    String line = JSON.writeValueAsString(row);
    Files.writeString(
        out,
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    System.out.println(line);
  }

  private static long cpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }
}
