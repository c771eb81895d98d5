package org.gyrus.nesy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.gyrus.core.SpecError;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Relation;
import org.gyrus.logic.datalog.provenance.Provenance;
import org.gyrus.logic.datalog.provenance.TopKSemiring;

/**
 * Grounds a Datalog program with one neural predicate into a {@link SumProductCircuit} by running
 * the gyrus-logic engine under the top-k proofs semiring once per query shape.
 *
 * <p>The neural predicate {@code pred(slotName, Value)} is emitted as {@code slots * values}
 * probabilistic input facts {@code 0.1::pred(s<i>, v).} in front of the user's rules, so input fact
 * id {@code i * values + v} is exactly the circuit's fact id. The query predicate must have one
 * argument, an integer output in {@code [0, outputs)}. Each output's proofs (sets of input facts)
 * become the terms of that output; proofs of one output are checked to be mutually exclusive, which
 * holds for programs in which every proof fixes each slot it uses to one value.
 */
public final class DatalogGrounder {
  private DatalogGrounder() {}

  /**
   * @param rules the program without the neural facts; slots are referred to as {@code s0, s1, ...}
   * @param neuralPred name of the neural predicate, arity 2 (slot, value)
   * @param slots number of network inputs per query
   * @param values values of the neural predicate are {@code 0 .. values-1}
   * @param queryPred unary predicate holding the output value
   * @param outputs number of output values
   * @param k top-k proofs kept per tuple (use a large k for the exact circuit)
   */
  public static SumProductCircuit ground(
      String rules,
      String neuralPred,
      int slots,
      int values,
      String queryPred,
      int outputs,
      int k) {
    StringBuilder src = new StringBuilder();
    double p = 1.0 / values;
    for (int s = 0; s < slots; s++) {
      for (int v = 0; v < values; v++) {
        src.append(p).append("::").append(neuralPred).append("(s").append(s).append(", ");
        src.append(v).append(").\n");
      }
    }
    src.append(rules).append('\n');
    Program prog = Parser.parse(src.toString(), "<neural program>");
    Engine engine = new Engine(prog);
    engine.run();
    Relation rel = engine.relation(queryPred);
    if (rel == null || rel.arity() != 1) {
      throw new SpecError(
          queryPred,
          "a unary query predicate",
          rel == null ? "none" : "arity " + (rel == null ? 0 : rel.arity()));
    }
    Provenance<TopKSemiring.Dnf> prov =
        new Provenance<>(engine, new TopKSemiring(k), Set.of(queryPred));
    List<List<int[]>> terms = SumProductCircuit.emptyOutputs(outputs);
    for (int row = 0; row < rel.size(); row++) {
      Object v = engine.symbols().value(rel.get(row, 0));
      if (!(v instanceof Number n) || n.longValue() < 0 || n.longValue() >= outputs) {
        throw new SpecError(queryPred, "an integer output in [0," + outputs + ")", "" + v);
      }
      for (TopKSemiring.Proof proof : prov.tag(rel, row).proofs()) {
        int[] f = proof.facts();
        for (int x : f) {
          if (x >= slots * values) {
            throw new SpecError(queryPred, "proofs over neural facts only", "input fact " + x);
          }
        }
        terms.get((int) n.longValue()).add(Arrays.copyOf(f, f.length));
      }
    }
    return new SumProductCircuit(slots, values, terms);
  }

  /** The DeepProbLog MNIST-addition program for N-digit numbers, slots a_1..a_N, b_1..b_N. */
  public static String additionRules(int digits) {
    StringBuilder body = new StringBuilder();
    StringBuilder a = new StringBuilder("0");
    StringBuilder b = new StringBuilder("0");
    for (int i = 0; i < digits; i++) {
      body.append("digit(s").append(i).append(", A").append(i).append("), ");
      body.append("digit(s").append(digits + i).append(", B").append(i).append("), ");
      a.insert(0, "(").append(" * 10 + A").append(i).append(")");
      b.insert(0, "(").append(" * 10 + B").append(i).append(")");
    }
    return "addition(Z) :- " + body + "Z = " + a + " + " + b + ".";
  }

  /** Lists the proofs of an output, for inspection. */
  public static List<String> show(List<int[]> terms, int values) {
    List<String> out = new ArrayList<>();
    for (int[] t : terms) {
      StringBuilder sb = new StringBuilder();
      for (int f : t) {
        sb.append("digit(s").append(f / values).append(",").append(f % values).append(") ");
      }
      out.add(sb.toString().trim());
    }
    return out;
  }
}
