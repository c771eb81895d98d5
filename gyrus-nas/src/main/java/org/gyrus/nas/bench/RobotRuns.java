package org.gyrus.nas.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.store.MemoryTrialStore;

/**
 * Search on the NB201 table counted in table queries: one ordinary study per (method, seed), each
 * trial one query of the table; prints one JSON line per run with the accuracy of every query in
 * order and the propose time. Methods are algorithm specs ({@code random}, {@code {_type: robot,
 * pool: ...}}).
 */
final class RobotRuns {
  private RobotRuns() {}

  static void run(Path dataDir, String label, String algorithm, long first, int seeds, int budget)
      throws Exception {
    NasBench201 table = NasBench201.load(dataDir);
    Value spec = SpecCodec.fromYaml(algorithm);
    for (long seed = first; seed < first + seeds; seed++) {
      ObjectNode line = SpecCodec.json().createObjectNode();
      line.put("method", label).put("algorithm", algorithm).put("seed", seed);
      ArrayNode accs = line.putArray("accuracy");
      double ms = 0;
      try (TrialStore store = new MemoryTrialStore();
          Study s =
              Study.open(
                  store,
                  "robot-bench",
                  NasBench201.space(),
                  List.of(Direction.MAXIMIZE),
                  spec,
                  seed,
                  Study.Options.DEFAULT)) {
        for (int i = 0; i < budget; i++) {
          long t0 = System.nanoTime();
          Trial t = s.ask();
          ms += (System.nanoTime() - t0) / 1e6;
          double acc = table.accuracy(t.params());
          s.tell(t, acc);
          accs.add(acc);
        }
      }
      line.put("ask_ms_mean", ms / budget);
      System.out.println(line);
    }
  }
}
