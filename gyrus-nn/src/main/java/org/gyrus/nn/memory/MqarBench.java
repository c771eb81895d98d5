package org.gyrus.nn.memory;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.data.Mqar;

/**
 * The MQAR row of issue 19: every mixer trained from scratch at every sequence length (pairs grow
 * with the length), recall accuracy on fresh sequences. Usage: {@code MqarBench OUT_DIR LENGTHS
 * PAIRS DIM STEPS BATCH SEED [MIXERS]}, e.g. {@code out 64,128,256 4,8,16 64 600 32 0
 * softmax,titans,memora:64}; {@code name:64/128} trains that mixer at those lengths only (null
 * elsewhere).
 */
public final class MqarBench {
  private MqarBench() {}

  /**
   * The mixers compared, by name; a memory variant may name its chunk, {@code titans@1} being the
   * exact token-by-token recurrence (the default chunk is the block's).
   */
  static Value mixer(String name) {
    switch (name) {
      case "softmax":
        return Node.of("recall_attention", "kernel", "softmax");
      case "linear":
        return Node.of("recall_attention", "kernel", "linear");
      default:
        String[] p = name.split("@");
        return p.length == 1
            ? Node.of("neural_memory", "variant", name)
            : Node.of("neural_memory", "variant", p[0], "chunk", Integer.parseInt(p[1]));
    }
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--report")) {
      MqarReport.write(Path.of(args[1]));
      return;
    }
    Path out = Path.of(args[0]);
    int[] lengths = ints(args[1]);
    int[] pairs = ints(args[2]);
    int dim = Integer.parseInt(args[3]);
    int steps = Integer.parseInt(args[4]);
    int batch = Integer.parseInt(args[5]);
    int seed = Integer.parseInt(args[6]);
    String[] mixers =
        (args.length > 7 ? args[7] : "softmax,linear,titans,moneta,yaad,memora").split(",");
    for (String entry : mixers) { // each finished run is appended to mqar_runs.jsonl
      String name = entry.split(":")[0];
      String only = entry.contains(":") ? "/" + entry.split(":")[1] + "/" : null;
      for (int i = 0; i < lengths.length; i++) {
        if (only != null && !only.contains("/" + lengths[i] + "/")) {
          continue;
        }
        Mqar task = new Mqar(256, lengths[i], pairs[i]);
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
          MqarFit fit = new MqarFit(mixer(name), dim, task, m, seed);
          long t0 = System.nanoTime();
          double[] losses = fit.train(steps, batch, 3e-3, new SplittableRandom(seed));
          double s = (System.nanoTime() - t0) / 1e9;
          double a = fit.accuracy(512, new SplittableRandom(1000 + seed));
          System.err.printf(
              Locale.ROOT,
              "%s T=%d pairs=%d params=%d loss %.3f→%.3f acc %.4f %.0fs%n",
              name,
              lengths[i],
              pairs[i],
              fit.params(),
              losses[0],
              losses[steps - 1],
              a,
              s);
          appendRun(out, name, lengths[i], pairs[i], fit.params(), a, s, steps, dim, batch, seed);
        }
      }
    }
    MqarReport.write(out);
  }

  /** One finished run as a line of mqar_runs.jsonl (the row is built from these by --report). */
  static synchronized void appendRun(
      Path out,
      String name,
      int length,
      int pairs,
      long params,
      double acc,
      double seconds,
      int steps,
      int dim,
      int batch,
      int seed)
      throws java.io.IOException {
    String line =
        String.format(
            Locale.ROOT,
            "{\"mixer\": \"%s\", \"length\": %d, \"pairs\": %d, \"params\": %d, \"accuracy\": %.6f,"
                + " \"train_seconds\": %.1f, \"steps\": %d, \"dim\": %d, \"batch\": %d, \"seed\": %d}%n",
            name,
            length,
            pairs,
            params,
            acc,
            seconds,
            steps,
            dim,
            batch,
            seed);
    java.nio.file.Files.writeString(
        out.resolve("mqar_runs.jsonl"),
        line,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  /** The titans runs (any chunk) whose accuracy exceeds linear attention's at every length. */
  static List<String> titansAboveLinear(Map<String, Object> acc) {
    List<String> above = new ArrayList<>();
    for (String name : acc.keySet()) {
      if (name.split("@")[0].equals("titans") && beatsLinear(acc, "linear", name)) {
        above.add(name);
      }
    }
    return above;
  }

  /** True when {@code better}'s accuracy exceeds {@code base}'s at every length. */
  static boolean beatsLinear(Map<String, Object> acc, String base, String better) {
    if (!acc.containsKey(base) || !acc.containsKey(better)) {
      return false;
    }
    List<?> b = (List<?>) acc.get(base);
    List<?> m = (List<?>) acc.get(better);
    for (int i = 0; i < b.size(); i++) {
      if (b.get(i) == null || m.get(i) == null || !((Double) m.get(i) > (Double) b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<Object> toList(int[] v) {
    List<Object> l = new ArrayList<>();
    for (int x : v) {
      l.add(x);
    }
    return l;
  }

  private static int[] ints(String csv) {
    String[] p = csv.split(",");
    int[] v = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      v[i] = Integer.parseInt(p[i].trim());
    }
    return v;
  }
}
