package org.gyrus.logic.datalog.provenance;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.datalog.Analysis.Component;
import org.gyrus.logic.datalog.Ast.Aggregate;
import org.gyrus.logic.datalog.Ast.Literal;
import org.gyrus.logic.datalog.Ast.Negated;
import org.gyrus.logic.datalog.Ast.Positive;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.DatalogError;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Grounding;
import org.gyrus.logic.datalog.engine.Grounding.Clause;
import org.gyrus.logic.datalog.engine.Relation;

/**
 * Tags of every tuple of a model under a semiring: the least fixpoint of "a tuple's tag is the sum
 * over its ground rule instances of the product of the body tags (and the rule's own tag)",
 * computed component by component by Kleene iteration over the ground program. Input fact i of the
 * program (its index among all rules) is the variable i of topk/exact. Negation and aggregation act
 * on derivability: a negated or aggregated tuple contributes no tag.
 */
public final class Provenance<T> {
  private final Engine engine;
  private final Semiring<T> semiring;
  private final Map<Relation, Object[]> tags = new HashMap<>();
  private final Set<String> needed;

  /** Tags of every tuple of the program. */
  public Provenance(Engine engine, Semiring<T> semiring) {
    this(engine, semiring, null);
  }

  /**
   * Tags of the tuples of {@code targets} and of the predicates they depend on (null: all); other
   * predicates keep zero tags, so an unrelated cyclic predicate cannot make counting diverge.
   */
  public Provenance(Engine engine, Semiring<T> semiring, Set<String> targets) {
    this.engine = engine;
    this.semiring = semiring;
    this.needed = targets == null ? null : dependencies(engine, targets);
    compute();
  }

  /** Evaluates under the semiring named as in {@link Semirings#of}. */
  public static Provenance<?> of(Engine engine, String semiringName) {
    return new Provenance<>(engine, Semirings.of(semiringName));
  }

  /** Evaluates, under the named semiring, only what the target predicates depend on. */
  public static Provenance<?> of(Engine engine, String semiringName, Set<String> targets) {
    return new Provenance<>(engine, Semirings.of(semiringName), targets);
  }

  private static Set<String> dependencies(Engine engine, Set<String> targets) {
    Set<String> seen = new HashSet<>(targets);
    Deque<String> todo = new ArrayDeque<>(targets);
    while (!todo.isEmpty()) {
      String p = todo.pop();
      for (Rule r : engine.program().rules()) {
        if (r.head().pred().equals(p)) {
          Set<String> body = new HashSet<>();
          collectPreds(r.body(), body);
          for (String q : body) {
            if (seen.add(q)) {
              todo.push(q);
            }
          }
        }
      }
    }
    return seen;
  }

  private static void collectPreds(List<Literal> body, Set<String> out) {
    for (Literal l : body) {
      if (l instanceof Positive pos) {
        out.add(pos.atom().pred());
      } else if (l instanceof Negated n) {
        out.add(n.atom().pred());
      } else if (l instanceof Aggregate g) {
        collectPreds(g.body(), out);
      }
    }
  }

  public Semiring<T> semiring() {
    return semiring;
  }

  @SuppressWarnings("unchecked")
  public T tag(Relation rel, int row) {
    return (T) tags.get(rel)[row];
  }

  public boolean isZero(Relation rel, int row) {
    return semiring.same(tag(rel, row), semiring.zero());
  }

  public String show(Relation rel, int row) {
    return semiring.show(tag(rel, row));
  }

  private void compute() {
    engine.run();
    for (Relation r : engine.relations().values()) {
      Object[] t = new Object[r.size()];
      java.util.Arrays.fill(t, semiring.zero());
      tags.put(r, t);
    }
    List<Rule> rules = engine.program().rules();
    Map<Relation, Object[]> base = new HashMap<>();
    Object[] ruleTag = new Object[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      // a rule of a demand-rewritten program keeps the input variable of its original rule
      int origin = engine.rewriting().origin()[i];
      T t = r.tag() == null ? semiring.one() : semiring.input(origin, r.tag());
      ruleTag[i] = t;
      if (r.isFact()) {
        Relation rel = engine.relation(r.head().pred());
        int row = rel.find(factTuple(r));
        Object[] b = base.computeIfAbsent(rel, k -> zeros(k.size()));
        b[row] = semiring.plus(cast(b[row]), t);
      }
    }
    List<List<Clause>> ground = Grounding.of(engine);
    List<Component> comps = engine.analysis().components();
    for (int ci = 0; ci < comps.size(); ci++) {
      if (needed != null && !needed.contains(comps.get(ci).predicates().get(0))) {
        continue;
      }
      // demand only: magic tuples carry no value (they count as one where used), so their
      // clauses are left out; they could even have infinitely many derivations
      List<Clause> clauses = new java.util.ArrayList<>();
      for (Clause c : ground.get(ci)) {
        if (!engine.isGuard(c.head())) {
          clauses.add(c);
        }
      }
      solve(comps.get(ci), clauses, base, ruleTag);
    }
  }

  /**
   * Kleene iteration over one component. Only heads with a premise whose tag changed in the last
   * round are recomputed (from all their rule instances), which gives exactly the plain iteration's
   * values at a fraction of the work.
   */
  private void solve(
      Component comp, List<Clause> clauses, Map<Relation, Object[]> base, Object[] ruleTag) {
    Map<Relation, Integer> offset = new HashMap<>();
    int total = 0;
    for (String p : comp.predicates()) {
      Relation rel = engine.relation(p);
      offset.put(rel, total);
      total += rel.size();
      Object[] b = base.get(rel);
      if (b != null) {
        System.arraycopy(b, 0, tags.get(rel), 0, b.length);
      }
    }
    Set<Relation> guard = new HashSet<>();
    for (Relation r : engine.relations().values()) {
      if (engine.isGuard(r)) {
        guard.add(r);
      }
    }
    int[][] byHead = group(clauses, total, c -> new int[] {offset.get(c.head()) + c.headRow()});
    int[][] byPremise =
        group(
            clauses,
            total,
            c -> {
              int[] ids = new int[c.body().length];
              int n = 0;
              for (int j = 0; j < c.body().length; j++) {
                Integer off = offset.get(c.body()[j]);
                if (off != null) {
                  ids[n++] = off + c.bodyRows()[j];
                }
              }
              return java.util.Arrays.copyOf(ids, n);
            });
    Relation[] relOf = new Relation[total];
    int[] rowOf = new int[total];
    for (Map.Entry<Relation, Integer> e : offset.entrySet()) {
      for (int r = 0; r < e.getKey().size(); r++) {
        relOf[e.getValue() + r] = e.getKey();
        rowOf[e.getValue() + r] = r;
      }
    }
    int[] dirty = new int[total];
    int nDirty = 0;
    for (int h = 0; h < total; h++) {
      if (byHead[h].length > 0) {
        dirty[nDirty++] = h;
      }
    }
    boolean[] marked = new boolean[total];
    long cap = comp.recursive() ? total + 2L : 1;
    Object[] fresh = new Object[total];
    for (long iter = 0; nDirty > 0; iter++) {
      for (int k = 0; k < nDirty; k++) {
        int h = dirty[k];
        Object[] b = base.get(relOf[h]);
        T v = b == null ? semiring.zero() : cast(b[rowOf[h]]);
        for (int ci : byHead[h]) {
          Clause c = clauses.get(ci);
          T t = cast(ruleTag[c.rule()]);
          for (int j = 0; j < c.body().length && !semiring.same(t, semiring.zero()); j++) {
            if (!guard.contains(c.body()[j])) {
              t = semiring.times(t, cast(tags.get(c.body()[j])[c.bodyRows()[j]]));
            }
          }
          v = semiring.plus(v, t);
        }
        fresh[k] = v;
      }
      int[] changed = new int[nDirty];
      int nChanged = 0;
      for (int k = 0; k < nDirty; k++) {
        int h = dirty[k];
        Object[] cur = tags.get(relOf[h]);
        if (!semiring.same(cast(cur[rowOf[h]]), cast(fresh[k]))) {
          cur[rowOf[h]] = fresh[k];
          changed[nChanged++] = h;
        }
        fresh[k] = null;
      }
      if (nChanged == 0 || !comp.recursive()) {
        return;
      }
      if (iter >= cap) {
        if (!semiring.isIdempotent()) {
          throw new DatalogError(
              semiring.name(),
              "no fixpoint: the recursive predicates "
                  + comp.predicates()
                  + " have tuples with infinitely many derivations (cyclic); use an idempotent"
                  + " semiring");
        }
        return;
      }
      nDirty = 0;
      for (int k = 0; k < nChanged; k++) {
        for (int ci : byPremise[changed[k]]) {
          Clause c = clauses.get(ci);
          int h = offset.get(c.head()) + c.headRow();
          if (!marked[h]) {
            marked[h] = true;
            dirty[nDirty++] = h;
          }
        }
      }
      for (int k = 0; k < nDirty; k++) {
        marked[dirty[k]] = false;
      }
    }
  }

  /** For each of {@code n} keys, the indexes of the clauses that {@code keys} maps to it. */
  private static int[][] group(
      List<Clause> clauses, int n, java.util.function.Function<Clause, int[]> keys) {
    int[] count = new int[n];
    List<int[]> keyed = new java.util.ArrayList<>(clauses.size());
    for (Clause c : clauses) {
      int[] ks = keys.apply(c);
      keyed.add(ks);
      for (int k : ks) {
        count[k]++;
      }
    }
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      out[i] = new int[count[i]];
      count[i] = 0;
    }
    for (int ci = 0; ci < clauses.size(); ci++) {
      for (int k : keyed.get(ci)) {
        int[] row = out[k];
        if (count[k] == 0 || row[count[k] - 1] != ci) {
          row[count[k]++] = ci;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (count[i] < out[i].length) {
        out[i] = java.util.Arrays.copyOf(out[i], count[i]);
      }
    }
    return out;
  }

  private int[] factTuple(Rule r) {
    int[] t = new int[r.head().args().size()];
    for (int c = 0; c < t.length; c++) {
      t[c] =
          engine
              .symbols()
              .lookup(((org.gyrus.logic.datalog.Ast.Const) r.head().args().get(c)).value());
    }
    return t;
  }

  private Object[] zeros(int n) {
    Object[] z = new Object[n];
    java.util.Arrays.fill(z, semiring.zero());
    return z;
  }

  @SuppressWarnings("unchecked")
  private T cast(Object o) {
    return (T) o;
  }
}
