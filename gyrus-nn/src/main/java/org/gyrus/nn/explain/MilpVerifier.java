package org.gyrus.nn.explain;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The specification as a mixed-integer program solved by ojAlgo's branch and bound: per rival class
 * {@code j}, maximise {@code y_j - y_target} over inputs in the box whose pattern matches. Neurons
 * the NAP or the interval bounds decide are linear; each undecided ReLU gets the exact big-M
 * encoding with a binary and its interval bounds {@code [l, u]}: {@code a >= 0, a >= z, a <= z -
 * l(1-d), a <= u d}. The optimum below {@code -PROOF_MARGIN} for every rival = PROVEN; a solution
 * with {@code y_j >= y_target} is run through the network and counts as REFUTED only when the
 * forward pass confirms it. The solver works in floating point; the proof margin absorbs its
 * tolerance, the forward check makes refutations exact.
 */
public final class MilpVerifier implements SpecVerifier {
  /** Optima closer to 0 than this are neither proofs nor counterexamples. */
  static final double PROOF_MARGIN = 1e-5;

  /** On the second try, pattern neurons must be at least this far from 0. */
  static final double STRICT = 1e-6;

  private final ReluMlp net;
  private final long timeoutMs;

  public MilpVerifier(ReluMlp net, long timeoutMs) {
    this.net = net;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public ReluMlp net() {
    return net;
  }

  @Override
  public Verdict verify(double[] boxLo, double[] boxHi, Nap nap, int target) {
    long start = System.nanoTime();
    Bounds bounds = Bounds.of(net, boxLo, boxHi, nap);
    if (bounds.empty()) {
      return new Verdict(Verdict.Status.PROVEN, null, seconds(start));
    }
    boolean unknown = false;
    for (int j = 0; j < net.outputs(); j++) {
      if (j == target) {
        continue;
      }
      long left = timeoutMs - (System.nanoTime() - start) / 1_000_000;
      if (left <= 0) {
        return new Verdict(Verdict.Status.UNKNOWN, null, seconds(start));
      }
      Program p = new Program(boxLo, boxHi, nap, bounds, j, target, left, false);
      Optimisation.Result r = p.model.maximise();
      Optimisation.State s = r.getState();
      if (Boolean.getBoolean("gyrus.milp.debug")) {
        System.err.println("rival " + j + " " + s + " " + (r.getValue() + p.offset));
      }
      if (s == Optimisation.State.INFEASIBLE
          || (s.isOptimal() && r.getValue() + p.offset < -PROOF_MARGIN)) {
        continue; // no matching input at all, or none where j wins
      }
      double[] x = s.isFeasible() ? input(r, boxLo, boxHi) : null;
      if (x != null && !SpecVerifier.violates(net, x, boxLo, boxHi, nap, target)) {
        // the optimum sits on a pattern boundary: ask again with active neurons strictly on
        left = timeoutMs - (System.nanoTime() - start) / 1_000_000;
        Optimisation.Result r2 =
            new Program(boxLo, boxHi, nap, bounds, j, target, Math.max(left, 1), true)
                .model.maximise();
        x = r2.getState().isFeasible() ? input(r2, boxLo, boxHi) : null;
      }
      if (x != null && SpecVerifier.violates(net, x, boxLo, boxHi, nap, target)) {
        return new Verdict(Verdict.Status.REFUTED, x, seconds(start));
      }
      unknown = true;
    }
    return new Verdict(
        unknown ? Verdict.Status.UNKNOWN : Verdict.Status.PROVEN, null, seconds(start));
  }

  private double[] input(Optimisation.Result r, double[] boxLo, double[] boxHi) {
    double[] x = new double[net.inputs()];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.min(boxHi[i], Math.max(boxLo[i], r.doubleValue(i)));
    }
    return x;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** The MIP for one rival class; the inputs are the model's first variables. */
  private final class Program {
    final ExpressionsBasedModel model = new ExpressionsBasedModel();
    final double offset;
    private final boolean strict;
    private int rows;

    Program(
        double[] boxLo,
        double[] boxHi,
        Nap nap,
        Bounds bounds,
        int rival,
        int target,
        long timeoutMs,
        boolean strict) {
      this.strict = strict;
      model.options.time_abort = timeoutMs;
      model.options.time_suffice = timeoutMs;
      Variable[] a = new Variable[net.inputs()];
      for (int i = 0; i < a.length; i++) {
        a[i] = model.addVariable("x" + i).lower(boxLo[i]).upper(boxHi[i]);
      }
      for (int l = 0; l < net.hiddenLayers(); l++) {
        Variable[] next = new Variable[net.width(l)];
        for (int j = 0; j < next.length; j++) {
          next[j] = neuron(l, j, a, nap.state()[l][j], bounds.lo()[l][j], bounds.hi()[l][j]);
        }
        a = next;
      }
      int last = net.hiddenLayers();
      double[][] w = net.w()[last];
      Expression objective = model.addExpression("objective").weight(1);
      for (int k = 0; k < a.length; k++) {
        if (a[k] != null) {
          objective.set(a[k], w[rival][k] - w[target][k]);
        }
      }
      offset = net.b()[last][rival] - net.b()[last][target];
    }

    /** The neuron's output variable, or null when it is 0 on the whole region. */
    private Variable neuron(int l, int j, Variable[] prev, int state, double lo, double hi) {
      double b = net.b()[l][j];
      boolean active = state == Nap.ACTIVE || lo > Bounds.MARGIN;
      boolean inactive = state == Nap.INACTIVE || hi < -Bounds.MARGIN;
      if (inactive) {
        if (state == Nap.INACTIVE) {
          // -W prev >= b, i.e. z <= 0 (z <= -STRICT on the second try)
          pre(l, j, prev, null, 0).lower(strict ? b + STRICT : b);
        }
        return null;
      }
      Variable out = model.addVariable("a" + l + "_" + j).lower(0).upper(Math.max(hi, 0) + 1);
      // a - W prev = b (a = z), or a - W prev >= b (a >= z)
      Expression def = pre(l, j, prev, out, 1);
      if (active) {
        def.level(b);
        if (state == Nap.ACTIVE && strict) {
          out.lower(STRICT);
        }
        return out;
      }
      def.lower(b);
      Variable d = model.addVariable("d" + l + "_" + j).binary();
      // a <= z - lo (1 - d):  a - W prev - lo d <= b - lo
      pre(l, j, prev, out, 1).set(d, -lo).upper(b - lo);
      // a <= hi d
      model.addExpression("u" + rows++).set(out, 1).set(d, -hi).upper(0);
      return out;
    }

    /** {@code coef * out - W[l][j] . prev} as a new constraint row. */
    private Expression pre(int l, int j, Variable[] prev, Variable out, double coef) {
      Expression e = model.addExpression("r" + rows++);
      double[] row = net.w()[l][j];
      for (int i = 0; i < prev.length; i++) {
        if (prev[i] != null && row[i] != 0) {
          e.set(prev[i], -row[i]);
        }
      }
      if (out != null) {
        e.set(out, coef);
      }
      return e;
    }
  }
}
