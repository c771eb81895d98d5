package org.gyrus.nesy.symreg;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs benchmark problems × seeds and appends one JSON line per finished run to an output file,
 * skipping runs already there (resumable). Usage: {@code SymRegBench DATA_DIR OUT.jsonl MODE
 * SECONDS PROBLEM[,PROBLEM...] SEED[,SEED...|FROM-TO] [MAX_PROGRAMS]}. MAX_PROGRAMS (distinct
 * programs per run; 0 = no limit, only SECONDS) defaults to {@link Regressor.Config#defaults}'s 2M;
 * a run under another limit gets its own id ({@code MODE@LIMIT/PROBLEM/SEED}), so it is never
 * mistaken for, or skipped because of, a run under the default.
 */
public final class SymRegBench {
  private SymRegBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 6 && args.length != 7) {
      System.err.println(
          "usage: SymRegBench DATA_DIR OUT.jsonl MODE SECONDS PROBLEM[,...] SEED[,...|FROM-TO]"
              + " [MAX_PROGRAMS]");
      System.exit(2);
    }
    Benchmarks bench = new Benchmarks(Path.of(args[0]));
    Path out = Path.of(args[1]);
    String mode = args[2];
    double seconds = Double.parseDouble(args[3]);
    long defaultLimit = Regressor.Config.defaults(0).maxEvaluations();
    long limit = args.length == 7 ? Long.parseLong(args[6]) : defaultLimit;
    String tag = limit == defaultLimit ? mode : mode + "@" + limit;
    Set<String> done = finished(out);
    for (String name : args[4].split(",")) {
      for (long seed : seeds(args[5])) {
        String id = tag + "/" + name + "/" + seed;
        if (done.contains(id)) {
          continue;
        }
        String line = run(bench, bench.problem(name), mode, seconds, limit, tag, seed);
        Files.writeString(
            out,
            line + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        System.out.println(line);
      }
    }
  }

  static String run(
      Benchmarks bench,
      Benchmarks.Problem p,
      String mode,
      double seconds,
      long maxPrograms,
      String tag,
      long seed) {
    DataFile[] data = bench.data(p, seed);
    Regressor.Config cfg =
        Regressor.Config.defaults(seed)
            .withMode(mode)
            .withSeconds(seconds)
            .withMaxEvaluations(maxPrograms <= 0 ? Long.MAX_VALUE : maxPrograms);
    Regressor.Result r = Regressor.search(bench.library(p), data[0].columns(), data[0].y(), cfg);
    boolean recovered = Canon.equivalent(r.expr(), p.truth());
    return String.format(
        Locale.ROOT,
        "{\"id\":\"%s/%s/%d\",\"mode\":\"%s\",\"run_seconds\":%s,"
            + "\"max_programs\":%d,\"problem\":\"%s\","
            + "\"seed\":%d,\"recovered\":%b,"
            + "\"train_r2\":%.12g,\"test_r2\":%.12g,\"complexity\":%d,\"seconds\":%.3f,"
            + "\"wall_seconds\":%.3f,"
            + "\"evaluations\":%d,\"iterations\":%d,\"expr\":\"%s\",\"simplified\":\"%s\","
            + "\"exact\":\"%s\"}",
        tag,
        p.name(),
        seed,
        mode,
        BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString(),
        maxPrograms,
        p.name(),
        seed,
        recovered,
        r.trainR2(),
        finite(data[1].r2(r.expr())),
        r.complexity(),
        r.seconds(),
        r.wallSeconds(),
        r.evaluations(),
        r.iterations(),
        r.expr(),
        Canon.of(r.expr()),
        Expr.exact(r.expr()));
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : -1e300;
  }

  static List<Long> seeds(String spec) {
    List<Long> s = new ArrayList<>();
    if (spec.contains("-")) {
      String[] a = spec.split("-");
      for (long i = Long.parseLong(a[0]); i <= Long.parseLong(a[1]); i++) {
        s.add(i);
      }
    } else {
      for (String x : spec.split(",")) {
        s.add(Long.parseLong(x.trim()));
      }
    }
    return s;
  }

  /** The ids of the runs already in {@code out} (JSON lines with an "id"). */
  static Set<String> finished(Path out) throws IOException {
    Set<String> ids = new HashSet<>();
    if (Files.exists(out)) {
      for (String line : Files.readAllLines(out)) {
        int i = line.indexOf("\"id\":\"");
        if (i >= 0) {
          ids.add(line.substring(i + 6, line.indexOf('"', i + 6)));
        }
      }
    }
    return ids;
  }
}
