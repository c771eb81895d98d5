package org.gyrus.nas.oneshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.core.Decision;
import org.gyrus.core.Dna;
import org.gyrus.core.Space;
import org.gyrus.core.Value;
import org.gyrus.search.bench.NasBench201;

/**
 * One NAS-Bench-201 cell as six op indices (into {@link NasBench201#OPS}, edges in NB201 string
 * order): decoded from architecture parameters by a per-edge argmax, and turned into the NB201
 * string the table is keyed by, the cell spec, or a point of {@link NasBench201#space()}.
 */
public record Genotype(int[] ops) {
  public static final int EDGES = NasBench201.EDGES.length;
  public static final int OPS = NasBench201.OPS.size();
  public static final int COUNT = 15625;

  public Genotype {
    if (ops.length != EDGES) {
      throw new IllegalArgumentException("a genotype has 6 edges, got " + ops.length);
    }
    for (int o : ops) {
      if (o < 0 || o >= OPS) {
        throw new IllegalArgumentException("op index " + o + " outside 0.." + (OPS - 1));
      }
    }
    ops = ops.clone();
  }

  /** The per-edge argmax of architecture parameters {@code alpha[edge][op]} (ties: lower op). */
  public static Genotype argmax(double[][] alpha) {
    int[] ops = new int[EDGES];
    for (int e = 0; e < EDGES; e++) {
      for (int k = 1; k < OPS; k++) {
        if (alpha[e][k] > alpha[e][ops[e]]) {
          ops[e] = k;
        }
      }
    }
    return new Genotype(ops);
  }

  /** A cell drawn uniformly from all 15,625. */
  public static Genotype random(java.util.random.RandomGenerator rng) {
    return ofIndex(rng.nextInt(COUNT));
  }

  /** Per-edge softmax of flat architecture parameters (edge-major, 6×5), [edge][op]. */
  public static double[][] softmax(double[] flat) {
    double[][] p = new double[EDGES][OPS];
    for (int e = 0; e < EDGES; e++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < OPS; k++) {
        max = Math.max(max, flat[e * OPS + k]);
      }
      double sum = 0;
      for (int k = 0; k < OPS; k++) {
        p[e][k] = Math.exp(flat[e * OPS + k] - max);
        sum += p[e][k];
      }
      for (int k = 0; k < OPS; k++) {
        p[e][k] /= sum;
      }
    }
    return p;
  }

  /** A cell drawn edge by edge from per-edge operation probabilities p[edge][op]. */
  public static Genotype sample(double[][] p, java.util.random.RandomGenerator rng) {
    int[] ops = new int[EDGES];
    for (int e = 0; e < EDGES; e++) {
      double u = rng.nextDouble();
      int k = 0;
      while (k < OPS - 1 && (u -= p[e][k]) > 0) {
        k++;
      }
      ops[e] = k;
    }
    return new Genotype(ops);
  }

  /** The i-th of the 15,625 cells, edge 0 as the most significant base-5 digit. */
  public static Genotype ofIndex(int i) {
    if (i < 0 || i >= COUNT) {
      throw new IllegalArgumentException("cell index " + i + " outside 0..15624");
    }
    int[] ops = new int[EDGES];
    for (int e = EDGES - 1; e >= 0; e--) {
      ops[e] = i % OPS;
      i /= OPS;
    }
    return new Genotype(ops);
  }

  /**
   * The cell of an NB201 string such as {@code |nor_conv_3x3~0|+|skip_connect~0|none~1|+|...|};
   * anything else fails naming what was expected.
   */
  public static Genotype parse(String arch) {
    String[] nodes = arch.split("\\+");
    int[] ops = new int[EDGES];
    int e = 0;
    for (int to = 1; to <= nodes.length && to <= 3; to++) {
      String[] tokens = nodes[to - 1].split("\\|");
      for (String token : tokens) {
        if (token.isEmpty()) {
          continue;
        }
        int tilde = token.indexOf('~');
        int k = tilde < 0 ? -1 : NasBench201.OPS.indexOf(token.substring(0, tilde));
        if (k < 0
            || e >= EDGES
            || NasBench201.EDGES[e][0] != to
            || !token.substring(tilde + 1).equals("" + NasBench201.EDGES[e][1])) {
          throw new IllegalArgumentException(
              "'" + arch + "': expected OP~FROM tokens in NB201 order, found '" + token + "'");
        }
        ops[e++] = k;
      }
    }
    if (e != EDGES || nodes.length != 3) {
      throw new IllegalArgumentException("'" + arch + "': expected 6 edges in 3 nodes");
    }
    return new Genotype(ops);
  }

  /** The same op on every edge, e.g. the all-{@code nor_conv_3x3} reference cell. */
  public static Genotype uniform(String op) {
    int k = NasBench201.OPS.indexOf(op);
    return new Genotype(new int[] {k, k, k, k, k, k});
  }

  /** The cell spec {@code {_type: cell, nodes: 4, edges: [...]}}. */
  public Value.Node cell() {
    List<Value> edges = new ArrayList<>();
    for (int e = 0; e < EDGES; e++) {
      int[] fromTo = NasBench201.EDGES[e];
      edges.add(
          Value.Node.of(
              "edge", "from", fromTo[1], "to", fromTo[0], "op", NasBench201.OPS.get(ops[e])));
    }
    return Value.Node.of("cell", "nodes", 4, "edges", edges);
  }

  /** The NB201 string, e.g. {@code |nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|...|}. */
  public String arch() {
    return NasBench201.archString(cell());
  }

  /** The point of {@code space} ({@link NasBench201#space()}) that materialises to this cell. */
  public Dna dna(Space space) {
    List<Decision> ds = space.dnaSpec().decisions();
    Map<String, Long> values = new LinkedHashMap<>();
    for (int e = 0; e < EDGES; e++) {
      values.put(ds.get(e).id(), (long) ops[e]);
    }
    return new Dna(new LinkedHashMap<>(values));
  }

  public double tableAccuracy(NasBench201 table) {
    return table.accuracy(cell());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Genotype g && java.util.Arrays.equals(ops, g.ops);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(ops);
  }

  @Override
  public String toString() {
    return arch();
  }
}
