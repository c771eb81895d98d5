package org.gyrus.agents.library;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gyrus.logic.datalog.Ast.Literal;
import org.gyrus.logic.datalog.Ast.Negated;
import org.gyrus.logic.datalog.Ast.Positive;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.Parser;

/**
 * A reusable Datalog module: rules defining one output relation (named after the module) from base
 * relations and other modules, which it calls by name.
 *
 * @param version 1 for the first admitted version of a name, then counting up
 * @param rules Datalog rules, each ending with a dot
 */
public record Module(String name, int version, RelType output, List<String> rules) {
  public Module {
    if (!name.equals(output.name())) {
      throw new IllegalArgumentException(
          "module " + name + " must define " + name + ", not " + output);
    }
    rules = List.copyOf(rules);
  }

  public Module withVersion(int v) {
    return new Module(name, v, output, rules);
  }

  /** The rules parsed; a syntax error names the module. */
  public Program program() {
    return Parser.parse(String.join("\n", rules), "module " + name + " v" + version);
  }

  /** Every predicate the bodies mention, in order of first use (the module's own name included). */
  public Set<String> bodyPredicates() {
    Set<String> out = new LinkedHashSet<>();
    for (Rule r : program().rules()) {
      for (Literal l : r.body()) {
        if (l instanceof Positive p) {
          out.add(p.atom().pred());
        } else if (l instanceof Negated n) {
          out.add(n.atom().pred());
        }
      }
    }
    return out;
  }

  /** Number of body atoms over all rules: the size the proposer orders candidates by. */
  public int atoms() {
    int n = 0;
    for (Rule r : program().rules()) {
      for (Literal l : r.body()) {
        n += l instanceof Positive || l instanceof Negated ? 1 : 0;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return name + " v" + version + ": " + String.join(" ", rules);
  }
}
