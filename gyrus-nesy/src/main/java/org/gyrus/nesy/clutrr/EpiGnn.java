package org.gyrus.nesy.clutrr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.Scalars;

/**
 * Epistemic GNN (EpiGNN, Khalid and Schockaert) with a composition that is associative by
 * construction. A node's state is a probability distribution over {@code states} latent relations
 * to the source (an epistemic state: how plausible each latent relation is). Each relation r is a
 * row-stochastic matrix M_r = softmax(W_r) and the message along an edge (u, r, v) is s_u · M_r, so
 * composing relations is multiplying matrices, which is associative whatever is learned: the state
 * after a path is e_0 · M_r1 ⋯ M_rk in any bracketing. A node's incoming messages are met by the
 * component-wise min (the lattice meet: what all its paths allow) or max (the join), then
 * renormalised. The source starts at the one-hot e_0; the answer distribution is s_t · C, C =
 * softmax(V) a learned row-stochastic read-out from latent states to relation names.
 */
public final class EpiGnn implements StoryModel {
  /** How a node meets its incoming messages. */
  public enum Aggregation {
    MIN,
    MAX
  }

  /** The registered learner {@code epignn}. */
  @Register
  public static final class Factory implements StoryLearnerFactory {
    @Override
    public NodeType type() {
      List<ArgSpec> args =
          new ArrayList<>(
              List.of(
                  ArgSpec.optional("states", Kind.INT, 40).range(2, 4096).doc("latent relations"),
                  ArgSpec.optional("aggregation", Kind.STR, "min")
                      .oneOf("min", "max")
                      .doc("how a node meets its incoming messages"),
                  ArgSpec.optional("anchored", Kind.BOOL, true)
                      .doc("state 1+r = relation r (one edge r leads there, it reads out as r)"),
                  ArgSpec.optional("consistency", Kind.FLOAT, 1.0)
                      .range(0, 1e6)
                      .doc("weight of ||M_a M_b - M_c||^2 over the training facts a.b=c"),
                  ArgSpec.optional("fact_length", Kind.INT, 2)
                      .range(2, 16)
                      .doc("training chains of 2..this many edges are consistency facts")));
      args.addAll(List.of(StoryLearnerFactory.training(0.03)));
      return NodeType.of(
          "epignn",
          "epistemic GNN: states are distributions over latent relations, relations are"
              + " row-stochastic matrices (associative composition), min/max meet",
          args.toArray(new ArgSpec[0]));
    }

    @Override
    public ClutrrTraining.Config configure(Args a, long seed) {
      return new ClutrrTraining.Config(
          "epignn",
          a.smallInt("states"),
          Aggregation.valueOf(a.string("aggregation").toUpperCase(Locale.ROOT)),
          a.bool("anchored"),
          a.number("consistency"),
          a.smallInt("fact_length"),
          a.smallInt("epochs"),
          a.smallInt("batch"),
          a.number("lr"),
          seed,
          a.smallInt("train_limit"));
    }
  }

  private final int relations;
  private final int states;
  private final Aggregation aggregation;
  private final NDArray compose;
  private final NDArray readout;
  private final boolean anchored;

  /**
   * @param relations relation vocabulary size (edge types and answers share it)
   * @param states latent relations per epistemic state
   */
  public EpiGnn(
      int relations, int states, Aggregation aggregation, NDManager m, DataType type, long seed) {
    this(relations, states, aggregation, false, m, type, seed);
  }

  /**
   * @param anchored latent state 0 is "the source itself" and state 1 + r is "relation r": one edge
   *     r from the source leads to state 1 + r (row 0 of M_r fixed) and state 1 + r reads out as r
   *     (rows 1..R of C fixed); the other rows, and states past 1 + R, are learned. Then row 1 + a
   *     of M_b is the composition a∘b itself.
   */
  public EpiGnn(
      int relations,
      int states,
      Aggregation aggregation,
      boolean anchored,
      NDManager m,
      DataType type,
      long seed) {
    if (anchored && states < relations + 1) {
      throw new IllegalArgumentException(
          "anchored states need at least relations + 1 = " + (relations + 1) + ", got " + states);
    }
    this.relations = relations;
    this.states = states;
    this.aggregation = aggregation;
    this.anchored = anchored;
    m.getEngine().setRandomSeed((int) seed);
    compose = m.randomNormal(0, 1, new Shape(relations, states, states), type);
    readout = m.randomNormal(0, 1, new Shape(states, relations), type);
    compose.setRequiresGradient(true);
    readout.setRequiresGradient(true);
  }

  @Override
  public List<NDArray> parameters() {
    return List.of(compose, readout);
  }

  public int states() {
    return states;
  }

  public int relations() {
    return relations;
  }

  /** The relation matrices M_r, (relations, states, states), row-stochastic, in {@code m}. */
  NDArray relationMatrices(NDManager m) {
    NDArray mats = StoryModel.local(compose.softmax(2), m);
    if (!anchored) {
      return mats;
    }
    float[] keep = new float[relations * states * states];
    float[] fixed = new float[keep.length];
    Arrays.fill(keep, 1f);
    for (int r = 0; r < relations; r++) {
      Arrays.fill(keep, r * states * states, r * states * states + states, 0f);
      fixed[r * states * states + 1 + r] = 1f;
    }
    return mats.mul(constant(keep, mats.getShape(), m)).add(constant(fixed, mats.getShape(), m));
  }

  /** The read-out C, (states, relations), row-stochastic, in {@code m}. */
  NDArray readoutMatrix(NDManager m) {
    NDArray c = StoryModel.local(readout.softmax(1), m);
    if (!anchored) {
      return c;
    }
    float[] keep = new float[states * relations];
    float[] fixed = new float[keep.length];
    Arrays.fill(keep, 1f);
    for (int r = 0; r < relations; r++) {
      Arrays.fill(keep, (1 + r) * relations, (2 + r) * relations, 0f);
      fixed[(1 + r) * relations + r] = 1f;
    }
    return c.mul(constant(keep, c.getShape(), m)).add(constant(fixed, c.getShape(), m));
  }

  private NDArray constant(float[] v, Shape shape, NDManager m) {
    return m.create(v, shape).toType(compose.getDataType(), false);
  }

  /** Per-node states of every layer, concatenated: (all nodes, states). */
  NDArray nodeStates(LayeredBatch b, NDManager m) {
    NDArray mats = relationMatrices(m).reshape(relations, (long) states * states);
    float[] init = new float[b.size * states];
    for (int i = 0; i < b.size; i++) {
      init[i * states] = 1f;
    }
    NDArray layer = m.create(init, new Shape(b.size, states)).toType(compose.getDataType(), false);
    List<NDArray> all = new ArrayList<>(List.of(layer));
    for (int d = 1; d < b.layers(); d++) {
      int edges = b.sender[d].length;
      NDArray from = StoryModel.rows(layer, b.sender[d], m).reshape(edges, 1, states);
      NDArray mr = StoryModel.rows(mats, b.relation[d], m).reshape(edges, states, states);
      NDArray msg = from.matMul(mr).reshape(edges, states);
      boolean min = aggregation == Aggregation.MIN;
      NDArray box = StoryModel.inbox(msg, b, d, min ? 1f : 0f, m);
      NDArray met = min ? box.min(new int[] {1}) : box.max(new int[] {1});
      layer = met.div(met.sum(new int[] {1}, true));
      all.add(layer);
    }
    return NDArrays.concat(new NDList(all), 0);
  }

  @Override
  public NDArray logProbs(LayeredBatch b, NDManager m) {
    NDArray target = StoryModel.rows(nodeStates(b, m), b.targetRow, m);
    return target.matMul(readoutMatrix(m)).add(1e-30).log();
  }

  /**
   * Mean squared difference between M_a · M_b ⋯ and M_c over composition facts (a, b, ..., c)
   * (a∘b∘... = c): each fact asked to hold from every latent state, not only from the source, as
   * associativity requires of a composition table ((x∘a)∘b = x∘(a∘b) = x∘c).
   */
  public NDArray compositionGap(List<int[]> facts, NDManager m) {
    NDArray mats = relationMatrices(m).reshape(relations, (long) states * states);
    NDArray total = null;
    for (int len = 3; len <= 16; len++) {
      List<int[]> group = new ArrayList<>();
      for (int[] f : facts) {
        if (f.length == len) {
          group.add(f);
        }
      }
      if (group.isEmpty()) {
        continue;
      }
      Shape sq = new Shape(group.size(), states, states);
      int[][] col = new int[len][group.size()];
      for (int i = 0; i < group.size(); i++) {
        for (int j = 0; j < len; j++) {
          col[j][i] = group.get(i)[j];
        }
      }
      NDArray path = StoryModel.rows(mats, col[0], m).reshape(sq);
      for (int j = 1; j < len - 1; j++) {
        path = path.matMul(StoryModel.rows(mats, col[j], m).reshape(sq));
      }
      NDArray gap = path.sub(StoryModel.rows(mats, col[len - 1], m).reshape(sq)).square().sum();
      total = total == null ? gap : total.add(gap);
    }
    return Scalars.div(total, facts.size());
  }

  /** The relation matrices M_r as plain arrays [r][i][j]. */
  public double[][][] matrices() {
    double[] flat;
    try (NDManager m = compose.getManager().newSubManager()) {
      flat = relationMatrices(m).toType(DataType.FLOAT64, false).toDoubleArray();
    }
    double[][][] out = new double[relations][states][states];
    for (int r = 0; r < relations; r++) {
      for (int i = 0; i < states; i++) {
        System.arraycopy(flat, (r * states + i) * states, out[r][i], 0, states);
      }
    }
    return out;
  }

  /** The read-out C as a plain array [state][relation]. */
  public double[][] readoutMatrix() {
    double[] flat;
    try (NDManager m = compose.getManager().newSubManager()) {
      flat = readoutMatrix(m).toType(DataType.FLOAT64, false).toDoubleArray();
    }
    double[][] out = new double[states][relations];
    for (int i = 0; i < states; i++) {
      System.arraycopy(flat, i * relations, out[i], 0, relations);
    }
    return out;
  }
}
