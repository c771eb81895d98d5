import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.datalog.engine.Database;

/**
 * Gyrus in-process timings for bench.py, one JSON line on stdout.
 *
 * <pre>
 * point FILE PRED S1,S2,...            load once, then the point queries PRED(s, Y) one by one
 * update FILE EDGE NODES K SEED        materialize, add K random edges, remove them, then time
 *                                      one full recomputation in this JVM
 * churn FILE EDGE K SEED [ROUNDS]      materialize, remove K random existing EDGE facts, add them
 *                                      back (ROUNDS times), then time three full recomputations
 * </pre>
 *
 * <p>Besides wall times ({@code *_ms}) each step reports the CPU time of the whole process ({@code
 * *_cpu_ms}, garbage collection included): on a shared machine it is the steadier of the two.
 */
public final class GyrusBench {
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    org.gyrus.logic.datalog.Ast.Program program = Parser.parseFile(Path.of(args[1]));
    Database db = Database.load(program);
    double loadMs = (System.nanoTime() - t0) / 1e6;
    if (args[0].equals("churn")) {
      List<Atom> have = new ArrayList<>();
      for (var r : program.rules()) {
        if (r.isFact() && r.head().pred().equals(args[2])) {
          have.add(r.head());
        }
      }
      Random rng = new Random(Long.parseLong(args[4]));
      int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 1;
      for (int round = 0; round < rounds; round++) { // later rounds: the update code is compiled
        java.util.Collections.shuffle(have, rng);
        report(db, loadMs, List.copyOf(have.subList(0, Integer.parseInt(args[3]))), true);
      }
      recompute(program, 3); // full recomputations in this JVM, compiled like the updates
    } else if (args[0].equals("point")) {
      point(db, loadMs, args[2], args[3].split(","));
    } else {
      update(db, loadMs, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Long.parseLong(args[5]));
      recompute(program, 1);
    }
  }

  /** Process CPU time in ms (all threads, GC included). */
  private static double cpuMs() {
    return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e6;
  }

  /** Times full recomputations (a new Database each) while the updated one stays alive; medians. */
  private static void recompute(org.gyrus.logic.datalog.Ast.Program program, int times) {
    double[] ms = new double[times];
    double[] cpu = new double[times];
    long tuples = 0;
    for (int i = 0; i < times; i++) {
      long t = System.nanoTime();
      double c = cpuMs();
      tuples = Database.load(program).tuples();
      ms[i] = (System.nanoTime() - t) / 1e6;
      cpu[i] = cpuMs() - c;
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    System.out.printf(
        "{\"recompute_ms\": %.2f, \"recompute_cpu_ms\": %.2f, \"recomputes\": %d, \"tuples\": %d}%n",
        ms[times / 2], cpu[times / 2], times, tuples);
  }

  private static void point(Database db, double loadMs, String pred, String[] sources) {
    int queries = sources.length;
    double[] ms = new double[queries];
    long answers = 0;
    for (int i = 0; i < queries; i++) {
      Atom q = Parser.parseQuery(pred + "(" + sources[i] + ", Y)");
      long t = System.nanoTime();
      answers += db.query(q).rows().length;
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "{\"load_ms\": %.2f, \"queries\": %d, \"answers\": %d, \"first_ms\": %.3f, \"median_ms\": %.3f,"
            + " \"p99_ms\": %.3f}%n",
        loadMs, queries, answers, ms[0], sorted[queries / 2], sorted[Math.min(queries - 1, (int) Math.ceil(queries * 0.99) - 1)]);
  }

  private static void update(Database db, double loadMs, String edge, int nodes, int k, long seed) {
    Random rng = new Random(seed);
    List<Atom> edges = new ArrayList<>();
    while (edges.size() < k) {
      int a = rng.nextInt(nodes);
      int b = rng.nextInt(nodes);
      if (a != b) {
        edges.add(Parser.parseQuery(edge + "(" + a + ", " + b + ")"));
      }
    }
    report(db, loadMs, edges, false);
  }

  /** Times materialization, then the two updates (removal first when {@code removeFirst}). */
  private static void report(Database db, double loadMs, List<Atom> edges, boolean removeFirst) {
    long t = System.nanoTime();
    double c = cpuMs();
    long tuples = db.tuples();
    double fullMs = (System.nanoTime() - t) / 1e6;
    double fullCpu = cpuMs() - c;
    int k = edges.size();
    Database.Update del = null;
    double delCpu = 0;
    if (removeFirst) {
      c = cpuMs();
      del = db.update(List.of(), edges);
      delCpu = cpuMs() - c;
    }
    c = cpuMs();
    Database.Update add = db.update(edges, List.of());
    double addCpu = cpuMs() - c;
    if (!removeFirst) {
      c = cpuMs();
      del = db.update(List.of(), edges);
      delCpu = cpuMs() - c;
    }
    System.out.printf(
        "{\"load_ms\": %.2f, \"full_ms\": %.2f, \"full_cpu_ms\": %.2f, \"tuples\": %d, \"k\": %d,"
            + " \"add_ms\": %.3f, \"add_cpu_ms\": %.2f, \"add_method\": \"%s\", \"tuples_after_add\": %d,"
            + " \"remove_ms\": %.3f, \"remove_cpu_ms\": %.2f, \"remove_method\": \"%s\","
            + " \"tuples_after_remove\": %d, \"remove_first\": %b}%n",
        loadMs, fullMs, fullCpu, tuples, k, add.micros() / 1e3, addCpu, add.method(),
        add.tuplesAfter(), del.micros() / 1e3, delCpu, del.method(), del.tuplesAfter(), removeFirst);
  }
}
