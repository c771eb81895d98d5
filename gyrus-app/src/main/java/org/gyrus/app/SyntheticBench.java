package org.gyrus.app;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.algo.Algorithms;
import org.gyrus.search.bench.SyntheticBenchmark;
import org.gyrus.search.bench.SyntheticEvaluator;

/** {@code gyrus bench synthetic}: an algorithm minimising a test function, over seeded repeats. */
final class SyntheticBench {
  private SyntheticBench() {}

  static int run(
      String algorithm,
      String function,
      Integer dim,
      int trials,
      int repeats,
      long seed,
      String checkpoints)
      throws Exception {
    if (function == null) {
      throw new SpecError("--function", "a test function name, e.g. branin", "nothing");
    }
    if (trials < 1 || repeats < 1) {
      throw new SpecError("--trials/--repeats", "positive numbers", trials + "/" + repeats);
    }
    Value algo =
        algorithm.trim().startsWith("{")
            ? SpecCodec.fromYaml(algorithm)
            : new Value.StrVal(algorithm);
    Algorithms.of(algo);
    Value.Node spec = Value.Node.of("synthetic", "function", function);
    if (dim != null) {
      spec = spec.with("dim", new Value.IntVal(dim));
    }
    SyntheticEvaluator.Setup setup = SyntheticEvaluator.Setup.of(spec);
    int[] at = new int[0];
    if (checkpoints != null) {
      try {
        at =
            java.util.Arrays.stream(checkpoints.split(","))
                .mapToInt(c -> Integer.parseInt(c.trim()))
                .toArray();
      } catch (NumberFormatException e) {
        throw new SpecError("--checkpoints", "trial counts such as 20,50,100", checkpoints);
      }
    }
    SyntheticBenchmark.Result r = SyntheticBenchmark.run(algo, setup, trials, repeats, seed, at);
    String label = algo instanceof Value.StrVal s ? s.value() : ((Value.Node) algo).type();
    System.err.printf(
        Locale.ROOT,
        "%s on %s (dim %d): %d repeats x %d trials, %.2f ms per trial%n",
        label,
        setup.function().name(),
        setup.dim(),
        repeats,
        trials,
        r.msPerTrial());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "synthetic");
    out.put("function", setup.function().name());
    out.put("dim", setup.dim());
    out.put("optimum", setup.function().minimum(setup.dim()));
    out.put("algorithm", label);
    out.put("algorithm_spec", SpecCodec.toTree(algo));
    out.put("trials", trials);
    out.put("repeats", repeats);
    out.put("seed", seed);
    out.put("mean_best", r.meanBest());
    out.put("std_best", r.stdBest());
    out.put("bests", r.bests());
    out.put("ask_tell_ms_mean", r.msPerTrial());
    out.put("ask_tell_ms_last10_median", r.msLast10Median());
    out.put("ask_tell_cpu_ms_last10_median", r.cpuMsLast10Median());
    if (at.length > 0) {
      out.put("bests_at", r.bestsAt());
    }
    System.out.println(SpecCodec.json().writeValueAsString(out));
    return 0;
  }
}
