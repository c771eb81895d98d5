package org.example.gyrus.plugin;

import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;
import org.gyrus.logic.datalog.provenance.Semiring;
import org.gyrus.logic.datalog.provenance.SemiringFactory;

/**
 * The tropical (min, +) semiring over costs {@code -ln p}: a tuple's tag is the cost of its
 * cheapest derivation, so {@code exp(-cost)} is the probability of the most likely proof — what
 * max-product computes, in log space, without underflow on long proofs (example plug-in).
 */
public final class Tropical implements Semiring<Double> {
  @Override
  public String name() {
    return "tropical";
  }

  @Override
  public Double zero() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public Double one() {
    return 0.0;
  }

  @Override
  public Double plus(Double a, Double b) {
    return Math.min(a, b);
  }

  @Override
  public Double times(Double a, Double b) {
    return a + b;
  }

  @Override
  public Double input(int id, double p) {
    return -Math.log(p);
  }

  @Override
  public double probability(Double cost) {
    return Math.exp(-cost);
  }

  /** {@code tropical}: the registered factory. */
  @Register
  public static final class Factory implements SemiringFactory {
    @Override
    public NodeType type() {
      return NodeType.of("tropical", "min-plus over costs -ln p: the most likely proof (plug-in)");
    }

    @Override
    public Semiring<?> create(Args a) {
      return new Tropical();
    }
  }
}
