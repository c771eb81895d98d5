package org.gyrus.nas.oneshot;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.bench.Nb201Benchmark;
import org.gyrus.search.store.MemoryTrialStore;

/**
 * A sample-based algorithm over the NB201 table, as in {@code gyrus bench nb201} but without the
 * app: {@code TableSearch ALGORITHM QUERIES REPEATS DATA_DIR [SEED]} prints one JSON line with the
 * best table accuracy of every repeat (repeat r uses seed SEED + r).
 */
public final class TableSearch {
  private TableSearch() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("error: usage: TableSearch ALGORITHM QUERIES REPEATS DATA_DIR [SEED]");
      System.exit(2);
    }
    Value algo =
        args[0].trim().startsWith("{") ? SpecCodec.fromYaml(args[0]) : new Value.StrVal(args[0]);
    int queries = Integer.parseInt(args[1]);
    int repeats = Integer.parseInt(args[2]);
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 1000;
    NasBench201 table = NasBench201.load(Path.of(args[3]));
    String label = algo instanceof Value.StrVal s ? s.value() : ((Value.Node) algo).type();
    Nb201Benchmark.Result r =
        new Nb201Benchmark(table)
            .run(algo, label, queries, repeats, seed, MemoryTrialStore::new, "table");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("algorithm", label);
    out.put("algorithm_spec", args[0]);
    out.put("queries", queries);
    out.put("repeats", repeats);
    out.put("seed", seed);
    out.put("mean_best", r.meanBest());
    out.put("std_best", r.stdBest());
    out.put("seconds", r.seconds());
    out.put("bests", r.bests());
    System.out.println(SpecCodec.json().writeValueAsString(out));
  }
}
