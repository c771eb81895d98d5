package org.gyrus.search.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.gyrus.core.DataDir;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Values;

/**
 * The NAS-Bench-201 cell space (4 nodes, 6 edges, 5 operations each: 15,625 cells) as an ordinary
 * Gyrus space, and the table of CIFAR-10 test accuracies that makes it a tabular benchmark.
 */
public final class NasBench201 {
  public static final List<String> OPS =
      List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");

  /** Edges in the order of NB201 architecture strings: (to, from). */
  public static final int[][] EDGES = {{1, 0}, {2, 0}, {2, 1}, {3, 0}, {3, 1}, {3, 2}};

  public static final String DATA_FILE = "nas-bench-201/nb201-cifar10.csv";
  private static final String EMBEDDED = "nb201-cifar10.csv.gz";

  private final Map<String, Double> accuracy;
  private final String source;

  private NasBench201(Map<String, Double> accuracy, String source) {
    this.accuracy = accuracy;
    this.source = source;
  }

  /** The cell space: a {@code cell} node whose every edge chooses one of {@link #OPS}. */
  public static Value.Node space() {
    List<Value> edges = new ArrayList<>();
    for (int[] e : EDGES) {
      edges.add(Value.Node.of("edge", "from", e[1], "to", e[0], "op", Values.oneOf(OPS.toArray())));
    }
    return Value.Node.of("cell", "nodes", 4, "edges", edges);
  }

  /** The table from the data directory when it is there, else the copy inside Gyrus. */
  public static NasBench201 load(Path dataDir) {
    var file =
        dataDir == null ? java.util.Optional.<Path>empty() : DataDir.find(dataDir, DATA_FILE);
    try {
      if (file.isPresent()) {
        try (InputStream in = Files.newInputStream(file.get())) {
          return parse(in, file.get().toString());
        }
      }
      try (InputStream raw = NasBench201.class.getResourceAsStream(EMBEDDED)) {
        if (raw == null) {
          throw new IllegalStateException("embedded NAS-Bench-201 table missing from the jar");
        }
        return parse(new GZIPInputStream(raw), "embedded " + EMBEDDED);
      }
    } catch (IOException e) {
      throw new SpecError(
          file.map(Path::toString).orElse(EMBEDDED),
          "a readable NAS-Bench-201 table: " + e.getMessage());
    }
  }

  static NasBench201 parse(InputStream in, String source) throws IOException {
    Map<String, Double> acc = new HashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = r.readLine();
    if (header == null || !header.startsWith("index,arch,")) {
      throw new SpecError(
          source + ":1", "the header 'index,arch,cifar10_test_acc_200ep'", String.valueOf(header));
    }
    String line;
    int lineNo = 1;
    while ((line = r.readLine()) != null) {
      lineNo++;
      String[] parts = line.split(",");
      if (parts.length != 3) {
        throw new SpecError(
            source + ":" + lineNo, "3 comma-separated fields", parts.length + " fields");
      }
      try {
        acc.put(parts[1], Double.parseDouble(parts[2]));
      } catch (NumberFormatException e) {
        throw new SpecError(source + ":" + lineNo, "an accuracy number", "'" + parts[2] + "'");
      }
    }
    if (acc.size() != 15625) {
      throw new SpecError(source, "15625 architectures", acc.size() + " (truncated file?)");
    }
    return new NasBench201(acc, source);
  }

  /** The NB201 string of a concrete cell, e.g. {@code |nor_conv_3x3~0|+|...|}. */
  public static String archString(Value concrete) {
    if (!(concrete instanceof Value.Node cell) || !cell.type().equals("cell")) {
      throw new SpecError("", "a cell node", String.valueOf(concrete));
    }
    String[] ops = new String[EDGES.length];
    List<Value> edges = cell.listArg("edges");
    for (int k = 0; k < edges.size(); k++) {
      if (!(edges.get(k) instanceof Value.Node e) || !e.type().equals("edge")) {
        throw new SpecError(
            "edges[" + k + "]",
            "an edge node {_type: edge, from, to, op}",
            edges.get(k).toString());
      }
      int to = (int) e.intArg("to", -1);
      int from = (int) e.intArg("from", -1);
      for (int i = 0; i < EDGES.length; i++) {
        if (EDGES[i][0] == to && EDGES[i][1] == from) {
          ops[i] = e.strArg("op", null);
          if (ops[i] != null && !OPS.contains(ops[i])) {
            throw new SpecError("edges[" + k + "].op", "one of " + OPS, "'" + ops[i] + "'");
          }
        }
      }
    }
    StringBuilder sb = new StringBuilder("|");
    for (int i = 0; i < EDGES.length; i++) {
      if (ops[i] == null) {
        throw new SpecError(
            "edges", "an op on edge " + EDGES[i][1] + "->" + EDGES[i][0], "none given");
      }
      sb.append(ops[i]).append('~').append(EDGES[i][1]).append('|');
      if (i == 0 || i == 2) {
        sb.append("+|");
      }
    }
    return sb.toString();
  }

  public double accuracy(Value concrete) {
    String arch = archString(concrete);
    Double a = accuracy.get(arch);
    if (a == null) {
      throw new SpecError("", "an architecture of the NAS-Bench-201 table", arch);
    }
    return a;
  }

  public double best() {
    return accuracy.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }

  public String source() {
    return source;
  }
}
