package org.gyrus.logic.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.core.SpecError;
import org.gyrus.logic.plan.AtomStore.Pattern;
import org.gyrus.logic.plan.Pddl.Action;
import org.gyrus.logic.plan.Pddl.Atom;
import org.gyrus.logic.plan.Pddl.Cond;
import org.gyrus.logic.plan.Pddl.Derived;
import org.gyrus.logic.plan.Pddl.Effect;
import org.gyrus.logic.plan.Pddl.Typed;

/** Turns the reachable bindings of a {@link Grounder} into a {@link Task}. */
final class Instantiator {
  private final Grounder g;
  private final Map<Integer, Integer> factOf = new HashMap<>();
  private final List<String> factNames = new ArrayList<>();
  private final List<Boolean> factDerived = new ArrayList<>();
  private final List<Task.Op> ops = new ArrayList<>();
  private boolean conditional;

  Instantiator(Grounder g) {
    this.g = g;
  }

  Task build() {
    for (Action a : g.domain.actions()) {
      instantiate(a);
    }
    List<Task.Axiom> axioms = axioms();
    Ground goal = cond(g.problem.goal(), Map.of(), true);
    List<int[]> goalDnf = Ground.dnf(goal, g.problem.file() + ": :goal");
    int[] goalPos;
    int[] goalNeg;
    if (goalDnf.size() == 1) {
      goalPos = lits(goalDnf.get(0), true);
      goalNeg = lits(goalDnf.get(0), false);
    } else {
      // an unreachable goal gets a fact nothing adds; a disjunctive goal gets helper operators
      int reached = newFact("(goal-reached)", false);
      for (int[] conj : goalDnf) {
        ops.add(
            new Task.Op(
                "(reach-goal)",
                lits(conj, true),
                lits(conj, false),
                new int[] {reached},
                new int[0],
                List.of(),
                0,
                true));
      }
      goalPos = new int[] {reached};
      goalNeg = new int[0];
    }
    int[] init = initFacts();
    boolean[] derived = new boolean[factNames.size()];
    for (int i = 0; i < derived.length; i++) {
      derived[i] = factDerived.get(i);
    }
    boolean unit = ops.stream().allMatch(o -> o.hidden() || o.cost() == 1);
    return new Task(
        List.copyOf(factNames),
        List.copyOf(ops),
        axioms,
        init,
        goalPos,
        goalNeg,
        derived,
        unit,
        conditional);
  }

  private int[] initFacts() {
    Set<Integer> derivedPreds = new java.util.HashSet<>();
    g.derived.forEach(p -> derivedPreds.add(g.predIds.get(p)));
    List<Integer> out = new ArrayList<>();
    for (Atom a : g.problem.init()) {
      int id = g.reach.id(g.predIds.get(a.pred()), g.objs(a.args(), Map.of()));
      Integer f = factOf.get(id);
      if (f != null) {
        out.add(f);
      }
    }
    return out.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
  }

  private int newFact(String name, boolean derived) {
    factNames.add(name);
    factDerived.add(derived);
    return factNames.size() - 1;
  }

  /** The task fact of a reachable atom, created on first use. */
  private int fact(int atomId) {
    Integer f = factOf.get(atomId);
    if (f == null) {
      AtomStore.Key k = g.reach.atom(atomId);
      f = newFact(g.atomName(atomId), g.derived.contains(g.predNames.get(k.pred())));
      factOf.put(atomId, f);
    }
    return f;
  }

  private int[] lits(int[] conj, boolean positive) {
    return Arrays.stream(conj)
        .filter(l -> ((l & 1) == 0) == positive)
        .map(l -> fact(l >> 1))
        .sorted()
        .toArray();
  }

  private void instantiate(Action a) {
    Grounder.Slots s = g.new Slots();
    a.params().forEach(s::add);
    List<Pattern> body = s.positives(a.pre());
    int n = a.params().size();
    int[] params = new int[n];
    for (int i = 0; i < n; i++) {
      params[i] = i;
    }
    BitSet[] allowed = s.allowed.toArray(new BitSet[0]);
    int[] binding = new int[n];
    Arrays.fill(binding, -1);
    g.reach.join(body, params, allowed, binding, () -> instance(a, binding));
  }

  private void instance(Action a, int[] binding) {
    g.tick();
    Map<String, Integer> env = new HashMap<>();
    StringBuilder name = new StringBuilder("(").append(a.name());
    for (int i = 0; i < binding.length; i++) {
      env.put(a.params().get(i).name(), binding[i]);
      name.append(' ').append(g.objectNames.get(binding[i]));
    }
    name.append(')');
    String where = a.at() + " " + name;
    Ground pre = cond(a.pre(), env, true);
    if (pre == Ground.FALSE) {
      return;
    }
    List<int[]> preDnf = Ground.dnf(pre, where);
    if (preDnf.isEmpty()) {
      return;
    }
    List<EffectEntry> entries = new ArrayList<>();
    double[] cost = {0};
    effects(a.effects(), env, Ground.TRUE, entries, cost, where);
    if (!g.problem.minimizeCost()) {
      cost[0] = 1;
    }
    for (int[] conj : preDnf) {
      ops.add(op(name.toString(), conj, entries, cost[0], where));
    }
  }

  record EffectEntry(Ground cond, int atom, boolean add) {}

  private Task.Op op(String name, int[] conj, List<EffectEntry> entries, double cost, String at) {
    Set<Integer> add = new LinkedHashSet<>();
    Set<Integer> del = new LinkedHashSet<>();
    List<Task.CondEffect> conds = new ArrayList<>();
    for (EffectEntry e : entries) {
      for (int[] c : Ground.dnf(e.cond(), at)) {
        int[] rest = Ground.merge(conj, c);
        if (rest == null) {
          continue; // the condition contradicts the precondition: never fires
        }
        int[] own = Arrays.stream(rest).filter(l -> Arrays.binarySearch(conj, l) < 0).toArray();
        int f = fact(e.atom());
        if (own.length == 0) {
          (e.add() ? add : del).add(f);
        } else {
          conditional = true;
          conds.add(new Task.CondEffect(lits(own, true), lits(own, false), f, e.add()));
        }
      }
    }
    del.removeAll(add); // PDDL applies deletes before adds
    return new Task.Op(
        name,
        lits(conj, true),
        lits(conj, false),
        add.stream().mapToInt(Integer::intValue).toArray(),
        del.stream().mapToInt(Integer::intValue).toArray(),
        List.copyOf(conds),
        cost,
        false);
  }

  private void effects(
      List<Effect> effects,
      Map<String, Integer> env,
      Ground cond,
      List<EffectEntry> out,
      double[] cost,
      String where) {
    for (Effect e : effects) {
      if (e instanceof Pddl.Lit l) {
        int id = g.reach.id(g.predIds.get(l.atom().pred()), g.objs(l.atom().args(), env));
        if (id >= 0) { // an unreachable add sits under a condition that never holds
          out.add(new EffectEntry(cond, id, l.add()));
        }
      } else if (e instanceof Pddl.When w) {
        Ground c = Ground.and(List.of(cond, cond(w.cond(), env, true)));
        if (c != Ground.FALSE) {
          effects(w.effects(), env, c, out, cost, where);
        }
      } else if (e instanceof Pddl.ForallEffect fe) {
        forEachBinding(
            fe.vars(), env, inner -> effects(fe.effects(), inner, cond, out, cost, where));
      } else if (e instanceof Pddl.Increase inc) {
        cost[0] += amount(inc.amount(), env);
      }
    }
  }

  private double amount(Pddl.NumExpr x, Map<String, Integer> env) {
    if (x instanceof Pddl.Num n) {
      return n.value();
    }
    Pddl.Fn f = (Pddl.Fn) x;
    List<String> args = new ArrayList<>();
    for (int o : g.objs(f.args(), env)) {
      args.add(g.objectNames.get(o));
    }
    String key = Pddl.fnKey(f.name(), args);
    Double v = g.problem.numbers().get(key);
    if (v == null) {
      throw new SpecError(f.at(), "a value for (" + key + ") in the problem's :init", "none");
    }
    if (v < 0) {
      throw new SpecError(f.at(), "a non-negative action cost for (" + key + ")", v + "");
    }
    return v;
  }

  /** Calls {@code body} with {@code env} extended by every typed binding of {@code vars}. */
  private void forEachBinding(
      List<Typed> vars,
      Map<String, Integer> env,
      java.util.function.Consumer<Map<String, Integer>> body) {
    Map<String, Integer> inner = new HashMap<>(env);
    bind(vars, 0, inner, body);
  }

  private void bind(
      List<Typed> vars,
      int i,
      Map<String, Integer> env,
      java.util.function.Consumer<Map<String, Integer>> body) {
    if (i == vars.size()) {
      body.accept(env);
      return;
    }
    BitSet m = g.membersOf(vars.get(i).types());
    for (int o = m.nextSetBit(0); o >= 0; o = m.nextSetBit(o + 1)) {
      env.put(vars.get(i).name(), o);
      bind(vars, i + 1, env, body);
    }
    env.remove(vars.get(i).name());
  }

  /** Grounds {@code c} under {@code env}, in negation normal form ({@code positive}: polarity). */
  Ground cond(Cond c, Map<String, Integer> env, boolean positive) {
    if (c instanceof Atom a) {
      int pred = g.predIds.get(a.pred());
      int[] args = g.objs(a.args(), env);
      if (!g.fluent.contains(a.pred()) && !g.derived.contains(a.pred())) {
        return g.reach.contains(pred, args) == positive ? Ground.TRUE : Ground.FALSE;
      }
      int id = g.reach.id(pred, args);
      if (id < 0) {
        return positive ? Ground.FALSE : Ground.TRUE;
      }
      return new Ground.Lit(2 * id + (positive ? 0 : 1));
    }
    if (c instanceof Pddl.Eq e) {
      boolean same = value(e.left(), env) == value(e.right(), env);
      return same == positive ? Ground.TRUE : Ground.FALSE;
    }
    if (c instanceof Pddl.Not n) {
      return cond(n.body(), env, !positive);
    }
    if (c instanceof Pddl.Truth t) {
      return t.value() == positive ? Ground.TRUE : Ground.FALSE;
    }
    if (c instanceof Pddl.And and) {
      List<Ground> parts = new ArrayList<>();
      and.parts().forEach(p -> parts.add(cond(p, env, positive)));
      return positive ? Ground.and(parts) : Ground.or(parts);
    }
    if (c instanceof Pddl.Or or) {
      List<Ground> parts = new ArrayList<>();
      or.parts().forEach(p -> parts.add(cond(p, env, positive)));
      return positive ? Ground.or(parts) : Ground.and(parts);
    }
    Pddl.Quant q = (Pddl.Quant) c;
    List<Ground> parts = new ArrayList<>();
    forEachBinding(q.vars(), env, inner -> parts.add(cond(q.body(), inner, positive)));
    boolean conj = q.universal() == positive;
    return conj ? Ground.and(parts) : Ground.or(parts);
  }

  private int value(String term, Map<String, Integer> env) {
    return term.startsWith("?") ? env.get(term) : g.objects.get(term);
  }

  private List<Task.Axiom> axioms() {
    Map<String, Integer> stratum = Strata.of(g.domain);
    List<Task.Axiom> out = new ArrayList<>();
    for (Derived d : g.domain.derived()) {
      Grounder.Slots s = g.new Slots();
      d.params().forEach(s::add);
      int n = d.params().size();
      int[] params = new int[n];
      for (int i = 0; i < n; i++) {
        params[i] = i;
      }
      int[] binding = new int[n];
      Arrays.fill(binding, -1);
      List<String> vars = d.params().stream().map(Typed::name).toList();
      g.reach.join(
          s.positives(d.body()),
          params,
          s.allowed.toArray(new BitSet[0]),
          binding,
          () -> {
            Map<String, Integer> env = new HashMap<>();
            for (int i = 0; i < n; i++) {
              env.put(vars.get(i), binding[i]);
            }
            int head = g.reach.id(g.predIds.get(d.pred()), g.objs(vars, env));
            if (head < 0) {
              return;
            }
            for (int[] conj : Ground.dnf(cond(d.body(), env, true), d.at())) {
              out.add(
                  new Task.Axiom(
                      lits(conj, true), lits(conj, false), fact(head), stratum.get(d.pred())));
            }
          });
    }
    return out;
  }
}
