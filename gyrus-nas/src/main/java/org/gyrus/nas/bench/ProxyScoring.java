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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.gyrus.core.Dna;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nas.Nb201Macro;
import org.gyrus.nas.proxy.Proxies;
import org.gyrus.nas.proxy.Proxy;
import org.gyrus.nas.proxy.ProxyInput;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.gyrus.search.bench.NasBench201;

/**
 * Scores NB201 cells with every proxy: {@code cells} distinct cells sampled with {@code seed}, each
 * in the NB201 macro network (C channels, N cells per stage) on one fixed CIFAR-10 training batch;
 * one JSON line per cell with its table accuracy, scores and milliseconds per proxy. Appends to
 * {@code out} and skips cells already in it, so an interrupted run resumes. {@code init} (null:
 * each proxy's default) is passed to the proxies that take an {@code init} argument; {@code
 * referenceCells} builds the zero-cost-nas reference's cells (conv bias, ops on zero nodes run).
 */
final class ProxyScoring {
  /** The engine runs on the calling thread (one intra-op thread), so this is the proxy's CPU. */
  static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private ProxyScoring() {}

  /**
   * {@code proxy}'s score on {@code in}, its wall and CPU milliseconds put under {@code name} in
   * {@code ms} and {@code cpuMs} (also when it throws, which it passes on).
   */
  static double timedScore(
      Proxy proxy, ProxyInput in, String name, ObjectNode ms, ObjectNode cpuMs) {
    long t0 = System.nanoTime();
    long c0 = CPU.getCurrentThreadCpuTime();
    try {
      return proxy.score(in);
    } finally {
      ms.put(name, (System.nanoTime() - t0) / 1e6);
      cpuMs.put(name, (CPU.getCurrentThreadCpuTime() - c0) / 1e6);
    }
  }

  static void run(
      Path dataDir,
      Path out,
      int cells,
      long seed,
      int channels,
      int perStage,
      int batch,
      List<String> proxyNames,
      String init,
      boolean referenceCells)
      throws IOException {
    NasBench201 table = NasBench201.load(dataDir);
    Dataset b = batch(dataDir, seed, batch);
    Set<String> done = new HashSet<>();
    if (Files.exists(out)) {
      for (String line : Files.readAllLines(out)) {
        if (!line.isBlank()) {
          done.add(SpecCodec.json().readTree(line).get("arch").asText());
        }
      }
    }
    List<Proxy> proxies = new ArrayList<>();
    List<Value> specs = specs(proxyNames, init);
    proxyNames = new ArrayList<>();
    for (Value v : specs) {
      proxies.add(Proxies.of(v, "proxy"));
      proxyNames.add(v instanceof Value.Node n ? n.type() : ((Value.StrVal) v).value());
    }
    List<Value> sample = sample(cells, seed);
    try (Writer w =
        Files.newBufferedWriter(
            out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      for (Value cell : sample) {
        String arch = NasBench201.archString(cell);
        if (done.contains(arch)) {
          continue;
        }
        var net = Nb201Macro.of(cell, channels, perStage, referenceCells);
        ProxyInput in = new ProxyInput(net.spec(), new Shape(net.input()), 10, b.x(), b.y(), seed);
        ObjectNode row = SpecCodec.json().createObjectNode();
        row.put("arch", arch);
        row.put("accuracy", table.accuracy(cell));
        ObjectNode scores = row.putObject("scores");
        ObjectNode ms = row.putObject("ms");
        ObjectNode cpuMs = row.putObject("cpu_ms");
        for (int i = 0; i < proxies.size(); i++) {
          String name = proxyNames.get(i);
          scores.put(name, timedScore(proxies.get(i), in, name, ms, cpuMs));
        }
        w.write(SpecCodec.json().writeValueAsString(row) + "\n");
        w.flush();
      }
    }
  }

  /**
   * The fixed CIFAR-10 training batch every cell is scored on: {@code size} images drawn by seed.
   */
  static Dataset batch(Path dataDir, long seed, int size) throws IOException {
    Dataset train = Datasets.cifar10(dataDir, true, 0.1, seed).train();
    int[] pick = Dataset.permutation(train.size(), new SplittableRandom(seed));
    return train.subset(java.util.Arrays.copyOf(pick, size), "proxy-batch");
  }

  /**
   * Writes {@link #batch} to {@code out} so another implementation (bench/nas_proxies/
   * torch_reference.py) scores the very same images: the images as little-endian float32 in the
   * dataset's layout (example, channel, row, column), then the labels as little-endian int32.
   */
  static void writeBatch(Path dataDir, long seed, int size, Path out) throws IOException {
    Dataset b = batch(dataDir, seed, size);
    java.nio.ByteBuffer buf =
        java.nio.ByteBuffer.allocate(4 * (b.x().length + b.y().length))
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(b.x());
    buf.position(4 * b.x().length);
    buf.asIntBuffer().put(b.y());
    Files.write(out, buf.array());
  }

  /**
   * The proxies to score: names (each with {@code init} where it takes one), or one YAML list of
   * proxy specs ({@code [{_type: grasp, float64: true, step: 1.0e-6}]}); a pool column is named by
   * the proxy's type, so a variant goes to a pool of its own.
   */
  static List<Value> specs(List<String> names, String init) {
    String joined = String.join(",", names);
    if (joined.startsWith("[")) {
      return ((Value.ListVal) SpecCodec.fromYaml(joined)).items();
    }
    List<Value> out = new ArrayList<>();
    for (String n : names) {
      out.add(spec(n, init));
    }
    return out;
  }

  /**
   * The proxy {@code name}, with {@code init} as its initialisation when it takes an {@code init}
   * argument and {@code init} is not null.
   */
  static Value spec(String name, String init) {
    if (init != null && Proxies.registry().get(name, "proxy").type().arg("init") != null) {
      return Value.Node.of(name, "init", init);
    }
    return new Value.StrVal(name);
  }

  /** {@code n} distinct cells of the NB201 space, in the order a seeded sampler draws them. */
  static List<Value> sample(int n, long seed) {
    Space space = new Space(NasBench201.space());
    SplittableRandom rng = new SplittableRandom(seed);
    Set<Dna> seen = new HashSet<>();
    List<Value> out = new ArrayList<>();
    while (out.size() < n) {
      Dna d = space.sample(rng);
      if (seen.add(d)) {
        out.add(space.materialise(d));
      }
    }
    return out;
  }
}
