package org.gyrus.logic.ilp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.core.SpecError;

/**
 * The language bias (Popper's mode declarations): the head predicate, the body predicates with
 * their argument types and directions, and the size limits of a hypothesis. A type of null matches
 * any type; a predicate without {@code direction} has every argument {@code out} (any variable).
 * With {@code allowSingletons} a body variable may occur once (Popper's {@code allow_singletons}).
 */
public record Bias(
    Pred head,
    List<Pred> body,
    int maxVars,
    int maxBody,
    int maxClauses,
    boolean recursion,
    boolean allowSingletons) {

  /** One predicate: name, argument types (null = untyped) and which arguments must be bound. */
  public record Pred(String name, List<String> types, List<Boolean> inputs) {
    public int arity() {
      return types.size();
    }

    public String key() {
      return name + "/" + arity();
    }
  }

  public Bias {
    body = List.copyOf(body);
    if (maxVars < head.arity() || maxBody < 1 || maxClauses < 1) {
      throw new SpecError(
          "bias",
          "max_vars >= head arity, max_body >= 1, max_clauses >= 1",
          maxVars + ", " + maxBody + ", " + maxClauses);
    }
  }

  /** The body predicates plus, when recursion is on, the head predicate (last). */
  public List<Pred> bodyWithRecursion() {
    if (!recursion) {
      return body;
    }
    List<Pred> all = new ArrayList<>(body);
    all.add(head);
    return all;
  }

  /**
   * Reads a Popper {@code bias.pl}: head_pred, body_pred, type, direction, max_*, enable_recursion.
   */
  public static Bias read(List<PrologReader.Clause> clauses) {
    String head = null;
    int headArity = 0;
    String headWhere = null;
    Map<String, Integer> body = new LinkedHashMap<>();
    Map<String, List<String>> types = new LinkedHashMap<>();
    Map<String, List<Boolean>> dirs = new LinkedHashMap<>();
    Map<String, String> where = new LinkedHashMap<>();
    int maxVars = 6;
    int maxBody = 6;
    int maxClauses = 1;
    boolean recursion = false;
    boolean singletons = false;
    for (PrologReader.Clause c : clauses) {
      if (c.head() == null || c.body() != null) {
        continue; // Popper's hand-written ASP constraints (:- ...) are not supported: skipped
      }
      String f = Term.functor(c.head());
      List<Term> a = Term.args(c.head());
      switch (f == null ? "" : f + "/" + a.size()) {
        case "head_pred/2" -> {
          if (head != null) {
            throw new SpecError(
                c.where(), "one head_pred", "a second one (first at " + headWhere + ")");
          }
          head = symbol(a.get(0), c.where());
          headArity = integer(a.get(1), c.where());
          headWhere = c.where();
        }
        case "body_pred/2" -> {
          String name = symbol(a.get(0), c.where());
          body.put(name, integer(a.get(1), c.where()));
          where.put(name, c.where());
        }
        case "type/2" -> types.put(symbol(a.get(0), c.where()), tuple(a.get(1), c.where()));
        case "direction/2" ->
            dirs.put(symbol(a.get(0), c.where()), directions(a.get(1), c.where()));
        case "max_vars/1" -> maxVars = integer(a.get(0), c.where());
        case "max_body/1" -> maxBody = integer(a.get(0), c.where());
        case "max_clauses/1" -> maxClauses = integer(a.get(0), c.where());
        case "enable_recursion/0" -> recursion = true;
        case "allow_singletons/0" -> singletons = true;
        case "non_datalog/0" -> {}
        default ->
            throw new SpecError(
                c.where(),
                "head_pred/2, body_pred/2, type/2, direction/2, max_vars/1, max_body/1,"
                    + " max_clauses/1 or enable_recursion",
                c.head().toString());
      }
    }
    if (head == null) {
      throw new SpecError("bias", "a head_pred(NAME, ARITY) fact", "none");
    }
    Pred headPred = pred(head, headArity, types, dirs, headWhere);
    List<Pred> preds = new ArrayList<>();
    for (Map.Entry<String, Integer> e : body.entrySet()) {
      preds.add(pred(e.getKey(), e.getValue(), types, dirs, where.get(e.getKey())));
    }
    return new Bias(headPred, preds, maxVars, maxBody, maxClauses, recursion, singletons);
  }

  private static Pred pred(
      String name,
      int arity,
      Map<String, List<String>> types,
      Map<String, List<Boolean>> dirs,
      String where) {
    List<String> t = types.getOrDefault(name, java.util.Collections.nCopies(arity, null));
    List<Boolean> d = dirs.getOrDefault(name, java.util.Collections.nCopies(arity, false));
    if (t.size() != arity || d.size() != arity) {
      throw new SpecError(
          where,
          "type and direction of " + name + " with " + arity + " arguments",
          t.size() + " types and " + d.size() + " directions");
    }
    return new Pred(name, t, d);
  }

  private static String symbol(Term t, String where) {
    if (t instanceof Term.Sym s) {
      return s.name();
    }
    throw new SpecError(where, "a predicate name", t.toString());
  }

  private static int integer(Term t, String where) {
    if (t instanceof Term.Int i && i.value() >= 0 && i.value() < 1000) {
      return (int) i.value();
    }
    throw new SpecError(where, "a small non-negative integer", t.toString());
  }

  private static List<String> tuple(Term t, String where) {
    List<Term> items = t instanceof Term.Compound c && c.name().equals(",") ? c.args() : List.of(t);
    List<String> out = new ArrayList<>();
    for (Term item : items) {
      out.add(symbol(item, where));
    }
    return out;
  }

  private static List<Boolean> directions(Term t, String where) {
    List<Boolean> out = new ArrayList<>();
    for (String s : tuple(t, where)) {
      if (!s.equals("in") && !s.equals("out")) {
        throw new SpecError(where, "in or out", s);
      }
      out.add(s.equals("in"));
    }
    return out;
  }
}
