package org.gyrus.logic.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lifted PDDL task as parsed: terms are strings (variables start with '?', everything is
 * lower-case), conditions and effects are small sealed trees.
 */
public final class Pddl {
  private Pddl() {}

  /** A name with its type; {@code (either a b)} gives several types. */
  public record Typed(String name, List<String> types) {}

  /** A condition (precondition, goal, effect condition, derived-predicate body). */
  public sealed interface Cond permits Atom, Eq, Not, And, Or, Quant, Truth {}

  /** {@code (pred arg ...)}; {@code at} is where it was written. */
  public record Atom(String pred, List<String> args, String at) implements Cond {
    @Override
    public String toString() {
      return args.isEmpty() ? "(" + pred + ")" : "(" + pred + " " + String.join(" ", args) + ")";
    }
  }

  /** {@code (= a b)}. */
  public record Eq(String left, String right) implements Cond {}

  public record Not(Cond body) implements Cond {}

  public record And(List<Cond> parts) implements Cond {}

  public record Or(List<Cond> parts) implements Cond {}

  /** {@code forall} (universal) or {@code exists}. */
  public record Quant(boolean universal, List<Typed> vars, Cond body) implements Cond {}

  public record Truth(boolean value) implements Cond {}

  /** An effect. */
  public sealed interface Effect permits Lit, When, ForallEffect, Increase {}

  /** Adds ({@code add}) or deletes an atom. */
  public record Lit(Atom atom, boolean add) implements Effect {}

  public record When(Cond cond, List<Effect> effects) implements Effect {}

  public record ForallEffect(List<Typed> vars, List<Effect> effects) implements Effect {}

  /** {@code (increase (total-cost) AMOUNT)}: the action's cost. */
  public record Increase(NumExpr amount) implements Effect {}

  /** A cost amount: a number or a function term looked up in the problem's init. */
  public sealed interface NumExpr permits Num, Fn {}

  public record Num(double value) implements NumExpr {}

  public record Fn(String name, List<String> args, String at) implements NumExpr {}

  public record Action(
      String name, List<Typed> params, Cond pre, List<Effect> effects, String at) {}

  /** {@code (:derived (head ?x ...) body)}. */
  public record Derived(String pred, List<Typed> params, Cond body, String at) {}

  public record Domain(
      String name,
      Set<String> requirements,
      Map<String, List<String>> typeParents,
      List<Typed> constants,
      Map<String, List<Typed>> predicates,
      Map<String, Integer> functions,
      List<Action> actions,
      List<Derived> derived,
      String file) {}

  public record Problem(
      String name,
      String domain,
      List<Typed> objects,
      List<Atom> init,
      Map<String, Double> numbers,
      Cond goal,
      boolean minimizeCost,
      String file) {}

  /** The key of a ground function value: {@code name a b}. */
  public static String fnKey(String name, List<String> args) {
    return args.isEmpty() ? name : name + " " + String.join(" ", args);
  }
}
