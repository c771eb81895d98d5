package org.gyrus.nas.bench;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nas.proxy.Proxies;
import org.gyrus.nas.proxy.Proxy;
import org.gyrus.nas.proxy.ProxyInput;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.EpochListener;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainAndEvaluate;
import org.gyrus.nn.train.TrainResult;

/**
 * Ground truth for the proxies on a recurrent / attention space (issue 14 §1, S10): distinct models
 * sampled with a seed from a Gyrus space over sequence blocks, each scored by every proxy on one
 * fixed training batch and then trained with {@link TrainAndEvaluate} (one recipe and seed for
 * all), on Fashion-MNIST read row by row (28 steps of 28 pixels). One JSON line per model, appended
 * as it finishes, so an interrupted run resumes; {@link SeqProxyReport} reads them back.
 *
 * <pre>
 *   score DATA SPACE.yaml OUT.jsonl MODELS SEED TRAIN VAL TEST BATCH RECIPE-YAML PROXY,PROXY,...
 *   report POOL.jsonl OUT.json OUT.md SETTING COMMAND
 * </pre>
 */
public final class SeqProxyBench {
  private SeqProxyBench() {}

  public static void main(String[] args) throws Exception {
    switch (args.length == 0 ? "" : args[0]) {
      case "score" ->
          score(
              Path.of(args[1]),
              Path.of(args[2]),
              Path.of(args[3]),
              Integer.parseInt(args[4]),
              Long.parseLong(args[5]),
              new int[] {
                Integer.parseInt(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8])
              },
              Integer.parseInt(args[9]),
              Recipe.from((Value.Node) SpecCodec.fromYaml(args[10])),
              List.of(args[11].split(",")));
      case "report" ->
          SeqProxyReport.write(
              Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), args[4], args[5]);
      default -> {
        System.err.println("usage: SeqProxyBench score|report ... (see the class doc)");
        System.exit(2);
      }
    }
  }

  /** One model's row: its spec, trained accuracies and each proxy's score, time or failure. */
  record Scored(String arch, ObjectNode row) {}

  static void score(
      Path dataDir,
      Path spaceFile,
      Path out,
      int models,
      long seed,
      int[] sizes,
      int batch,
      Recipe recipe,
      List<String> proxyNames)
      throws IOException {
    DataSplits data = sequences(dataDir, seed, sizes[0], sizes[1], sizes[2]);
    Dataset b = data.train().head(batch);
    Set<String> done = new HashSet<>();
    if (Files.exists(out)) {
      for (String line : Files.readAllLines(out)) {
        if (!line.isBlank()) {
          done.add(SpecCodec.json().readTree(line).get("arch").asText());
        }
      }
    }
    List<Proxy> proxies = proxyNames.stream().map(Proxies::of).toList();
    try (Writer w =
        Files.newBufferedWriter(
            out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      for (Value spec : sample(new Space(SpecCodec.read(spaceFile)), models, seed)) {
        String arch = SpecCodec.toCompactJson(spec);
        if (done.contains(arch)) {
          continue;
        }
        ProxyInput in = new ProxyInput(spec, data.train().exampleShape(), 10, b.x(), b.y(), seed);
        Scored s = scoreAndTrain(arch, in, proxyNames, proxies, recipe, data);
        w.write(SpecCodec.json().writeValueAsString(s.row()) + "\n");
        w.flush();
        System.err.printf(
            "model %d: val %.4f%n", done.size() + 1, s.row().get("accuracy").asDouble());
        done.add(arch);
      }
    }
  }

  /**
   * Scores {@code in} with every proxy (a proxy that throws on this model gets NaN and its error
   * message in {@code errors}, so the report can say where it cannot run) and then trains the
   * model.
   */
  static Scored scoreAndTrain(
      String arch,
      ProxyInput in,
      List<String> names,
      List<Proxy> proxies,
      Recipe recipe,
      DataSplits data) {
    ObjectNode row = SpecCodec.json().createObjectNode();
    row.put("arch", arch);
    ObjectNode scores = row.putObject("scores");
    ObjectNode ms = row.putObject("ms");
    ObjectNode cpuMs = row.putObject("cpu_ms");
    ObjectNode errors = row.putObject("errors");
    for (int i = 0; i < proxies.size(); i++) {
      double s;
      try {
        s = ProxyScoring.timedScore(proxies.get(i), in, names.get(i), ms, cpuMs);
      } catch (RuntimeException e) {
        s = Double.NaN;
        errors.put(names.get(i), e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
      }
      scores.put(names.get(i), s);
    }
    long t0 = System.nanoTime();
    long c0 = ProxyScoring.CPU.getCurrentThreadCpuTime();
    TrainResult r =
        TrainAndEvaluate.run(
            in.spec(), recipe, data, EpochListener.none(), new ProgressBar("seq", false));
    row.put("train_ms", (System.nanoTime() - t0) / 1e6);
    row.put("train_cpu_ms", (ProxyScoring.CPU.getCurrentThreadCpuTime() - c0) / 1e6);
    row.put("accuracy", r.valAccuracy());
    row.put("test_accuracy", r.testAccuracy());
    row.put("train_loss", r.finalTrainLoss());
    row.put("model_params", r.params());
    return new Scored(arch, row);
  }

  private static String firstLine(String m) {
    return m == null ? "" : m.lines().findFirst().orElse("");
  }

  /**
   * Fashion-MNIST as sequences of 28 rows of 28 pixels: {@code train} training and {@code val}
   * validation images drawn (seeded) from the 60k training set, and the first {@code test} test
   * images; standardised with training statistics (as {@link Datasets#idx} does).
   */
  static DataSplits sequences(Path dataDir, long seed, int train, int val, int test) {
    DataSplits full = Datasets.idx(dataDir, "fashion-mnist", 0.1, seed);
    int[] pick = Dataset.permutation(full.train().size(), new SplittableRandom(seed));
    Dataset tr = full.train().subset(Arrays.copyOf(pick, train), "seq-fashion/train");
    int[] vpick = Dataset.permutation(full.validation().size(), new SplittableRandom(seed + 1));
    Dataset va = full.validation().subset(Arrays.copyOf(vpick, val), "seq-fashion/validation");
    return new DataSplits(rows(tr), rows(va), rows(full.test().head(test)));
  }

  /** An image set (1,28,28) or (28,28) seen as 28 time steps of 28 features. */
  static Dataset rows(Dataset d) {
    Shape s = d.exampleShape();
    long side = s.get(s.dimension() - 1);
    return new Dataset(d.name(), d.x(), d.y(), new Shape(s.size() / side, side), d.classes());
  }

  /**
   * {@code n} distinct points of {@code space}, materialised, in the order a seeded sampler draws.
   */
  static List<Value> sample(Space space, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Set<String> seen = new HashSet<>();
    List<Value> out = new ArrayList<>();
    for (int tries = 0; out.size() < n && tries < 100 * n; tries++) {
      Value v = space.materialise(space.sample(rng));
      if (seen.add(SpecCodec.toCompactJson(v))) { // two DNAs may differ only in unused decisions
        out.add(v);
      }
    }
    return out;
  }
}
