package org.gyrus.logic.datalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.datalog.Ast.Aggregate;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.BinExpr;
import org.gyrus.logic.datalog.Ast.Comparison;
import org.gyrus.logic.datalog.Ast.Expr;
import org.gyrus.logic.datalog.Ast.Literal;
import org.gyrus.logic.datalog.Ast.Negated;
import org.gyrus.logic.datalog.Ast.Positive;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.Ast.Term;
import org.gyrus.logic.datalog.Ast.TermExpr;
import org.gyrus.logic.datalog.Ast.Var;

/**
 * Static checks of a program: consistent arities, safe rules, and a stratification (the strongly
 * connected components of the predicate dependency graph in evaluation order) with no negation or
 * aggregation inside a component.
 */
public final class Analysis {
  /** One strongly connected component; {@code recursive} when some rule in it uses it. */
  public record Component(List<String> predicates, boolean recursive) {}

  private final Map<String, Integer> arity = new LinkedHashMap<>();
  private final List<Component> components = new ArrayList<>();

  private Analysis() {}

  /** Checks the program and orders its predicates; throws {@link DatalogError} when bad. */
  public static Analysis of(Program program) {
    Analysis a = new Analysis();
    for (Rule r : program.rules()) {
      a.checkArities(r);
      checkSafe(r);
    }
    for (Atom q : program.queries()) {
      a.note(q, "query");
    }
    a.stratify(program.rules());
    return a;
  }

  public Map<String, Integer> arities() {
    return arity;
  }

  /** Components in an order where every component comes after the ones it depends on. */
  public List<Component> components() {
    return components;
  }

  private void checkArities(Rule r) {
    note(r.head(), r.where());
    forEachAtom(r.body(), a -> note(a, r.where()));
  }

  private void note(Atom a, String where) {
    Integer prev = arity.putIfAbsent(a.pred(), a.args().size());
    if (prev != null && prev != a.args().size()) {
      throw new DatalogError(
          where,
          "predicate "
              + a.pred()
              + " used with "
              + a.args().size()
              + " arguments but elsewhere "
              + "with "
              + prev);
    }
  }

  private static void forEachAtom(List<Literal> body, java.util.function.Consumer<Atom> f) {
    for (Literal l : body) {
      if (l instanceof Positive p) {
        f.accept(p.atom());
      } else if (l instanceof Negated n) {
        f.accept(n.atom());
      } else if (l instanceof Aggregate g) {
        forEachAtom(g.body(), f);
      }
    }
  }

  // ---- safety ----

  static void checkSafe(Rule r) {
    if (r.isFact() && isGround(r.head())) {
      return; // the common case, millions of times in big inputs: nothing to bind
    }
    for (Term t : r.head().args()) {
      if (t instanceof Var v && v.anonymous()) {
        throw unsafe(r, "the head has the anonymous variable " + v.name());
      }
    }
    Set<String> bound = bodyBindings(r, r.body(), Set.of(), outsideVars(r));
    for (Term t : r.head().args()) {
      if (t instanceof Var v && !bound.contains(v.name())) {
        throw unsafe(r, "head variable " + v.name() + " is not bound by a positive atom");
      }
    }
  }

  private static boolean isGround(Atom a) {
    for (Term t : a.args()) {
      if (!(t instanceof Ast.Const)) {
        return false;
      }
    }
    return true;
  }

  /** Variables of the rule, each with how many literals (and the head) mention it. */
  private static Map<String, Integer> outsideVars(Rule r) {
    Map<String, Integer> uses = new HashMap<>();
    for (Term t : r.head().args()) {
      addVar(t, uses);
    }
    for (Literal l : r.body()) {
      Set<String> vs = new HashSet<>();
      varsOf(l, vs);
      for (String v : vs) {
        uses.merge(v, 1, Integer::sum);
      }
    }
    return uses;
  }

  private static void addVar(Term t, Map<String, Integer> uses) {
    if (t instanceof Var v && !v.anonymous()) {
      uses.merge(v.name(), 1, Integer::sum);
    }
  }

  /** Checks one (possibly nested aggregate) body and returns the variables it binds. */
  private static Set<String> bodyBindings(
      Rule r, List<Literal> body, Set<String> outer, Map<String, Integer> uses) {
    Set<String> bound = new HashSet<>(outer);
    for (Literal l : body) {
      if (l instanceof Positive p) {
        for (Term t : p.atom().args()) {
          if (t instanceof Var v && !v.anonymous()) {
            bound.add(v.name());
          }
        }
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Literal l : body) {
        if (l instanceof Comparison c && c.op().equals("=")) {
          changed |= assigns(c.left(), c.right(), bound) || assigns(c.right(), c.left(), bound);
        } else if (l instanceof Aggregate g && !bound.contains(g.result().name())) {
          if (bound.containsAll(groupVars(g, uses))) {
            bound.add(g.result().name());
            changed = true;
          }
        }
      }
    }
    for (Literal l : body) {
      if (l instanceof Negated n) {
        for (Term t : n.atom().args()) {
          if (t instanceof Var v && !v.anonymous() && !bound.contains(v.name())) {
            throw unsafe(
                r, "variable " + v.name() + " in " + n + " is not bound by a positive atom");
          }
        }
      } else if (l instanceof Comparison c) {
        Set<String> vs = new HashSet<>();
        varsOf(c, vs);
        for (String v : vs) {
          if (v.startsWith("_")) {
            throw unsafe(r, "anonymous variable in comparison " + c);
          }
          if (!bound.contains(v)) {
            throw unsafe(r, "variable " + v + " in " + c + " is not bound by a positive atom");
          }
        }
      } else if (l instanceof Aggregate g) {
        Set<String> group = groupVars(g, uses);
        for (String v : group) {
          if (!bound.contains(v)) {
            throw unsafe(r, "variable " + v + " shared with aggregate " + g + " is not bound");
          }
        }
        Set<String> inner = bodyBindings(r, g.body(), group, Map.of());
        if (g.target() != null) {
          Set<String> tv = new HashSet<>();
          exprVars(g.target(), tv);
          for (String v : tv) {
            if (!inner.contains(v)) {
              throw unsafe(r, "aggregated variable " + v + " is not bound in " + g);
            }
          }
        }
      }
    }
    return bound;
  }

  /** Variables of an aggregate's body that the rest of the rule also mentions. */
  static Set<String> groupVars(Aggregate g, Map<String, Integer> uses) {
    Set<String> inner = new LinkedHashSet<>();
    for (Literal l : g.body()) {
      varsOf(l, inner);
    }
    Set<String> own = new HashSet<>();
    varsOf(g, own);
    Set<String> group = new LinkedHashSet<>();
    for (String v : inner) {
      // uses counts the aggregate literal itself once; more means the variable is shared.
      if (uses.getOrDefault(v, 0) > 1) {
        group.add(v);
      }
    }
    return group;
  }

  private static boolean assigns(Expr target, Expr source, Set<String> bound) {
    if (target instanceof TermExpr te && te.term() instanceof Var v && !bound.contains(v.name())) {
      Set<String> vs = new HashSet<>();
      exprVars(source, vs);
      if (bound.containsAll(vs)) {
        bound.add(v.name());
        return true;
      }
    }
    return false;
  }

  static void varsOf(Literal l, Set<String> out) {
    if (l instanceof Positive p) {
      atomVars(p.atom(), out);
    } else if (l instanceof Negated n) {
      atomVars(n.atom(), out);
    } else if (l instanceof Comparison c) {
      exprVars(c.left(), out);
      exprVars(c.right(), out);
    } else if (l instanceof Aggregate g) {
      out.add(g.result().name());
      if (g.target() != null) {
        exprVars(g.target(), out);
      }
      for (Literal x : g.body()) {
        varsOf(x, out);
      }
    }
  }

  private static void atomVars(Atom a, Set<String> out) {
    for (Term t : a.args()) {
      if (t instanceof Var v && !v.anonymous()) {
        out.add(v.name());
      }
    }
  }

  static void exprVars(Expr e, Set<String> out) {
    if (e instanceof TermExpr te) {
      if (te.term() instanceof Var v) {
        out.add(v.name());
      }
    } else if (e instanceof BinExpr b) {
      exprVars(b.left(), out);
      exprVars(b.right(), out);
    }
  }

  private static DatalogError unsafe(Rule r, String why) {
    return new DatalogError(r.where(), "unsafe rule: " + why + ": " + r);
  }

  // ---- stratification ----

  private record Edge(String to, boolean strict, Rule rule) {}

  private final Map<String, List<Edge>> deps = new LinkedHashMap<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> low = new HashMap<>();
  private final List<String> stack = new ArrayList<>();
  private final Set<String> onStack = new HashSet<>();
  private int counter;

  private void stratify(List<Rule> rules) {
    for (String p : arity.keySet()) {
      deps.put(p, new ArrayList<>());
    }
    for (Rule r : rules) {
      List<Edge> out = deps.get(r.head().pred());
      addDeps(r, r.body(), false, out);
    }
    for (String p : deps.keySet()) {
      if (!index.containsKey(p)) {
        tarjan(p);
      }
    }
  }

  private static void addDeps(Rule r, List<Literal> body, boolean strict, List<Edge> out) {
    for (Literal l : body) {
      if (l instanceof Positive p) {
        out.add(new Edge(p.atom().pred(), strict, r));
      } else if (l instanceof Negated n) {
        out.add(new Edge(n.atom().pred(), true, r));
      } else if (l instanceof Aggregate g) {
        addDeps(r, g.body(), true, out);
      }
    }
  }

  private void tarjan(String v) {
    index.put(v, counter);
    low.put(v, counter);
    counter++;
    stack.add(v);
    onStack.add(v);
    for (Edge e : deps.get(v)) {
      if (!index.containsKey(e.to())) {
        tarjan(e.to());
        low.put(v, Math.min(low.get(v), low.get(e.to())));
      } else if (onStack.contains(e.to())) {
        low.put(v, Math.min(low.get(v), index.get(e.to())));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> scc = new ArrayList<>();
      String w;
      do {
        w = stack.remove(stack.size() - 1);
        onStack.remove(w);
        scc.add(w);
      } while (!w.equals(v));
      Set<String> members = new HashSet<>(scc);
      boolean recursive = false;
      for (String p : scc) {
        for (Edge e : deps.get(p)) {
          if (members.contains(e.to())) {
            recursive = true;
            if (e.strict()) {
              throw new DatalogError(
                  e.rule().where(),
                  "not stratifiable: "
                      + p
                      + " depends on "
                      + e.to()
                      + " through negation or aggregation inside a recursive cycle "
                      + members
                      + ": "
                      + e.rule());
            }
          }
        }
      }
      java.util.Collections.reverse(scc);
      components.add(new Component(List.copyOf(scc), recursive));
    }
  }
}
