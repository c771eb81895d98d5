package org.gyrus.nn.explain;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.RatNum;
import com.microsoft.z3.RealExpr;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks "every input in the box whose activation pattern matches the NAP is classified {@code
 * target}" with Z3 over exact rationals (linear real arithmetic; each ReLU the bounds leave
 * undecided is an exact disjunction). One query per rival class {@code j}: is there an input with
 * {@code y_j >= y_target}? All unsatisfiable = PROVEN. A satisfiable query is re-asked with a small
 * margin (pattern strictly met, {@code y_j >= y_target + margin}) and the model is run through the
 * network; only a counterexample that the forward pass confirms counts as REFUTED. Soundness is
 * with respect to real arithmetic on the network's float32 weights. Exact, but slow beyond a few
 * inputs on this machine (a 5-input 32-32-10 query took 10 s); {@link MilpVerifier} is the engine
 * for MNIST-sized networks, this one cross-checks it on small ones.
 */
public final class Z3Verifier implements SpecVerifier {
  /** Margin for counterexamples, so that float rounding in the forward pass cannot undo them. */
  static final double MARGIN = 1e-4;

  private final ReluMlp net;
  private final long timeoutMs;

  public Z3Verifier(ReluMlp net, long timeoutMs) {
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
    try (Context ctx = new Context()) {
      Encoding enc = new Encoding(ctx, boxLo, boxHi, nap, bounds);
      Solver solver = ctx.mkSolver();
      solver.add(enc.constraints.toArray(BoolExpr[]::new));
      boolean unknown = false;
      for (int j = 0; j < net.outputs(); j++) {
        if (j == target) {
          continue;
        }
        long left = timeoutMs - (System.nanoTime() - start) / 1_000_000;
        if (left <= 0) {
          return new Verdict(Verdict.Status.UNKNOWN, null, seconds(start));
        }
        setTimeout(ctx, solver, left);
        ArithExpr<?> gap = ctx.mkSub(enc.logits[j], enc.logits[target]);
        solver.push();
        solver.add(ctx.mkGe(gap, ctx.mkReal(0)));
        Status loose = solver.check();
        if (loose == Status.SATISFIABLE) {
          solver.add(ctx.mkGe(gap, real(ctx, MARGIN)));
          solver.add(enc.strict.toArray(BoolExpr[]::new));
          if (solver.check() == Status.SATISFIABLE) {
            double[] x = enc.input(solver.getModel());
            if (SpecVerifier.violates(net, x, boxLo, boxHi, nap, target)) {
              return new Verdict(Verdict.Status.REFUTED, x, seconds(start));
            }
          }
          unknown = true;
        } else if (loose == Status.UNKNOWN) {
          unknown = true;
        }
        solver.pop();
      }
      return new Verdict(
          unknown ? Verdict.Status.UNKNOWN : Verdict.Status.PROVEN, null, seconds(start));
    }
  }

  private static void setTimeout(Context ctx, Solver solver, long ms) {
    Params p = ctx.mkParams();
    p.add("timeout", (int) Math.min(Integer.MAX_VALUE, ms));
    solver.setParameters(p);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** An exact rational for a double. */
  static RatNum real(Context ctx, double v) {
    return ctx.mkReal(new BigDecimal(v).toPlainString());
  }

  /** The network as constraints over real variables. */
  private final class Encoding {
    final List<BoolExpr> constraints = new ArrayList<>();
    final List<BoolExpr> strict = new ArrayList<>();
    final RealExpr[] x;
    final ArithExpr<?>[] logits;

    Encoding(Context ctx, double[] boxLo, double[] boxHi, Nap nap, Bounds bounds) {
      x = new RealExpr[net.inputs()];
      ArithExpr<?>[] a = new ArithExpr<?>[x.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = ctx.mkRealConst("x" + i);
        constraints.add(ctx.mkGe(x[i], real(ctx, boxLo[i])));
        constraints.add(ctx.mkLe(x[i], real(ctx, boxHi[i])));
        a[i] = x[i];
      }
      for (int l = 0; l < net.w().length; l++) {
        boolean hidden = l < net.hiddenLayers();
        ArithExpr<?>[] next = new ArithExpr<?>[net.width(l)];
        for (int j = 0; j < next.length; j++) {
          RealExpr z = ctx.mkRealConst("z" + l + "_" + j);
          constraints.add(ctx.mkEq(z, affine(ctx, l, j, a)));
          next[j] =
              hidden ? relu(ctx, z, nap.state()[l][j], bounds.lo()[l][j], bounds.hi()[l][j]) : z;
        }
        a = next;
      }
      logits = a;
    }

    private ArithExpr<?> affine(Context ctx, int l, int j, ArithExpr<?>[] a) {
      double[] row = net.w()[l][j];
      List<ArithExpr<?>> terms = new ArrayList<>();
      terms.add(real(ctx, net.b()[l][j]));
      for (int i = 0; i < row.length; i++) {
        if (row[i] != 0 && a[i] != null) {
          terms.add(ctx.mkMul(real(ctx, row[i]), a[i]));
        }
      }
      return ctx.mkAdd(terms.toArray(ArithExpr<?>[]::new));
    }

    /** The neuron's output; null when provably 0 (dropped from later sums). */
    private ArithExpr<?> relu(Context ctx, RealExpr z, int s, double lo, double hi) {
      RatNum zero = ctx.mkReal(0);
      if (s == Nap.ACTIVE) {
        constraints.add(ctx.mkGe(z, zero));
        strict.add(ctx.mkGe(z, real(ctx, MARGIN)));
        return z;
      }
      if (s == Nap.INACTIVE) {
        constraints.add(ctx.mkLe(z, zero));
        return null;
      }
      if (lo > Bounds.MARGIN) {
        return z;
      }
      if (hi < -Bounds.MARGIN) {
        return null;
      }
      RealExpr r = ctx.mkRealConst("r_" + z);
      constraints.add(ctx.mkGe(r, zero));
      constraints.add(ctx.mkGe(r, z));
      constraints.add(ctx.mkOr(ctx.mkEq(r, zero), ctx.mkEq(r, z)));
      return r;
    }

    double[] input(Model m) {
      double[] v = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        Expr<?> e = m.eval(x[i], true);
        v[i] =
            e instanceof RatNum q
                ? new BigDecimal(q.getBigIntNumerator())
                    .divide(new BigDecimal(q.getBigIntDenominator()), MathContext.DECIMAL64)
                    .doubleValue()
                : Double.NaN;
      }
      return v;
    }
  }
}
