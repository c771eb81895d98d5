package org.gyrus.logic.fol.prover;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A refutation: the clauses the empty clause depends on, parents before children. */
public record Proof(List<Clause> steps) {
  public Proof {
    steps = List.copyOf(steps);
  }

  static Proof of(Clause empty, List<Clause> all) {
    Map<Integer, Clause> seen = new HashMap<>();
    Deque<Clause> todo = new ArrayDeque<>();
    todo.push(empty);
    while (!todo.isEmpty()) {
      Clause c = todo.pop();
      if (seen.putIfAbsent(c.id, c) != null) {
        continue;
      }
      for (int p : c.inference.parents()) {
        todo.push(all.get(p));
      }
    }
    List<Clause> steps = new ArrayList<>(seen.values());
    steps.sort(Comparator.comparingInt(c -> c.id));
    return new Proof(steps);
  }

  /** The input origins the proof uses (e.g. "premise 2", "negated conclusion"). */
  public List<String> origins() {
    List<String> out = new ArrayList<>();
    for (Clause c : steps) {
      if (c.inference.rule().equals(Inference.INPUT) && !out.contains(c.inference.origin())) {
        out.add(c.inference.origin());
      }
    }
    return out;
  }

  /** One line per step: id, clause, rule and parents. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (Clause c : steps) {
      sb.append(
          String.format("%5d. %s", c.id, org.gyrus.logic.fol.cnf.Literal.clauseToString(c.lits)));
      Inference inf = c.inference;
      if (inf.rule().equals(Inference.INPUT)) {
        sb.append("   [").append(inf.origin()).append("]\n");
      } else {
        sb.append("   [").append(inf.rule()).append(' ').append(inf.parents()).append("]\n");
      }
    }
    return sb.toString();
  }
}
