package org.gyrus.logic.fol.prover;

import java.util.List;
import org.gyrus.logic.fol.cnf.Literal;

/**
 * How a clause was obtained: the rule, the parent clause ids, the parents' instances the rule was
 * applied to (so a checker can re-verify the step without redoing unification), rule-specific
 * indices ({@link ProofChecker} documents them) and, for inputs, where the clause came from.
 */
public record Inference(
    String rule,
    List<Integer> parents,
    List<List<Literal>> instances,
    List<Integer> info,
    String origin) {
  public static final String INPUT = "input";
  public static final String RESOLVE = "resolve";
  public static final String FACTOR = "factor";
  public static final String EQ_RESOLVE = "eq_resolve";
  public static final String EQ_FACTOR = "eq_factor";
  public static final String SUPERPOSE = "superpose";
  public static final String DEMOD = "demod";

  public Inference {
    parents = List.copyOf(parents);
    instances = List.copyOf(instances);
    info = List.copyOf(info);
  }

  public static Inference input(String origin) {
    return new Inference(INPUT, List.of(), List.of(), List.of(), origin);
  }
}
