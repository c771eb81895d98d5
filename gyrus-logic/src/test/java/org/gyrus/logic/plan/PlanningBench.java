package org.gyrus.logic.plan;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The planning bench's driver (bench/planning/run.sh): solves the instances listed in a file (one
 * {@code DOMAIN_FILE PROBLEM_FILE ID} per line) in this one JVM, validates every plan with {@link
 * Validator}, and prints one JSON line per instance.
 *
 * <p>Usage: {@code PlanningBench LIST TIMEOUT_SECONDS [optimal]}: the limit is this thread's CPU
 * time spent searching (the planning competitions' convention), so a loaded machine does not change
 * which instances count as solved; wall time is reported beside it.
 */
public final class PlanningBench {
  private PlanningBench() {}

  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    double timeout = Double.parseDouble(args[1]);
    boolean optimal = args.length > 2 && args[2].equals("optimal");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String[] p = line.trim().split("\\s+");
      out.println(one(Path.of(p[0]), Path.of(p[1]), p[2], timeout, optimal));
    }
  }

  static String one(Path domain, Path problem, String id, double timeout, boolean optimal) {
    System.gc();
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    long t0 = System.nanoTime();
    try {
      Pddl.Domain d = PddlParser.parseDomain(domain);
      Pddl.Problem pr = PddlParser.parseProblem(problem, d);
      Planner.Options o =
          (optimal ? Planner.Options.optimal(timeout) : Planner.Options.satisficing(timeout))
              .onCpuTime();
      long c0 = Planner.cpuNanos();
      Planner.Result r = Planner.solve(d, pr, o);
      double secs = (System.nanoTime() - t0) / 1e9;
      double cpu = (Planner.cpuNanos() - c0) / 1e9;
      long peak = 0;
      for (MemoryPoolMXBean m : pools) {
        if (m.getType() == MemoryType.HEAP) {
          peak += m.getPeakUsage().getUsed();
        }
      }
      String valid = "null";
      String error = "";
      if (r.status() == Planner.Status.SOLVED) {
        Validator.Verdict v = Validator.validate(d, pr, r.plan());
        valid = Boolean.toString(v.valid() && v.cost() == r.cost());
        error =
            v.valid()
                ? (v.cost() == r.cost() ? "" : "cost " + v.cost() + " != " + r.cost())
                : v.error();
      }
      return String.format(
          Locale.ROOT,
          "{\"id\":\"%s\",\"status\":\"%s\",\"length\":%d,\"cost\":%d,\"valid\":%s,"
              + "\"seconds\":%.3f,\"cpu_seconds\":%.3f,\"ground_seconds\":%.3f,\"facts\":%d,\"operators\":%d,"
              + "\"expanded\":%d,\"evaluated\":%d,\"peak_heap_mb\":%.1f,\"optimal\":%s,"
              + "\"error\":\"%s\"}",
          id,
          r.status(),
          r.plan().size(),
          r.cost(),
          valid,
          secs,
          cpu,
          r.groundSeconds(),
          r.facts(),
          r.operators(),
          r.expanded(),
          r.evaluated(),
          peak / 1048576.0,
          r.optimal(),
          error.replace("\\", "\\\\").replace("\"", "'"));
    } catch (RuntimeException | OutOfMemoryError e) {
      double secs = (System.nanoTime() - t0) / 1e9;
      return String.format(
          Locale.ROOT,
          "{\"id\":\"%s\",\"status\":\"ERROR\",\"seconds\":%.3f,\"error\":\"%s\"}",
          id,
          secs,
          String.valueOf(e).replace("\\", "\\\\").replace("\"", "'"));
    }
  }
}
