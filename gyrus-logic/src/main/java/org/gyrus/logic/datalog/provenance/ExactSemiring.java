package org.gyrus.logic.datalog.provenance;

import java.util.Arrays;

/**
 * Exact probability by knowledge compilation: a tag is a BDD over the input facts (all proofs at
 * once), its probability a weighted model count. Exponential in the worst case; meant for small
 * programs.
 */
public final class ExactSemiring implements Semiring<Integer> {
  private final Bdd bdd = new Bdd();
  private double[] probs = new double[16];

  @Override
  public String name() {
    return "exact";
  }

  public Bdd bdd() {
    return bdd;
  }

  @Override
  public Integer zero() {
    return Bdd.FALSE;
  }

  @Override
  public Integer one() {
    return Bdd.TRUE;
  }

  @Override
  public Integer plus(Integer a, Integer b) {
    return bdd.or(a, b);
  }

  @Override
  public Integer times(Integer a, Integer b) {
    return bdd.and(a, b);
  }

  @Override
  public Integer input(int id, double p) {
    if (id >= probs.length) {
      probs = Arrays.copyOf(probs, Math.max(id + 1, probs.length * 2));
    }
    probs[id] = p;
    return bdd.variable(id);
  }

  @Override
  public double probability(Integer t) {
    return bdd.probability(t, probs);
  }
}
