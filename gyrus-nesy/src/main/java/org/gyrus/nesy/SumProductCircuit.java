package org.gyrus.nesy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;

/**
 * A compiled circuit for one query shape: for each output value (e.g. each possible sum), a
 * disjunction of mutually exclusive products of neural facts. Fact {@code f = slot * k + value}
 * means "the network's input in position {@code slot} takes {@code value}".
 *
 * <p>The circuit is stored padded as an index tensor {@code (outputs, maxTerms, maxLits)}, so a
 * whole batch is evaluated by one gather (log-probabilities of every literal), one sum over the
 * literals (log of each product), and one log-sum-exp over the terms of each output. Top-k keeps,
 * per example and output, the k most probable terms (a sort along the term axis); the gradient
 * flows through the kept terms, as in Scallop's differentiable top-k proofs. Because the terms of
 * one output are mutually exclusive (two proofs differ in the value of some slot, and the values of
 * a slot are an annotated disjunction), the sum of kept products is exactly the probability of
 * their disjunction; with k at least the number of terms it is the exact probability.
 */
public final class SumProductCircuit {
  /** log(0) stand-in: finite so that the log-sum-exp stays NaN-free for empty outputs. */
  static final float LOG_ZERO = -1e4f;

  private final int slots;
  private final int values;
  private final int outputs;
  private final int maxTerms;
  private final int maxLits;
  private final long[] index; // outputs * maxTerms * maxLits into [0, slots*values + 2)
  private final int[] termCounts;

  /**
   * @param terms terms.get(o) lists the products (arrays of fact ids) whose disjunction is output o
   */
  public SumProductCircuit(int slots, int values, List<List<int[]>> terms) {
    if (slots <= 0 || values <= 0 || terms.isEmpty()) {
      throw new SpecError("circuit", "slots, values and outputs > 0", slots + ", " + values);
    }
    this.slots = slots;
    this.values = values;
    this.outputs = terms.size();
    int mt = 1;
    int ml = 1;
    termCounts = new int[outputs];
    for (int o = 0; o < outputs; o++) {
      termCounts[o] = terms.get(o).size();
      mt = Math.max(mt, termCounts[o]);
      for (int[] t : terms.get(o)) {
        ml = Math.max(ml, t.length);
        checkTerm(o, t);
      }
      checkExclusive(o, terms.get(o));
    }
    maxTerms = mt;
    maxLits = ml;
    int one = slots * values; // column holding log 1
    int zero = one + 1; // column holding LOG_ZERO
    index = new long[outputs * maxTerms * maxLits];
    for (int o = 0; o < outputs; o++) {
      List<int[]> ts = terms.get(o);
      for (int t = 0; t < maxTerms; t++) {
        int base = (o * maxTerms + t) * maxLits;
        for (int l = 0; l < maxLits; l++) {
          if (t >= ts.size()) {
            index[base + l] = l == 0 ? zero : one;
          } else {
            index[base + l] = l < ts.get(t).length ? ts.get(t)[l] : one;
          }
        }
      }
    }
  }

  private void checkTerm(int o, int[] t) {
    for (int f : t) {
      if (f < 0 || f >= slots * values) {
        throw new SpecError("circuit.output[" + o + "]", "fact id < " + slots * values, "" + f);
      }
    }
  }

  /** Sums are exact only for exclusive terms: each pair must disagree on some slot's value. */
  private void checkExclusive(int o, List<int[]> ts) {
    if (ts.size() > 2000) {
      return; // large circuits come from the enumerating compilers, exclusive by construction
    }
    int[][] assign = new int[ts.size()][];
    for (int i = 0; i < ts.size(); i++) {
      assign[i] = new int[slots];
      java.util.Arrays.fill(assign[i], -1);
      for (int f : ts.get(i)) {
        assign[i][f / values] = f % values;
      }
    }
    for (int i = 0; i < ts.size(); i++) {
      for (int j = i + 1; j < ts.size(); j++) {
        boolean clash = false;
        for (int s = 0; s < slots && !clash; s++) {
          clash = assign[i][s] >= 0 && assign[j][s] >= 0 && assign[i][s] != assign[j][s];
        }
        if (!clash) {
          throw new SpecError(
              "circuit.output[" + o + "]",
              "mutually exclusive proofs (use Compile.disjoint)",
              "proofs " + i + " and " + j + " that can hold together");
        }
      }
    }
  }

  public int slots() {
    return slots;
  }

  public int values() {
    return values;
  }

  public int outputs() {
    return outputs;
  }

  public int terms(int output) {
    return termCounts[output];
  }

  /**
   * Log-probability of every output for every example.
   *
   * @param logp (batch, slots, values) log-probabilities (e.g. log-softmax of the network)
   * @param k keep the k most probable terms per output; {@code <= 0} or {@code >= maxTerms}: exact
   * @return (batch, outputs)
   */
  public NDArray logProbabilities(NDArray logp, int k) {
    long b = logp.getShape().get(0);
    NDManager m = logp.getManager();
    DataType dt = logp.getDataType();
    NDArray flat = logp.reshape(b, (long) slots * values);
    NDArray pad =
        NDArrays.concat(
            new ai.djl.ndarray.NDList(
                m.zeros(new Shape(b, 1), dt), m.full(new Shape(b, 1), LOG_ZERO, dt)),
            1);
    NDArray cols = flat.concat(pad, 1);
    NDArray idx = m.create(index);
    NDArray lit = cols.get(new NDIndex(":, {}", idx)); // (b, O*T*L)
    NDArray term = lit.reshape(b, outputs, maxTerms, maxLits).sum(new int[] {3}); // (b, O, T)
    if (k > 0 && k < maxTerms) {
      term = term.sort(2).get(new NDIndex(":, :, " + (maxTerms - k) + ":"));
    }
    return logSumExp(term, 2);
  }

  /** Negative mean log-likelihood of the labelled outputs: the training loss. */
  public NDArray loss(NDArray logp, int[] labels, int k) {
    NDArray all = logProbabilities(logp, k);
    return pick(all, labels).mean().neg();
  }

  static NDArray pick(NDArray all, int[] labels) {
    NDManager m = all.getManager();
    long[] l = new long[labels.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = labels[i];
    }
    NDArray oneHot =
        m.create(l).oneHot((int) all.getShape().get(1)).toType(all.getDataType(), false);
    return all.mul(oneHot).sum(new int[] {1});
  }

  /** log Σ exp along an axis, shifted by the (gradient-free) maximum for stability. */
  static NDArray logSumExp(NDArray x, int axis) {
    NDArray mx = x.max(new int[] {axis}, true).stopGradient();
    return x.sub(mx).exp().sum(new int[] {axis}).log().add(mx.squeeze(axis));
  }

  /** Builds the circuit's term lists from explicit per-output proofs (each a list of facts). */
  public static List<List<int[]>> emptyOutputs(int n) {
    List<List<int[]>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    return out;
  }
}
