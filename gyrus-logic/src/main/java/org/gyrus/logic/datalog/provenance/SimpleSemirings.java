package org.gyrus.logic.datalog.provenance;

import org.gyrus.logic.datalog.DatalogError;

/** The semirings whose tags are one number or a truth value. */
final class SimpleSemirings {
  private SimpleSemirings() {}

  /** Plain derivability. */
  static final class Bool implements Semiring<Boolean> {
    @Override
    public String name() {
      return "boolean";
    }

    @Override
    public Boolean zero() {
      return false;
    }

    @Override
    public Boolean one() {
      return true;
    }

    @Override
    public Boolean plus(Boolean a, Boolean b) {
      return a || b;
    }

    @Override
    public Boolean times(Boolean a, Boolean b) {
      return a && b;
    }

    @Override
    public Boolean input(int id, double p) {
      return p > 0;
    }
  }

  /** Number of derivation trees; infinite on cyclic derivations, which evaluation reports. */
  static final class Counting implements Semiring<Long> {
    @Override
    public String name() {
      return "counting";
    }

    @Override
    public Long zero() {
      return 0L;
    }

    @Override
    public Long one() {
      return 1L;
    }

    @Override
    public Long plus(Long a, Long b) {
      try {
        return Math.addExact(a, b);
      } catch (ArithmeticException e) {
        throw new DatalogError("counting", "more than 2^63 derivations");
      }
    }

    @Override
    public Long times(Long a, Long b) {
      try {
        return Math.multiplyExact(a, b);
      } catch (ArithmeticException e) {
        throw new DatalogError("counting", "more than 2^63 derivations");
      }
    }

    @Override
    public Long input(int id, double p) {
      return p > 0 ? 1L : 0L;
    }

    @Override
    public boolean isIdempotent() {
      return false;
    }
  }

  /** Degrees in [0, 1] combined by max over derivations; subclasses say how premises combine. */
  abstract static class MaxOverDerivations implements Semiring<Double> {
    @Override
    public Double zero() {
      return 0.0;
    }

    @Override
    public Double one() {
      return 1.0;
    }

    @Override
    public Double plus(Double a, Double b) {
      return Math.max(a, b);
    }

    @Override
    public Double input(int id, double p) {
      return p;
    }

    @Override
    public double probability(Double t) {
      return t;
    }
  }

  /** Probability of the best derivation (Viterbi). */
  static final class MaxProd extends MaxOverDerivations {
    @Override
    public String name() {
      return "maxprod";
    }

    @Override
    public Double times(Double a, Double b) {
      return a * b;
    }
  }

  /** Possibility degree: max over derivations of the min over premises (Π-NeSy). */
  static final class MinMax extends MaxOverDerivations {
    @Override
    public String name() {
      return "minmax";
    }

    @Override
    public Double times(Double a, Double b) {
      return Math.min(a, b);
    }
  }
}
