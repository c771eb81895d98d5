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

  /** LP bounds are loosened by this much (relative) to absorb the LP solver's tolerance. */
  static final double LP_SLACK = 1e-6;

  private final ReluMlp net;
  private final long timeoutMs;
  private final boolean lpBounds;

  /** Interval bounds only: LP tightening over 784 inputs costs more than it saves here. */
  public MilpVerifier(ReluMlp net, long timeoutMs) {
    this(net, timeoutMs, false);
  }

  /**
   * @param lpBounds whether to tighten the interval bounds of undecided neurons by linear programs
   *     over the region (the NAP's sign constraints cut the input box, which intervals ignore)
   */
  public MilpVerifier(ReluMlp net, long timeoutMs, boolean lpBounds) {
    this.net = net;
    this.timeoutMs = timeoutMs;
    this.lpBounds = lpBounds;
  }

  /**
   * Layer by layer, the range of every undecided pre-activation over the LP relaxation of the
   * layers before it (pattern neurons exact, undecided ones by the triangle relaxation) together
   * with the pattern's sign constraints on its own layer. A neuron whose range no longer straddles
   * 0 needs no binary, and the big-M constants of the others shrink. Stops at {@code deadline}
   * (nanoTime); bounds computed so far stay valid. An infeasible relaxation means no input in the
   * box matches the pattern.
   */
  private Bounds tighten(double[] boxLo, double[] boxHi, Nap nap, Bounds interval, long deadline) {
    Bounds b = interval.copy();
    long t0 = System.nanoTime();
    for (int l = 0; l < net.hiddenLayers(); l++) {
      for (int j = 0; j < net.width(l); j++) {
        if (nap.state()[l][j] != Nap.FREE || b.lo()[l][j] > 0 || b.hi()[l][j] < 0) {
          continue;
        }
        for (boolean up : new boolean[] {true, false}) {
          long left = (deadline - System.nanoTime()) / 1_000_000;
          if (left <= 0) {
            return b;
          }
          Program p = new Program(boxLo, boxHi, nap, b, l, left, false, true);
          double offset = p.neuronObjective(nap, l, j);
          Optimisation.Result r = p.solve(up);
          if (r.getState() == Optimisation.State.INFEASIBLE) {
            return new Bounds(b.lo(), b.hi(), true);
          }
          if (!r.getState().isOptimal()) {
            continue;
          }
          double v = r.getValue() + offset;
          double slack = LP_SLACK * (1 + Math.abs(v));
          if (up) {
            b.hi()[l][j] = Math.min(b.hi()[l][j], v + slack);
          } else {
            b.lo()[l][j] = Math.max(b.lo()[l][j], v - slack);
          }
        }
      }
      b = b.repropagate(net, l, nap);
      if (Boolean.getBoolean("gyrus.milp.debug")) {
        System.err.printf(
            "layer %d undecided after LP bounds: %d (interval: %d) at %.1fs%n",
            l, undecided(b, nap, l), undecided(interval, nap, l), (System.nanoTime() - t0) / 1e9);
      }
      if (b.empty()) {
        return b;
      }
    }
    return b;
  }

  @Override
  public ReluMlp net() {
    return net;
  }

  @Override
  public Verdict verify(double[] boxLo, double[] boxHi, Nap nap, int target) {
    long start = System.nanoTime();
    Bounds bounds = Bounds.of(net, boxLo, boxHi, nap);
    if (!bounds.empty() && lpBounds) {
      bounds = tighten(boxLo, boxHi, nap, bounds, start + timeoutMs * 1_000_000L / 2);
    }
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
      Outcome o = rival(boxLo, boxHi, nap, bounds, target, j, left);
      if (o.status() == Verdict.Status.REFUTED) {
        return new Verdict(Verdict.Status.REFUTED, o.counterexample(), seconds(start));
      }
      unknown |= o.status() == Verdict.Status.UNKNOWN;
    }
    return new Verdict(
        unknown ? Verdict.Status.UNKNOWN : Verdict.Status.PROVEN, null, seconds(start));
  }

  /** One rival's verdict, with a forward-checked counterexample when REFUTED. */
  record Outcome(Verdict.Status status, double[] counterexample) {}

  /**
   * Whether some input in the region (with pre-activation bounds {@code bounds}, which must be
   * sound for it) has {@code y_rival >= y_target}, within {@code ms} milliseconds.
   */
  Outcome rival(
      double[] boxLo, double[] boxHi, Nap nap, Bounds bounds, int target, int j, long ms) {
    long start = System.nanoTime();
    Program p = new Program(boxLo, boxHi, nap, bounds, net.hiddenLayers(), ms, false, false);
    double offset = p.outputObjective(j, target);
    Optimisation.Result r = p.solve(true);
    Optimisation.State s = r.getState();
    if (Boolean.getBoolean("gyrus.milp.debug")) {
      System.err.println("rival " + j + " " + s + " " + (r.getValue() + offset));
    }
    if (s == Optimisation.State.INFEASIBLE
        || (s.isOptimal() && r.getValue() + offset < -PROOF_MARGIN)) {
      return new Outcome(Verdict.Status.PROVEN, null); // no matching input, or none where j wins
    }
    double[] x = s.isFeasible() ? input(r, boxLo, boxHi) : null;
    if (x != null && !SpecVerifier.violates(net, x, boxLo, boxHi, nap, target)) {
      // the optimum sits on a pattern boundary: ask again with active neurons strictly on
      long left = ms - (System.nanoTime() - start) / 1_000_000;
      Program p2 =
          new Program(
              boxLo, boxHi, nap, bounds, net.hiddenLayers(), Math.max(left, 1), true, false);
      p2.outputObjective(j, target);
      Optimisation.Result r2 = p2.solve(true);
      x = r2.getState().isFeasible() ? input(r2, boxLo, boxHi) : null;
    }
    if (x != null && SpecVerifier.violates(net, x, boxLo, boxHi, nap, target)) {
      return new Outcome(Verdict.Status.REFUTED, x);
    }
    return new Outcome(Verdict.Status.UNKNOWN, null);
  }

  private static int undecided(Bounds b, Nap nap, int l) {
    int n = 0;
    for (int j = 0; j < b.lo()[l].length; j++) {
      boolean free = nap.state()[l][j] == Nap.FREE;
      n += free && b.lo()[l][j] <= Bounds.MARGIN && b.hi()[l][j] >= -Bounds.MARGIN ? 1 : 0;
    }
    return n;
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

  /**
   * The first {@code layers} hidden layers over the region as a MIP (or, {@code relaxed}, its LP
   * relaxation); the inputs are the model's first variables.
   */
  private final class Program {
    final ExpressionsBasedModel model = new ExpressionsBasedModel();
    private final boolean strict;
    private final boolean relaxed;
    private final Variable[] last;
    private final long timeoutMs;
    private int rows;

    Program(
        double[] boxLo,
        double[] boxHi,
        Nap nap,
        Bounds bounds,
        int layers,
        long timeoutMs,
        boolean strict,
        boolean relaxed) {
      this.strict = strict;
      this.relaxed = relaxed;
      this.timeoutMs = timeoutMs;
      model.options.time_abort = timeoutMs;
      model.options.time_suffice = timeoutMs;
      Variable[] a = new Variable[net.inputs()];
      for (int i = 0; i < a.length; i++) {
        a[i] = model.addVariable("x" + i).lower(boxLo[i]).upper(boxHi[i]);
      }
      for (int l = 0; l < layers; l++) {
        Variable[] next = new Variable[net.width(l)];
        for (int j = 0; j < next.length; j++) {
          next[j] = neuron(l, j, a, nap.state()[l][j], bounds.lo()[l][j], bounds.hi()[l][j]);
        }
        a = next;
      }
      last = a;
    }

    /** Objective {@code y_rival - y_target} (the program must hold every hidden layer). */
    double outputObjective(int rival, int target) {
      int out = net.hiddenLayers();
      double[][] w = net.w()[out];
      Expression objective = model.addExpression("objective").weight(1);
      for (int k = 0; k < last.length; k++) {
        if (last[k] != null) {
          objective.set(last[k], w[rival][k] - w[target][k]);
        }
      }
      return net.b()[out][rival] - net.b()[out][target];
    }

    /**
     * The pattern's sign constraints on layer {@code l} (the layer after the encoded ones) and the
     * objective {@code W[l][j] . a}; returns the bias to add to the optimum.
     */
    double neuronObjective(Nap nap, int l, int j) {
      for (int k = 0; k < net.width(l); k++) {
        int s = nap.state()[l][k];
        if (s == Nap.ACTIVE) {
          pre(l, k, last, null, 0).upper(net.b()[l][k]); // z >= 0
        } else if (s == Nap.INACTIVE) {
          pre(l, k, last, null, 0).lower(net.b()[l][k]); // z <= 0
        }
      }
      Expression objective = model.addExpression("objective").weight(1);
      double[] row = net.w()[l][j];
      for (int i = 0; i < last.length; i++) {
        if (last[i] != null && row[i] != 0) {
          objective.set(last[i], row[i]);
        }
      }
      return net.b()[l][j];
    }

    /** The neuron's output variable, or null when it is 0 on the whole region. */

    /**
     * The optimum, or a FAILED result when ojAlgo overruns its own time limit far ({@link
     * Watchdog}): twice the limit, and at least 5 s more (its overruns of ~2x are normal).
     */
    Optimisation.Result solve(boolean maximise) {
      long limit = Math.max(2 * timeoutMs, timeoutMs + 5000);
      return Watchdog.within(() -> maximise ? model.maximise() : model.minimise(), limit, "milp")
          .orElse(Optimisation.Result.of(Optimisation.State.FAILED));
    }

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
      Variable d = model.addVariable("d" + l + "_" + j);
      if (relaxed) {
        d.lower(0).upper(1);
      } else {
        d.binary();
      }
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
