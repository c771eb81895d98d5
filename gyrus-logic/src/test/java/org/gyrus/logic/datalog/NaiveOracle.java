package org.gyrus.logic.datalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.Comparison;
import org.gyrus.logic.datalog.Ast.Const;
import org.gyrus.logic.datalog.Ast.Literal;
import org.gyrus.logic.datalog.Ast.Negated;
import org.gyrus.logic.datalog.Ast.Positive;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.Ast.TermExpr;
import org.gyrus.logic.datalog.Ast.Var;
import org.gyrus.logic.datalog.provenance.Semiring;

/**
 * The test oracle, as plain as possible: strata by repeated relaxation, then per stratum every rule
 * tried under every assignment of its variables to every constant, until nothing changes. Facts are
 * "pred(c1, c2)" strings. Supports positive and negated atoms and term comparisons.
 */
final class NaiveOracle {
  final Program program;
  final List<Object> domain = new ArrayList<>();
  final Map<String, Integer> stratum = new HashMap<>();
  final Set<String> model = new LinkedHashSet<>();

  NaiveOracle(Program program) {
    this.program = program;
    Set<Object> d = new LinkedHashSet<>();
    for (Rule r : program.rules()) {
      r.head().args().forEach(t -> addConst(t, d));
      for (Literal l : r.body()) {
        if (l instanceof Positive p) {
          p.atom().args().forEach(t -> addConst(t, d));
        } else if (l instanceof Negated n) {
          n.atom().args().forEach(t -> addConst(t, d));
        }
      }
    }
    domain.addAll(d);
    stratify();
    for (int s = 0; s <= maxStratum(); s++) {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Rule r : rulesOf(s)) {
          for (Map<String, Object> env : assignments(r)) {
            if (holds(r, env, model)) {
              changed |= model.add(show(r.head(), env));
            }
          }
        }
      }
    }
  }

  private static void addConst(Ast.Term t, Set<Object> d) {
    if (t instanceof Const c) {
      d.add(c.value());
    }
  }

  private void stratify() {
    for (Rule r : program.rules()) {
      stratum.put(r.head().pred(), 0);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Rule r : program.rules()) {
        int h = stratum.get(r.head().pred());
        for (Literal l : r.body()) {
          int need = -1;
          if (l instanceof Positive p) {
            need = stratum.getOrDefault(p.atom().pred(), 0);
          } else if (l instanceof Negated n) {
            need = stratum.getOrDefault(n.atom().pred(), 0) + 1;
          }
          if (need > h) {
            h = need;
            stratum.put(r.head().pred(), h);
            changed = true;
          }
        }
        if (h > 50) {
          throw new IllegalStateException("oracle: not stratifiable");
        }
      }
    }
  }

  int maxStratum() {
    return stratum.values().stream().mapToInt(i -> i).max().orElse(0);
  }

  List<Rule> rulesOf(int s) {
    List<Rule> out = new ArrayList<>();
    for (Rule r : program.rules()) {
      if (stratum.get(r.head().pred()) == s) {
        out.add(r);
      }
    }
    return out;
  }

  /** Every map from the rule's variables to domain constants. */
  List<Map<String, Object>> assignments(Rule r) {
    Set<String> vars = new LinkedHashSet<>();
    for (Literal l : r.body()) {
      Analysis.varsOf(l, vars);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(new HashMap<>());
    for (String v : vars) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> env : out) {
        for (Object c : domain) {
          Map<String, Object> e = new HashMap<>(env);
          e.put(v, c);
          next.add(e);
        }
      }
      out = next;
    }
    return out;
  }

  /** Whether the body holds under env in the given set of facts. */
  boolean holds(Rule r, Map<String, Object> env, Set<String> facts) {
    for (Literal l : r.body()) {
      if (l instanceof Positive p) {
        if (!facts.contains(show(p.atom(), env))) {
          return false;
        }
      } else if (l instanceof Negated n) {
        if (facts.contains(show(n.atom(), env))) {
          return false;
        }
      } else if (l instanceof Comparison c) {
        Object a = value(((TermExpr) c.left()).term(), env);
        Object b = value(((TermExpr) c.right()).term(), env);
        int cmp = a.toString().compareTo(b.toString());
        boolean ok =
            switch (c.op()) {
              case "=" -> a.equals(b);
              case "!=" -> !a.equals(b);
              case "<" -> cmp < 0;
              case "<=" -> cmp <= 0;
              case ">" -> cmp > 0;
              default -> cmp >= 0;
            };
        if (!ok) {
          return false;
        }
      } else {
        throw new IllegalArgumentException("oracle does not support " + l);
      }
    }
    return true;
  }

  private static Object value(Ast.Term t, Map<String, Object> env) {
    return t instanceof Var v ? env.get(v.name()) : ((Const) t).value();
  }

  static String show(Atom a, Map<String, Object> env) {
    StringBuilder sb = new StringBuilder(a.pred()).append('(');
    for (int i = 0; i < a.args().size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(Ast.show(value(a.args().get(i), env)));
    }
    return sb.append(')').toString();
  }

  /** Thrown when a non-idempotent semiring keeps growing. */
  static final class Diverged extends RuntimeException {}

  /**
   * Tags by plain Kleene iteration per stratum over all ground instances whose body holds in the
   * model; input fact i is the program's rule i.
   */
  <T> Map<String, T> tags(Semiring<T> s) {
    Map<String, T> base = new HashMap<>();
    List<Rule> rules = program.rules();
    Map<Rule, T> ruleTag = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      T t = r.tag() == null ? s.one() : s.input(i, r.tag());
      ruleTag.put(r, t);
      if (r.isFact()) {
        base.merge(show(r.head(), Map.of()), t, s::plus);
      }
    }
    Map<String, T> cur = new HashMap<>();
    for (int st = 0; st <= maxStratum(); st++) {
      List<Rule> rs = rulesOf(st);
      int cap = model.size() + 3;
      for (int iter = 0; ; iter++) {
        Map<String, T> next = new HashMap<>(cur);
        for (String f : model) {
          if (stratum.get(f.substring(0, f.indexOf('('))) == st) {
            next.put(f, base.getOrDefault(f, s.zero()));
          }
        }
        for (Rule r : rs) {
          if (r.isFact()) {
            continue;
          }
          for (Map<String, Object> env : assignments(r)) {
            if (!holds(r, env, model)) {
              continue;
            }
            T t = ruleTag.get(r);
            for (Literal l : r.body()) {
              if (l instanceof Positive p) {
                t = s.times(t, cur.getOrDefault(show(p.atom(), env), s.zero()));
              }
            }
            next.merge(show(r.head(), env), t, s::plus);
          }
        }
        boolean changed = false;
        for (Map.Entry<String, T> e : next.entrySet()) {
          T old = cur.get(e.getKey());
          changed |= old == null || !s.same(old, e.getValue());
        }
        cur = next;
        if (!changed) {
          break;
        }
        if (iter > cap) {
          if (!s.isIdempotent()) {
            throw new Diverged();
          }
          break;
        }
      }
    }
    return cur;
  }

  /** Every fact of the model (for comparison with the engine). */
  Set<String> model() {
    return new HashSet<>(model);
  }
}
