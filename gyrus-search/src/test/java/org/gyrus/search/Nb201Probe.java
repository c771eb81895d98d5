package org.gyrus.search;

import org.gyrus.core.SpecCodec;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.bench.Nb201Benchmark;
import org.gyrus.search.store.MemoryTrialStore;

/** Manual probe (not a test): java -cp ... org.gyrus.search.Nb201Probe ALGO_YAML Q R. */
public final class Nb201Probe {
  public static void main(String[] args) {
    Nb201Benchmark b = new Nb201Benchmark(NasBench201.load(null));
    var algo = SpecCodec.fromYaml(args[0]);
    for (String q : args[1].split(",")) {
      var r =
          b.run(
              algo,
              args[0],
              Integer.parseInt(q),
              Integer.parseInt(args[2]),
              0,
              MemoryTrialStore::new,
              "p");
      System.out.printf(
          "%s q=%s mean=%.3f std=%.3f %.1fs%n", args[0], q, r.meanBest(), r.stdBest(), r.seconds());
    }
    if (args.length > 3) {
      var o = b.overhead(algo, "x", Integer.parseInt(args[3]), 0, new MemoryTrialStore());
      System.out.printf(
          "overhead first1000=%.3fms last1000=%.3fms%n", o.msFirst1000(), o.msLast1000());
    }
  }
}
