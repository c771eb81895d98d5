package org.gyrus.nas.discover;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;

/**
 * One proposal of the loop: candidate {@code number}, its block program, the candidates it came
 * from and how ({@code seed:NAME}, {@code mutate:OP}, {@code crossover}, {@code fresh}, ...).
 * Stored whole as the trial's params, so a trial row never holds a candidate without its lineage.
 */
public record Candidate(int number, Value program, List<Integer> parents, String operator) {
  public static final String TYPE = "discovery_candidate";

  public Candidate {
    parents = List.copyOf(parents);
  }

  public Value toValue() {
    List<Value> ps = new ArrayList<>();
    parents.forEach(p -> ps.add(new Value.IntVal(p)));
    return Node.of(
        TYPE,
        "number",
        number,
        "program",
        program,
        "parents",
        new ListVal(ps),
        "operator",
        operator);
  }

  /** Reads a candidate written by {@link #toValue}; anything else is an error naming the trial. */
  public static Candidate fromValue(Value v, String where) {
    if (!(v instanceof Node n) || !n.type().equals(TYPE) || n.arg("program") == null) {
      throw new SpecError(where, "a " + TYPE + " node", String.valueOf(v));
    }
    List<Integer> parents = new ArrayList<>();
    for (Value p : n.listArg("parents")) {
      parents.add((int) ((Value.IntVal) p).value());
    }
    return new Candidate(
        (int) n.intArg("number", -1), n.arg("program"), parents, n.strArg("operator", "?"));
  }
}
