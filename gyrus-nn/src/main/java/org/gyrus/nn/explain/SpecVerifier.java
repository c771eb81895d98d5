package org.gyrus.nn.explain;

import java.util.List;

/**
 * Checks "every input in the box whose activation pattern matches {@code nap} is classified {@code
 * target}". A REFUTED verdict always carries an input that {@link #violates} confirms by running
 * the network forward.
 */
public interface SpecVerifier {
  ReluMlp net();

  Verdict verify(double[] boxLo, double[] boxHi, Nap nap, int target);

  /** NAP_target ⇒ target over the whole input domain. */
  default Verdict verify(Nap nap, int target) {
    return verify(net().lo(), net().hi(), nap, target);
  }

  /** The L∞ ball of radius {@code eps} around {@code x0}, cut to the input domain. */
  default Verdict verifyBall(double[] x0, double eps, Nap nap, int target) {
    double[] lo = new double[x0.length];
    double[] hi = new double[x0.length];
    for (int i = 0; i < x0.length; i++) {
      lo[i] = Math.max(net().lo()[i], x0[i] - eps);
      hi[i] = Math.min(net().hi()[i], x0[i] + eps);
    }
    return verify(lo, hi, nap, target);
  }

  /**
   * The forward pass's own check of a counterexample: inside the box, matches the pattern, and not
   * classified {@code target}.
   */
  static boolean violates(
      ReluMlp net, double[] x, double[] boxLo, double[] boxHi, Nap nap, int target) {
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= boxLo[i] && x[i] <= boxHi[i])) {
        return false;
      }
    }
    double[][] z = net.preActivations(x);
    return nap.matches(z) && ReluMlp.argMax(z[z.length - 1]) != target;
  }

  /** The engine names {@link #of} takes. */
  List<String> ENGINES =
      List.of("milp", "milp-lp", "crown", "crown-long", "crown-deep", "crown-only", "z3");

  /** {@link #ENGINES} as a sentence: "a, b, … or z". */
  static String engineList() {
    return String.join(", ", ENGINES.subList(0, ENGINES.size() - 1))
        + " or "
        + ENGINES.get(ENGINES.size() - 1);
  }

  /**
   * An engine by name: {@code milp} (ojAlgo, interval bounds, default), {@code milp-lp} (the same
   * with LP-tightened bounds first), {@code crown} (β-CROWN bounds per rival, the MILP over the
   * tightened bounds for the rivals left), {@code crown-long} (the same with 30 ascent steps per
   * intermediate bound and 1500 per rival: β converges on NAPs that fix most deep neurons), {@code
   * crown-deep} (crown-long with long ascents for the deep layers' few undecided neurons and a
   * faster decaying β rate per rival), {@code crown-only} (the bounds alone) or {@code z3}.
   */
  static SpecVerifier of(String engine, ReluMlp net, long timeoutMs) {
    switch (engine) {
      case "milp":
        return new MilpVerifier(net, timeoutMs, false);
      case "milp-lp":
        return new MilpVerifier(net, timeoutMs, true);
      case "crown":
        return new CrownVerifier(net, timeoutMs, CrownVerifier.Options.DEFAULT);
      case "crown-long":
        return new CrownVerifier(net, timeoutMs, CrownVerifier.Options.LONG);
      case "crown-deep":
        return new CrownVerifier(net, timeoutMs, CrownVerifier.Options.DEEP);
      case "crown-only":
        CrownVerifier.Options d = CrownVerifier.Options.DEFAULT;
        return new CrownVerifier(
            net,
            timeoutMs,
            new CrownVerifier.Options(d.intermediateSteps(), d.finalSteps(), false));
      case "z3":
        return new Z3Verifier(net, timeoutMs);
      default:
        throw new IllegalArgumentException("solver must be " + engineList() + ", got " + engine);
    }
  }
}
