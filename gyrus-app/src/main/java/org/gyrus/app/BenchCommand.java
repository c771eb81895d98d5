package org.gyrus.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.gyrus.core.DataDir;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.TrialStore;
import org.gyrus.search.algo.Algorithms;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.bench.Nb201Benchmark;
import org.gyrus.search.store.MemoryTrialStore;
import org.gyrus.search.store.TrialStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyrus bench nb201}: an algorithm on the NAS-Bench-201 table, over seeded repeats. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Tabular benchmarks. nb201: best CIFAR-10 test accuracy found within Q distinct queries of",
      "the NAS-Bench-201 table, over R seeded repeats. synthetic: best value of a test function",
      "(--function, --dim) within --trials trials, minimised. The last line is one JSON object."
    })
final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BENCHMARK", description = "nb201 or synthetic")
  String benchmark;

  @Option(
      names = "--algorithm",
      required = true,
      description =
          "A registered algorithm (listed below) or a YAML node, e.g. '{_type: evolution, population: 20}'.")
  String algorithm;

  @Option(
      names = "--queries",
      defaultValue = "100",
      description = "Queries per repeat, 1..1000000 (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(
      names = "--repeats",
      defaultValue = "10",
      description = "Repeats, 1..100000 (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--seed", defaultValue = "0")
  long seed;

  @Option(
      names = "--storage",
      description = "Store every repeat as a study here (default: in memory).")
  String storage;

  @Option(
      names = "--data",
      description = "Data directory (the embedded table is used when it lacks one).")
  Path data;

  @Option(
      names = "--overhead",
      description =
          "Also time ask+tell per trial over a study of this many trials, 1..10000000"
              + " (dedupe off).")
  Integer overheadTrials;

  @Option(names = "--function", description = "synthetic: the test function, e.g. branin.")
  String function;

  @Option(names = "--dim", description = "synthetic: the dimension (default: the function's).")
  Integer dim;

  @Option(names = "--trials", defaultValue = "50", description = "synthetic: trials per repeat.")
  int trials;

  @Option(names = "--checkpoints", description = "synthetic: also the best after these trials.")
  String checkpoints;

  @Override
  public Integer call() throws Exception {
    if (benchmark.equals("synthetic")) {
      return SyntheticBench.run(algorithm, function, dim, trials, repeats, seed, checkpoints);
    }
    if (!benchmark.equals("nb201")) {
      throw new SpecError("BENCHMARK", "nb201 or synthetic", "'" + benchmark + "'");
    }
    Flags.inRange("--queries", queries, 1, 1_000_000);
    Flags.inRange("--repeats", repeats, 1, 100_000);
    if (overheadTrials != null) {
      Flags.inRange("--overhead", overheadTrials, 1, 10_000_000);
    }
    Value algo =
        algorithm.trim().startsWith("{")
            ? SpecCodec.fromYaml(algorithm)
            : new Value.StrVal(algorithm);
    Algorithms.of(algo);
    NasBench201 table = NasBench201.load(DataDir.resolve(data));
    Supplier<TrialStore> stores;
    if (storage == null) {
      stores = MemoryTrialStore::new;
    } else {
      TrialStores.open(storage).close(); // fail early on a bad location
      stores = () -> TrialStores.open(storage);
    }
    String label = algo instanceof Value.StrVal s ? s.value() : ((Value.Node) algo).type();
    Nb201Benchmark.Result r =
        new Nb201Benchmark(table)
            .run(algo, label, queries, repeats, seed, stores, "bench-nb201-s" + seed);
    System.err.printf(
        Locale.ROOT,
        "%s: %d repeats x %d queries in %.1fs (table: %s)%n",
        label,
        repeats,
        queries,
        r.seconds(),
        table.source());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("algorithm", label);
    out.put("algorithm_spec", SpecCodec.toTree(algo));
    out.put("queries", queries);
    out.put("repeats", repeats);
    out.put("seed", seed);
    out.put("mean_best", round(r.meanBest()));
    out.put("std_best", round(r.stdBest()));
    out.put("mean_regret", round(r.meanRegret()));
    out.put("found_optimum", r.bests().stream().filter(b -> b >= table.best() - 1e-9).count());
    if (overheadTrials != null) {
      Nb201Benchmark.Overhead o =
          new Nb201Benchmark(table)
              .overhead(algo, label, overheadTrials, seed, new MemoryTrialStore());
      out.put("overhead_trials", overheadTrials);
      out.put("ask_tell_ms_first_1000", round(o.msFirst1000()));
      out.put("ask_tell_ms_last_1000", round(o.msLast1000()));
      out.put("ask_tell_cpu_ms_first_1000", round(o.cpuMsFirst1000()));
      out.put("ask_tell_cpu_ms_last_1000", round(o.cpuMsLast1000()));
    }
    System.out.println(SpecCodec.json().writeValueAsString(out));
    return 0;
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
