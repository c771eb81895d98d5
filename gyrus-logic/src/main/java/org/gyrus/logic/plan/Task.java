package org.gyrus.logic.plan;

import java.util.List;

/**
 * A grounded task over binary facts {@code 0..facts.size()-1}: only facts that actions can change
 * remain (static facts were evaluated away during grounding).
 *
 * @param facts names of the facts, e.g. {@code (on a b)}
 * @param ops the ground operators
 * @param axioms ground derived-predicate rules, evaluated stratum by stratum after every step
 * @param init the facts true initially (derived facts not included)
 * @param goalPos facts the goal needs true
 * @param goalNeg facts the goal needs false
 * @param derived which facts are derived (computed by the axioms, never set by operators)
 */
public record Task(
    List<String> facts,
    List<Op> ops,
    List<Axiom> axioms,
    int[] init,
    int[] goalPos,
    int[] goalNeg,
    boolean[] derived,
    boolean unitCost,
    boolean conditionalEffects) {

  /**
   * A ground operator; {@code hidden} operators (the goal disjunction's helpers) are left out of
   * printed plans.
   */
  public record Op(
      String name,
      int[] pre,
      int[] preNeg,
      int[] add,
      int[] del,
      List<CondEffect> conds,
      double cost,
      boolean hidden) {}

  /**
   * A conditional effect: when {@code pos} hold and {@code neg} do not, add/delete {@code fact}.
   */
  public record CondEffect(int[] pos, int[] neg, int fact, boolean add) {}

  /**
   * {@code head} holds when {@code pos} hold and {@code neg} do not; {@code stratum} orders them.
   */
  public record Axiom(int[] pos, int[] neg, int head, int stratum) {}

  public int numFacts() {
    return facts.size();
  }
}
