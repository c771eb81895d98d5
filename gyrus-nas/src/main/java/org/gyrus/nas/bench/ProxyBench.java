package org.gyrus.nas.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The training-free proxy and RoBoT benchmark (issue 14, S10 and S11), driven by
 * bench/nas_proxies/run.sh:
 *
 * <pre>
 *   score DATA OUT.jsonl CELLS SEED C N BATCH PROXY,PROXY,... [INIT: glorot|torch] [REFERENCE_CELLS]
 *   report POOL.jsonl RUNS.jsonl BUDGETS OUT.json OUT.md SETTING COMMAND [DEEP-POOL.jsonl]
 *   graspcheck DATA CELLS SEED C N BATCH INIT OUT.json OUT.md COMMAND GRASP-SPEC...   (GraspCheck)
 *   bestproxy POOL.jsonl   (prints the proxy with the highest Spearman rho in the pool)
 *   batch DATA SEED SIZE OUT.bin   (the fixed proxy batch of score: SIZE*3*32*32 float32 images,
 *                                   then SIZE int32 labels, little-endian; for the PyTorch check)
 *   robot DATA LABEL ALGORITHM-SPEC FIRST_SEED SEEDS BUDGET   (JSON lines to stdout)
 * </pre>
 */
public final class ProxyBench {
  private ProxyBench() {}

  public static void main(String[] args) throws Exception {
    switch (args.length == 0 ? "" : args[0]) {
      case "score" ->
          ProxyScoring.run(
              Path.of(args[1]),
              Path.of(args[2]),
              Integer.parseInt(args[3]),
              Long.parseLong(args[4]),
              Integer.parseInt(args[5]),
              Integer.parseInt(args[6]),
              Integer.parseInt(args[7]),
              List.of(args[8].split(",")),
              args.length > 9 && !args[9].isEmpty() ? args[9] : null,
              args.length > 10 && Boolean.parseBoolean(args[10]));
      case "report" ->
          ProxyReport.write(
              Path.of(args[1]),
              args[2].isEmpty() ? null : Path.of(args[2]),
              Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray(),
              Path.of(args[4]),
              Path.of(args[5]),
              args[6],
              args[7],
              args.length > 8 ? Path.of(args[8]) : null);
      case "robot" ->
          RobotRuns.run(
              Path.of(args[1]),
              args[2],
              args[3],
              Long.parseLong(args[4]),
              Integer.parseInt(args[5]),
              Integer.parseInt(args[6]));
      case "graspcheck" ->
          GraspCheck.run(
              Path.of(args[1]),
              Integer.parseInt(args[2]),
              Long.parseLong(args[3]),
              Integer.parseInt(args[4]),
              Integer.parseInt(args[5]),
              Integer.parseInt(args[6]),
              args[7].isEmpty() ? null : args[7],
              Path.of(args[8]),
              Path.of(args[9]),
              args[10],
              List.of(Arrays.copyOfRange(args, 11, args.length)));
      case "batch" ->
          ProxyScoring.writeBatch(
              Path.of(args[1]),
              Long.parseLong(args[2]),
              Integer.parseInt(args[3]),
              Path.of(args[4]));
      case "bestproxy" -> System.out.println(ProxyReport.bestProxy(Path.of(args[1])));
      default -> {
        System.err.println("usage: ProxyBench score|report|robot ... (see the class doc)");
        System.err.println("got: " + Arrays.toString(args));
        System.exit(2);
      }
    }
  }
}
