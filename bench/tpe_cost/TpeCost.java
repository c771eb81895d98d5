import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.search.Direction;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.store.MemoryTrialStore;

/**
 * Ask+tell CPU cost of an algorithm on a mixed space (a real, a log-scaled real, and a choice
 * whose options carry an integer or a real of their own), through the Study ask/tell API on the
 * memory store: the asking thread's CPU ms per ask+tell, median of the 10 trials before each
 * checkpoint. Prints one JSON line.
 *   java -cp "gyrus-app/target/*:gyrus-app/target/lib/*" bench/tpe_cost/TpeCost.java \
 *     [ALGORITHM=tpe] [CHECKPOINTS=200,1000,10000] [SEED=0]
 */
public class TpeCost {
  static final Value SPACE =
      Value.Node.of(
          "f",
          "x",
          Values.floatRange(-5, 5, false),
          "lr",
          Values.floatRange(1e-5, 1, true),
          "shape",
          Values.oneOf(
              Value.Node.of("bowl", "k", Values.intRange(1, 64)),
              Value.Node.of("ridge", "w", Values.floatRange(0, 1, false)),
              Value.Node.of("flat")));

  static double value(Value.Node p) {
    double x = p.floatArg("x", 0);
    double lr = Math.log10(p.floatArg("lr", 1e-3));
    Value.Node shape = (Value.Node) p.args().get("shape");
    double extra =
        switch (shape.type()) {
          case "bowl" -> Math.abs(shape.floatArg("k", 0) - 17) / 8.0;
          case "ridge" -> 0.5 + shape.floatArg("w", 0);
          default -> 1.5;
        };
    return (x - 1.3) * (x - 1.3) + (lr + 3.2) * (lr + 3.2) + extra;
  }

  public static void main(String[] args) throws Exception {
    String algorithm = args.length > 0 ? args[0] : "tpe";
    String[] at = (args.length > 1 ? args[1] : "200,1000,10000").split(",");
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 0;
    List<Integer> checkpoints = new ArrayList<>();
    for (String a : at) {
      checkpoints.add(Integer.parseInt(a.trim()));
    }
    int trials = Collections.max(checkpoints);
    Value algo =
        algorithm.trim().startsWith("{") ? SpecCodec.fromYaml(algorithm) : new Value.StrVal(algorithm);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    StringBuilder out = new StringBuilder("{\"space\":\"mixed\",\"algorithm\":");
    out.append(SpecCodec.json().writeValueAsString(SpecCodec.toTree(algo)));
    out.append(",\"seed\":").append(seed);
    List<Double> window = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    try (MemoryTrialStore store = new MemoryTrialStore();
        Study study =
            Study.open(
                store, "cost", SPACE, List.of(Direction.MINIMIZE), algo, seed, Study.Options.DEFAULT)) {
      for (int i = 1; i <= trials; i++) {
        long c0 = cpu.getCurrentThreadCpuTime();
        Trial t = study.ask();
        long c1 = cpu.getCurrentThreadCpuTime();
        double y = value((Value.Node) t.params());
        long c2 = cpu.getCurrentThreadCpuTime();
        study.tell(t, y);
        double ms = ((c1 - c0) + (cpu.getCurrentThreadCpuTime() - c2)) / 1e6;
        best = Math.min(best, y);
        window.add(ms);
        if (window.size() > 10) {
          window.remove(0);
        }
        if (checkpoints.contains(i)) {
          List<Double> sorted = new ArrayList<>(window);
          Collections.sort(sorted);
          out.append(String.format(java.util.Locale.ROOT,
              ",\"cpu_ms_at_%d\":%.3f,\"best_at_%d\":%.6g", i, sorted.get(sorted.size() / 2), i, best));
        }
      }
    }
    System.out.println(out.append('}'));
  }
}
