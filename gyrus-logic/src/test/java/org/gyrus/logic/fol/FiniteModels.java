package org.gyrus.logic.fol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.logic.fol.cnf.Literal;

/**
 * A finite model finder for tests, independent of the prover: for a domain {0..n-1} and every
 * interpretation of the function symbols (constants included), the formulas (or clauses) are
 * grounded into propositional clauses over ground atoms and decided by a small DPLL.
 */
final class FiniteModels {
  private FiniteModels() {}

  /** Whether the formulas have a model with exactly n elements. */
  static boolean satisfiable(List<Formula> fs, int n) {
    Map<String, Integer> funs = new LinkedHashMap<>();
    for (Formula f : fs) {
      java.util.Set<String> p = new java.util.HashSet<>();
      java.util.Set<String> fn = new java.util.HashSet<>();
      Formulas.symbols(f, p, fn);
      for (String s : fn) {
        funs.put(
            s.substring(0, s.lastIndexOf('/')),
            Integer.parseInt(s.substring(s.lastIndexOf('/') + 1)));
      }
    }
    return forEachInterpretation(
        funs,
        n,
        interp -> {
          Sat sat = new Sat();
          for (Formula f : fs) {
            int lit = sat.encode(f, new HashMap<>(), interp, n);
            sat.clauses.add(new int[] {lit});
          }
          return sat.solve();
        });
  }

  /** Whether the clauses (variables universal) have a model with exactly n elements. */
  static boolean satisfiableClauses(List<List<Literal>> cs, int n) {
    Map<String, Integer> funs = new LinkedHashMap<>();
    for (List<Literal> c : cs) {
      for (Literal l : c) {
        for (Term t : l.atom().args()) {
          collectFuns(t, funs);
        }
      }
    }
    return forEachInterpretation(
        funs,
        n,
        interp -> {
          Sat sat = new Sat();
          for (List<Literal> c : cs) {
            java.util.Set<Term.Var> vs = new java.util.LinkedHashSet<>();
            c.forEach(l -> l.atom().collectVars(vs));
            List<Term.Var> vars = new ArrayList<>(vs);
            int[] val = new int[vars.size()];
            while (true) {
              Map<Term.Var, Integer> env = new HashMap<>();
              for (int i = 0; i < vars.size(); i++) {
                env.put(vars.get(i), val[i]);
              }
              List<Integer> ground = new ArrayList<>();
              boolean trueLit = false;
              for (Literal l : c) {
                int a = sat.atom(l.atom(), env, interp, n);
                int lit = l.positive() ? a : -a;
                if (lit == Sat.TRUE) {
                  trueLit = true;
                } else if (lit != -Sat.TRUE) {
                  ground.add(lit);
                }
              }
              if (!trueLit) {
                sat.clauses.add(ground.stream().mapToInt(Integer::intValue).toArray());
              }
              int k = 0;
              while (k < val.length && ++val[k] == n) {
                val[k++] = 0;
              }
              if (k == val.length) {
                break;
              }
            }
          }
          return sat.solve();
        });
  }

  private static void collectFuns(Term t, Map<String, Integer> funs) {
    if (t instanceof Term.Fn f) {
      funs.put(f.name(), f.args().size());
      f.args().forEach(a -> collectFuns(a, funs));
    }
  }

  /** Function tables: name → flat table over argument tuples (mixed radix). */
  private static boolean forEachInterpretation(
      Map<String, Integer> funs, int n, java.util.function.Predicate<Map<String, int[]>> test) {
    List<String> names = new ArrayList<>(funs.keySet());
    List<int[]> tables = new ArrayList<>();
    for (String f : names) {
      tables.add(new int[(int) Math.pow(n, funs.get(f))]);
    }
    while (true) {
      Map<String, int[]> interp = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        interp.put(names.get(i), tables.get(i));
      }
      if (test.test(interp)) {
        return true;
      }
      int i = 0;
      outer:
      for (; i < tables.size(); i++) {
        int[] t = tables.get(i);
        for (int j = 0; j < t.length; j++) {
          if (++t[j] < n) {
            break outer;
          }
          t[j] = 0;
        }
      }
      if (i == tables.size()) {
        return false;
      }
    }
  }

  /** Propositional clauses with Tseitin encoding of ground formulas, and DPLL. */
  static final class Sat {
    static final int TRUE = 1;
    final List<int[]> clauses = new ArrayList<>();
    private final Map<String, Integer> atoms = new HashMap<>();
    private int next = 2;

    Sat() {
      clauses.add(new int[] {TRUE});
    }

    static int eval(Term t, Map<Term.Var, Integer> env, Map<String, int[]> interp, int n) {
      if (t instanceof Term.Var v) {
        return env.get(v);
      }
      Term.Fn f = (Term.Fn) t;
      int idx = 0;
      for (int i = f.args().size() - 1; i >= 0; i--) {
        idx = idx * n + eval(f.args().get(i), env, interp, n);
      }
      return interp.get(f.name())[idx];
    }

    int atom(Term.Fn a, Map<Term.Var, Integer> env, Map<String, int[]> interp, int n) {
      if (a.name().equals(Literal.EQ) && a.args().size() == 2) {
        boolean eq = eval(a.args().get(0), env, interp, n) == eval(a.args().get(1), env, interp, n);
        return eq ? TRUE : -TRUE;
      }
      StringBuilder key = new StringBuilder(a.name()).append('/');
      for (Term t : a.args()) {
        key.append(eval(t, env, interp, n)).append(',');
      }
      return atoms.computeIfAbsent(key.toString(), k -> next++);
    }

    private int fresh() {
      return next++;
    }

    /** A literal equivalent to the ground formula (Tseitin, both directions). */
    int encode(Formula f, Map<Term.Var, Integer> env, Map<String, int[]> interp, int n) {
      if (f instanceof Formula.Atom a) {
        return atom(new Term.Fn(a.pred(), a.args()), env, interp, n);
      }
      if (f instanceof Formula.Equal e) {
        return atom(new Term.Fn(Literal.EQ, List.of(e.left(), e.right())), env, interp, n);
      }
      if (f instanceof Formula.Truth t) {
        return t.value() ? TRUE : -TRUE;
      }
      if (f instanceof Formula.Not nf) {
        return -encode(nf.body(), env, interp, n);
      }
      if (f instanceof Formula.Quant q) {
        List<Integer> parts = new ArrayList<>();
        for (int d = 0; d < n; d++) {
          Map<Term.Var, Integer> e2 = new HashMap<>(env);
          e2.put(q.var(), d);
          parts.add(encode(q.body(), e2, interp, n));
        }
        return q.universal() ? and(parts) : -and(parts.stream().map(x -> -x).toList());
      }
      Formula.Bin b = (Formula.Bin) f;
      int l = encode(b.left(), env, interp, n);
      int r = encode(b.right(), env, interp, n);
      return switch (b.op()) {
        case AND -> and(List.of(l, r));
        case OR -> -and(List.of(-l, -r));
        case IMPLIES -> -and(List.of(l, -r));
        case IFF -> iff(l, r);
        case XOR -> -iff(l, r);
      };
    }

    private int and(List<Integer> parts) {
      int v = fresh();
      int[] big = new int[parts.size() + 1];
      big[0] = v;
      for (int i = 0; i < parts.size(); i++) {
        clauses.add(new int[] {-v, parts.get(i)});
        big[i + 1] = -parts.get(i);
      }
      clauses.add(big);
      return v;
    }

    private int iff(int a, int b) {
      int v = fresh();
      clauses.add(new int[] {-v, -a, b});
      clauses.add(new int[] {-v, a, -b});
      clauses.add(new int[] {v, a, b});
      clauses.add(new int[] {v, -a, -b});
      return v;
    }

    boolean solve() {
      int[] assign = new int[next];
      return dpll(assign);
    }

    private boolean dpll(int[] assign) {
      List<Integer> trail = new ArrayList<>();
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int[] c : clauses) {
          int unassigned = 0;
          int last = 0;
          boolean sat = false;
          for (int lit : c) {
            int v = assign[Math.abs(lit)];
            if (v == 0) {
              unassigned++;
              last = lit;
            } else if ((v > 0) == (lit > 0)) {
              sat = true;
              break;
            }
          }
          if (sat) {
            continue;
          }
          if (unassigned == 0) {
            trail.forEach(x -> assign[x] = 0);
            return false;
          }
          if (unassigned == 1) {
            assign[Math.abs(last)] = last > 0 ? 1 : -1;
            trail.add(Math.abs(last));
            changed = true;
          }
        }
      }
      int pick = 0;
      for (int i = 1; i < assign.length; i++) {
        if (assign[i] == 0) {
          pick = i;
          break;
        }
      }
      if (pick == 0) {
        return true;
      }
      for (int val : new int[] {1, -1}) {
        assign[pick] = val;
        if (dpll(assign)) {
          return true;
        }
      }
      assign[pick] = 0;
      trail.forEach(x -> assign[x] = 0);
      return false;
    }
  }
}
