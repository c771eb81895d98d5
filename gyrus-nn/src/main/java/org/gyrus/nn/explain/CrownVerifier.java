package org.gyrus.nn.explain;

import java.util.Arrays;

/**
 * Symbolic linear bounds in the β-CROWN style (Wang et al. 2021) over a box cut by an activation
 * pattern, with the ojAlgo MILP as a fallback for what the bounds leave open.
 *
 * <p>A linear objective {@code c . z_top} is back-substituted through the layers below to the input
 * box and concretised there in closed form (no LP). Each hidden neuron is replaced by a linear
 * bound valid on the region: a neuron the pattern fixes "on" is {@code a = z} and contributes the
 * constraint {@code z >= 0}, one fixed "off" is {@code a = 0} with {@code z <= 0}, a free neuron
 * whose bounds {@code [l, u]} straddle 0 is {@code a >= α z} (α in [0, 1], when its coefficient is
 * positive) or {@code a <= u (z - l) / (u - l)} (negative). The pattern's constraints enter as
 * Lagrange terms {@code ∓β z} with {@code β >= 0}: for every feasible input they only lower the
 * objective, so the minimum of the relaxed Lagrangian over the box is a lower bound for any α, β. A
 * few dozen steps of projected Adam ascent on (α, β) tighten it; every iterate is sound, the best
 * is kept.
 *
 * <p>Used three ways: intermediate bounds of the free neurons layer by layer (the pattern's
 * constraints on the layer itself enter the objective: a tightening that needs no LP), which fix
 * more neurons and shrink the big-M constants of the MILP; per rival j a lower bound of {@code
 * y_target - y_j}, a rival is proven when it is above the proof margin; and the rivals left go,
 * each with an equal share of the time left, first to {@link TailBound} (exact MILPs over the last
 * layers, sound over-approximations of the region) and then to {@link MilpVerifier} over the whole
 * network with the tightened bounds.
 */
public final class CrownVerifier implements SpecVerifier {
  /** Bounds are widened by this (relative) against rounding in the long sums. */
  static final double SLACK = 1e-9;

  /**
   * @param intermediateSteps ascent steps per intermediate bound (0: plain CROWN with β = 0)
   * @param finalSteps ascent steps per rival's output bound
   * @param milp whether rivals the bounds leave open go to the MILP
   * @param layerSteps ascent steps per hidden layer shared by the neurons it leaves undecided: each
   *     gets {@code max(intermediateSteps, layerSteps / undecided)}, so a deep layer with a handful
   *     of free neurons gets long ascents where a wide one stays cheap (0: none extra)
   * @param finalBetaRate Adam rate of β in the rivals' output bounds (intermediate bounds keep
   *     0.05)
   * @param finalDecay the output bounds' rates shrink by this factor per step (1: constant)
   */
  public record Options(
      int intermediateSteps,
      int finalSteps,
      boolean milp,
      int layerSteps,
      double finalBetaRate,
      double finalDecay) {
    public static final Options DEFAULT = new Options(10, 60, true);

    /**
     * Longer ascent: on the deep-sparse MNIST net's δ 0.95 NAPs, 60 steps per rival leave bounds at
     * -0.1 .. -3 where 1500 prove every rival of class 6 (bench/explain/NapRivals.java).
     */
    public static final Options LONG = new Options(30, 1500, true);

    /**
     * LONG with long ascents on the deep layers' few undecided neurons and a faster, decaying β
     * rate for the rivals. On the 0,0.5,24,24 MNIST net's δ 0.95 NAP of class 5 the last hidden
     * layer's 26 undecided neurons narrow from mean width 41 to 12 and the worst rival bound rises
     * from -64 to -6.7 (bench/results/explain.md, parts naps_mnist_deep4_long and _deep); its
     * intermediate bounds take ~10 s per NAP there where LONG's take ~3 s.
     */
    public static final Options DEEP = new Options(30, 1500, true, 6000, 0.5, 0.998);

    public Options(int intermediateSteps, int finalSteps, boolean milp) {
      this(intermediateSteps, finalSteps, milp, 0, BETA_RATE, 1);
    }

    /** Ascent steps for each of {@code undecided} neurons of one layer. */
    int stepsPerNeuron(int undecided) {
      return Math.max(intermediateSteps, layerSteps / Math.max(1, undecided));
    }
  }

  /** β-CROWN's rate for β; a 10x larger constant rate was measured worse on the MNIST NAPs. */
  static final double BETA_RATE = 0.05;

  private final ReluMlp net;
  private final long timeoutMs;
  private final Options options;

  public CrownVerifier(ReluMlp net, long timeoutMs, Options options) {
    this.net = net;
    this.timeoutMs = timeoutMs;
    this.options = options;
  }

  @Override
  public ReluMlp net() {
    return net;
  }

  @Override
  public Verdict verify(double[] boxLo, double[] boxHi, Nap nap, int target) {
    long start = System.nanoTime();
    long deadline = start + timeoutMs * 1_000_000L;
    int k = net.outputs();
    Verdict.Status[] rivals = new Verdict.Status[k];
    double[] margins = new double[k];
    Arrays.fill(margins, Double.NaN);
    Bounds b = bounds(boxLo, boxHi, nap, deadline);
    if (b.empty()) {
      for (int j = 0; j < k; j++) {
        rivals[j] = j == target ? null : Verdict.Status.PROVEN;
        margins[j] = j == target ? Double.NaN : Double.POSITIVE_INFINITY;
      }
      return new Verdict(Verdict.Status.PROVEN, null, seconds(start), rivals, margins);
    }
    Region r = new Region(boxLo, boxHi, nap, b);
    double[] counterexample = null;
    for (int j = 0; j < k; j++) {
      if (j == target) {
        continue;
      }
      double[] c = new double[k];
      c[target] = 1;
      c[j] = -1;
      // a rival is decided once the bound clears the margin: more ascent would only widen it
      Bound lb =
          r.lower(net.hiddenLayers(), c, options.finalSteps(), 2 * MilpVerifier.PROOF_MARGIN);
      margins[j] = lb.value();
      if (lb.value() > MilpVerifier.PROOF_MARGIN) {
        rivals[j] = Verdict.Status.PROVEN;
      } else if (SpecVerifier.violates(net, lb.argmin(), boxLo, boxHi, nap, target)) {
        rivals[j] = Verdict.Status.REFUTED; // the relaxation's minimiser is a real counterexample
        counterexample = counterexample == null ? lb.argmin() : counterexample;
      }
    }
    counterexample = milpRest(boxLo, boxHi, nap, target, b, rivals, counterexample, deadline);
    return new Verdict(overall(rivals, target), counterexample, seconds(start), rivals, margins);
  }

  /**
   * The rivals still open, one by one through the MILP over the tightened bounds, each with an
   * equal share of the time left; returns the first counterexample (given or found).
   */
  private double[] milpRest(
      double[] boxLo,
      double[] boxHi,
      Nap nap,
      int target,
      Bounds b,
      Verdict.Status[] rivals,
      double[] counterexample,
      long deadline) {
    int open = 0;
    for (int j = 0; j < rivals.length; j++) {
      open += j != target && rivals[j] == null ? 1 : 0;
    }
    MilpVerifier milp = new MilpVerifier(net, timeoutMs, false);
    for (int j = 0; j < rivals.length; j++) {
      if (j == target || rivals[j] != null) {
        continue;
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (!options.milp() || left <= 0) {
        rivals[j] = Verdict.Status.UNKNOWN;
        continue;
      }
      long slice = left / open--;
      // the tails first (small programs when the deep layers are fixed), half the rival's time
      if (TailBound.proves(net, nap, b, target, j, slice / 2)) {
        rivals[j] = Verdict.Status.PROVEN;
        continue;
      }
      left = (deadline - System.nanoTime()) / 1_000_000;
      MilpVerifier.Outcome o =
          milp.rival(boxLo, boxHi, nap, b, target, j, Math.max(1, Math.min(left, slice / 2)));
      rivals[j] = o.status();
      if (o.counterexample() != null && counterexample == null) {
        counterexample = o.counterexample();
      }
    }
    return counterexample;
  }

  private static Verdict.Status overall(Verdict.Status[] rivals, int target) {
    boolean unknown = false;
    for (int j = 0; j < rivals.length; j++) {
      if (j != target && rivals[j] == Verdict.Status.REFUTED) {
        return Verdict.Status.REFUTED;
      }
      unknown |= j != target && rivals[j] != Verdict.Status.PROVEN;
    }
    return unknown ? Verdict.Status.UNKNOWN : Verdict.Status.PROVEN;
  }

  /**
   * Interval bounds, then layer by layer each free neuron whose interval straddles 0 gets optimised
   * CROWN bounds (intersected with the interval: both are sound), and the intervals of the layers
   * above are recomputed from the tighter layer. Stops tightening at {@code deadline}; what was
   * computed stays sound.
   */
  Bounds bounds(double[] boxLo, double[] boxHi, Nap nap, long deadline) {
    Bounds b = Bounds.of(net, boxLo, boxHi, nap).copy();
    for (int l = 0; l < net.hiddenLayers() && !b.empty(); l++) {
      Region r = new Region(boxLo, boxHi, nap, b);
      int steps = options.stepsPerNeuron(undecided(nap, b, l));
      for (int j = 0; j < net.width(l); j++) {
        if (!undecided(nap, b, l, j)) {
          continue;
        }
        if (System.nanoTime() > deadline) {
          return b;
        }
        double[] c = new double[net.width(l)];
        c[j] = 1;
        // stop once the sign is decided (no binary, and a=z or a=0 exactly): the time goes to the
        // neurons still open
        double lo = r.lower(l, c, steps, 0).value();
        c[j] = -1;
        double hi = lo > 0 ? b.hi()[l][j] : -r.lower(l, c, steps, 0).value();
        b.lo()[l][j] = Math.max(b.lo()[l][j], lo - SLACK * (1 + Math.abs(lo)));
        b.hi()[l][j] = Math.min(b.hi()[l][j], hi + SLACK * (1 + Math.abs(hi)));
      }
      b = b.repropagate(net, l, nap);
    }
    return b;
  }

  /** Whether neuron j of layer l is free in the pattern and its bounds straddle 0. */
  private static boolean undecided(Nap nap, Bounds b, int l, int j) {
    return nap.state()[l][j] == Nap.FREE && b.lo()[l][j] < 0 && b.hi()[l][j] > 0;
  }

  private static int undecided(Nap nap, Bounds b, int l) {
    int n = 0;
    for (int j = 0; j < b.lo()[l].length; j++) {
      n += undecided(nap, b, l, j) ? 1 : 0;
    }
    return n;
  }

  /**
   * A lower bound and the box corner minimising its relaxed objective (a candidate counterexample).
   */
  record Bound(double value, double[] argmin) {}

  /** The region (box, pattern, pre-activation bounds of the hidden layers) being bounded. */
  final class Region {
    private final double[] boxLo;
    private final double[] boxHi;
    private final int[][] state;
    private final double[][] lo;
    private final double[][] hi;

    Region(double[] boxLo, double[] boxHi, Nap nap, Bounds b) {
      this.boxLo = boxLo;
      this.boxHi = boxHi;
      this.state = nap.state();
      this.lo = b.lo();
      this.hi = b.hi();
    }

    /**
     * The best lower bound of {@code c . z_top} over the region found in {@code steps} ascent steps
     * ({@code z_top}: pre-activations of layer {@code top}, the output layer when {@code top} is
     * the number of hidden layers).
     */
    Bound lower(int top, double[] c, int steps) {
      return lower(top, c, steps, Double.POSITIVE_INFINITY);
    }

    /** As {@link #lower(int, double[], int)}, stopping once the bound exceeds {@code enough}. */
    Bound lower(int top, double[] c, int steps, double enough) {
      Params p = new Params(top, c);
      Bound best = null;
      for (int t = 0; t <= steps; t++) {
        double v = p.forward();
        if (best == null || v > best.value()) {
          best = new Bound(v, p.corner());
        }
        if (t == steps || best.value() > enough) {
          break;
        }
        p.backward();
        p.step(t + 1);
      }
      return best;
    }

    /** The dual variables of one bound, the back-substitution's stored state and Adam moments. */
    private final class Params {
      private final int top;
      private final double[] c;
      private final double[][] alpha;
      private final double[][] beta;
      private final double[][] gAlpha;
      private final double[][] gBeta;
      private final double[][] lam; // lam[l]: coefficients on a_l (l = -1 is x: lamIn)
      private final double[][] mu; // mu[l]: coefficients on z_l
      private double[] lamIn;
      private final Adam adamAlpha;
      private final Adam adamBeta;

      Params(int top, double[] c) {
        this.top = top;
        this.c = c;
        int layers = Math.min(top + 1, net.hiddenLayers());
        alpha = new double[layers][];
        beta = new double[layers][];
        gAlpha = new double[layers][];
        gBeta = new double[layers][];
        lam = new double[top][];
        mu = new double[top + 1][];
        for (int l = 0; l < layers; l++) {
          int n = net.width(l);
          alpha[l] = new double[n];
          beta[l] = new double[n];
          gAlpha[l] = new double[n];
          gBeta[l] = new double[n];
          for (int k = 0; k < n; k++) {
            // CROWN's adaptive slope: the lower line of smaller area
            alpha[l][k] = hi[l][k] > -lo[l][k] ? 1 : 0;
          }
        }
        // β-CROWN's learning rates; the output bounds' own β rate and decay from the options
        boolean output = top == net.hiddenLayers();
        double decay = output ? options.finalDecay() : 1;
        adamAlpha = new Adam(alpha, 0.1, decay);
        adamBeta = new Adam(beta, output ? options.finalBetaRate() : BETA_RATE, decay);
      }

      /** The bound at the current (α, β); fills {@code lam}, {@code mu}, {@code lamIn}. */
      double forward() {
        double k0 = 0;
        mu[top] = c.clone();
        if (top < net.hiddenLayers()) {
          for (int k = 0; k < c.length; k++) {
            int s = state[top][k];
            mu[top][k] += s == Nap.ACTIVE ? -beta[top][k] : s == Nap.INACTIVE ? beta[top][k] : 0;
          }
        }
        for (int l = top; l >= 0; l--) {
          double[][] w = net.w()[l];
          double[] lamPrev = new double[w[0].length];
          for (int k = 0; k < w.length; k++) {
            double m = mu[l][k];
            if (m != 0) {
              k0 += m * net.b()[l][k];
              double[] row = w[k];
              for (int i = 0; i < row.length; i++) {
                lamPrev[i] += m * row[i];
              }
            }
          }
          if (l == 0) {
            lamIn = lamPrev;
          } else {
            lam[l - 1] = lamPrev;
            k0 += relax(l - 1);
          }
        }
        for (int i = 0; i < lamIn.length; i++) {
          k0 += lamIn[i] >= 0 ? lamIn[i] * boxLo[i] : lamIn[i] * boxHi[i];
        }
        return k0;
      }

      /** {@code mu[l]} from {@code lam[l]} through the neurons' linear bounds; the intercepts. */
      private double relax(int l) {
        double[] lm = lam[l];
        double[] m = new double[lm.length];
        double k0 = 0;
        for (int k = 0; k < lm.length; k++) {
          int s = state[l][k];
          double x = lm[k];
          if (s == Nap.ACTIVE) {
            m[k] = x - beta[l][k];
          } else if (s == Nap.INACTIVE) {
            m[k] = beta[l][k];
          } else if (lo[l][k] >= 0) {
            m[k] = x;
          } else if (hi[l][k] <= 0) {
            m[k] = 0;
          } else if (x >= 0) {
            m[k] = alpha[l][k] * x;
          } else {
            double slope = hi[l][k] / (hi[l][k] - lo[l][k]);
            m[k] = slope * x;
            k0 -= slope * lo[l][k] * x;
          }
        }
        mu[l] = m;
        return k0;
      }

      /** Gradients of the last forward bound with respect to α and β. */
      void backward() {
        double[] g = new double[lamIn.length];
        for (int i = 0; i < g.length; i++) {
          g[i] = lamIn[i] >= 0 ? boxLo[i] : boxHi[i];
        }
        for (int l = 0; l <= top; l++) {
          double[][] w = net.w()[l];
          double[] gMu = new double[w.length];
          for (int k = 0; k < w.length; k++) {
            double s = net.b()[l][k];
            double[] row = w[k];
            for (int i = 0; i < row.length; i++) {
              s += row[i] * g[i];
            }
            gMu[k] = s;
          }
          g = l < top ? relaxGradient(l, gMu) : gMu;
        }
        if (top < net.hiddenLayers()) {
          for (int k = 0; k < g.length; k++) {
            int s = state[top][k];
            gBeta[top][k] = s == Nap.ACTIVE ? -g[k] : s == Nap.INACTIVE ? g[k] : 0;
          }
        }
      }

      /** Chain rule through {@link #relax}: fills α, β gradients, returns d bound / d lam[l]. */
      private double[] relaxGradient(int l, double[] gMu) {
        double[] lm = lam[l];
        double[] g = new double[lm.length];
        for (int k = 0; k < lm.length; k++) {
          int s = state[l][k];
          gAlpha[l][k] = 0;
          gBeta[l][k] = 0;
          if (s == Nap.ACTIVE) {
            g[k] = gMu[k];
            gBeta[l][k] = -gMu[k];
          } else if (s == Nap.INACTIVE) {
            gBeta[l][k] = gMu[k];
          } else if (lo[l][k] >= 0) {
            g[k] = gMu[k];
          } else if (hi[l][k] <= 0) {
            g[k] = 0;
          } else if (lm[k] >= 0) {
            g[k] = alpha[l][k] * gMu[k];
            gAlpha[l][k] = lm[k] * gMu[k];
          } else {
            double slope = hi[l][k] / (hi[l][k] - lo[l][k]);
            g[k] = slope * gMu[k] - slope * lo[l][k];
          }
        }
        return g;
      }

      /** One projected Adam ascent step: α into [0, 1], β into [0, ∞). */
      void step(int t) {
        adamAlpha.step(gAlpha, t, 0, 1);
        adamBeta.step(gBeta, t, 0, Double.POSITIVE_INFINITY);
      }

      /** The box corner that minimises the concretised linear function. */
      double[] corner() {
        double[] x = new double[lamIn.length];
        for (int i = 0; i < x.length; i++) {
          x[i] = lamIn[i] >= 0 ? boxLo[i] : boxHi[i];
        }
        return x;
      }
    }
  }

  /** Adam (ascent) on a ragged parameter array, projected onto {@code [min, max]}. */
  private static final class Adam {
    private final double[][] p;
    private final double[][] m;
    private final double[][] v;
    private final double lr;
    private final double decay;

    Adam(double[][] p, double lr, double decay) {
      this.p = p;
      this.lr = lr;
      this.decay = decay;
      m = new double[p.length][];
      v = new double[p.length][];
      for (int l = 0; l < p.length; l++) {
        m[l] = new double[p[l].length];
        v[l] = new double[p[l].length];
      }
    }

    void step(double[][] g, int t, double min, double max) {
      double c1 = 1 - Math.pow(0.9, t);
      double c2 = 1 - Math.pow(0.999, t);
      for (int l = 0; l < p.length; l++) {
        for (int k = 0; k < p[l].length; k++) {
          double gk = g[l][k];
          if (gk == 0 && m[l][k] == 0) {
            continue;
          }
          m[l][k] = 0.9 * m[l][k] + 0.1 * gk;
          v[l][k] = 0.999 * v[l][k] + 0.001 * gk * gk;
          double d = lr * Math.pow(decay, t) * (m[l][k] / c1) / (Math.sqrt(v[l][k] / c2) + 1e-12);
          p[l][k] = Math.min(max, Math.max(min, p[l][k] + d));
        }
      }
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
