package org.gyrus.logic.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.plan.Pddl.Action;
import org.gyrus.logic.plan.Pddl.Cond;
import org.gyrus.logic.plan.Pddl.Domain;
import org.gyrus.logic.plan.Pddl.Effect;
import org.gyrus.logic.plan.Pddl.Problem;
import org.gyrus.logic.plan.Pddl.Typed;

/**
 * An independent plan validator: re-simulates a plan on the parsed (lifted) task with ground atoms
 * as strings, sharing nothing with the grounder or the search. Rejects a plan naming the step and
 * the condition that fails.
 */
public final class Validator {
  /** The verdict; {@code error} is null for a valid plan. */
  public record Verdict(boolean valid, long cost, int failedStep, String error) {}

  private final Domain domain;
  private final Problem problem;
  private final Map<String, Set<String>> typesOf = new HashMap<>();
  private final List<String> objects = new ArrayList<>();
  private final Map<String, Action> actions = new HashMap<>();

  private Validator(Domain domain, Problem problem) {
    this.domain = domain;
    this.problem = problem;
    List<Typed> all = new ArrayList<>(domain.constants());
    all.addAll(problem.objects());
    for (Typed t : all) {
      Set<String> types = typesOf.computeIfAbsent(t.name(), k -> new HashSet<>());
      if (types.isEmpty()) {
        objects.add(t.name());
      }
      types.add("object");
      for (String ty : t.types()) {
        addAncestors(ty, types);
      }
    }
    domain.actions().forEach(a -> actions.put(a.name(), a));
  }

  private void addAncestors(String t, Set<String> out) {
    if (out.add(t) || t.equals("object")) {
      domain.typeParents().getOrDefault(t, List.of()).forEach(p -> addAncestors(p, out));
    }
  }

  /** Validates {@code plan}: lines such as {@code (move a b)}; blank and ';' lines are skipped. */
  public static Verdict validate(Domain domain, Problem problem, List<String> plan) {
    return new Validator(domain, problem).run(plan);
  }

  private Verdict run(List<String> plan) {
    Set<String> state = new HashSet<>();
    problem.init().forEach(a -> state.add(key(a.pred(), a.args())));
    long cost = 0;
    int step = 0;
    for (String line : plan) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith(";")) {
        continue;
      }
      step++;
      if (!t.startsWith("(") || !t.endsWith(")")) {
        return bad(step, "expected '(action arg ...)', got '" + t + "'");
      }
      String[] parts =
          t.substring(1, t.length() - 1).strip().toLowerCase(Locale.ROOT).split("\\s+");
      Action a = actions.get(parts[0]);
      if (a == null) {
        return bad(step, "unknown action '" + parts[0] + "'");
      }
      if (parts.length - 1 != a.params().size()) {
        return bad(
            step,
            a.params().size() + " arguments for '" + a.name() + "', got " + (parts.length - 1));
      }
      Map<String, String> env = new HashMap<>();
      for (int i = 0; i < a.params().size(); i++) {
        Typed p = a.params().get(i);
        String o = parts[i + 1];
        Set<String> types = typesOf.get(o);
        if (types == null || p.types().stream().noneMatch(types::contains)) {
          return bad(step, t + ": argument '" + o + "' is not an object of type " + p.types());
        }
        env.put(p.name(), o);
      }
      Set<String> full = withDerived(state);
      String failing = failing(a.pre(), env, full);
      if (failing != null) {
        return bad(step, t + ": precondition " + failing + " does not hold");
      }
      Set<String> adds = new HashSet<>();
      Set<String> dels = new HashSet<>();
      long[] c = {0};
      effects(a.effects(), env, full, adds, dels, c);
      state.removeAll(dels);
      state.addAll(adds);
      cost += problem.minimizeCost() ? c[0] : 1;
    }
    String goal = failing(problem.goal(), Map.of(), withDerived(state));
    if (goal != null) {
      return new Verdict(false, cost, step + 1, "goal " + goal + " does not hold after the plan");
    }
    return new Verdict(true, cost, -1, null);
  }

  private static Verdict bad(int step, String msg) {
    return new Verdict(false, -1, step, "step " + step + ": " + msg);
  }

  private static String key(String pred, List<String> args) {
    return args.isEmpty() ? pred : pred + " " + String.join(" ", args);
  }

  private static List<String> bind(List<String> args, Map<String, String> env) {
    List<String> out = new ArrayList<>(args.size());
    for (String a : args) {
      out.add(a.startsWith("?") ? env.get(a) : a);
    }
    return out;
  }

  /** The first top-level conjunct of {@code c} that is false, printed; null when c holds. */
  private String failing(Cond c, Map<String, String> env, Set<String> state) {
    if (c instanceof Pddl.And and) {
      for (Cond p : and.parts()) {
        String f = failing(p, env, state);
        if (f != null) {
          return f;
        }
      }
      return null;
    }
    return holds(c, env, state) ? null : show(c, env);
  }

  private boolean holds(Cond c, Map<String, String> env, Set<String> state) {
    if (c instanceof Pddl.Atom a) {
      return state.contains(key(a.pred(), bind(a.args(), env)));
    }
    if (c instanceof Pddl.Eq e) {
      return bind(List.of(e.left()), env).equals(bind(List.of(e.right()), env));
    }
    if (c instanceof Pddl.Not n) {
      return !holds(n.body(), env, state);
    }
    if (c instanceof Pddl.And and) {
      return and.parts().stream().allMatch(p -> holds(p, env, state));
    }
    if (c instanceof Pddl.Or or) {
      return or.parts().stream().anyMatch(p -> holds(p, env, state));
    }
    if (c instanceof Pddl.Truth t) {
      return t.value();
    }
    Pddl.Quant q = (Pddl.Quant) c;
    boolean[] result = {q.universal()};
    forAll(
        q.vars(),
        0,
        new HashMap<>(env),
        e -> {
          if (holds(q.body(), e, state) != q.universal()) {
            result[0] = !q.universal();
            return false;
          }
          return true;
        });
    return result[0];
  }

  /** Calls {@code f} for each typed binding until it returns false. */
  private boolean forAll(
      List<Typed> vars,
      int i,
      Map<String, String> env,
      java.util.function.Predicate<Map<String, String>> f) {
    if (i == vars.size()) {
      return f.test(env);
    }
    Typed v = vars.get(i);
    for (String o : objects) {
      if (v.types().stream().anyMatch(typesOf.get(o)::contains)) {
        env.put(v.name(), o);
        if (!forAll(vars, i + 1, env, f)) {
          return false;
        }
      }
    }
    env.remove(v.name());
    return true;
  }

  private void effects(
      List<Effect> effects,
      Map<String, String> env,
      Set<String> state,
      Set<String> adds,
      Set<String> dels,
      long[] cost) {
    for (Effect e : effects) {
      if (e instanceof Pddl.Lit l) {
        (l.add() ? adds : dels).add(key(l.atom().pred(), bind(l.atom().args(), env)));
      } else if (e instanceof Pddl.When w) {
        if (holds(w.cond(), env, state)) {
          effects(w.effects(), env, state, adds, dels, cost);
        }
      } else if (e instanceof Pddl.ForallEffect fe) {
        forAll(
            fe.vars(),
            0,
            new HashMap<>(env),
            b -> {
              effects(fe.effects(), new HashMap<>(b), state, adds, dels, cost);
              return true;
            });
      } else if (e instanceof Pddl.Increase inc) {
        if (inc.amount() instanceof Pddl.Num n) {
          cost[0] += Math.round(n.value());
        } else {
          Pddl.Fn f = (Pddl.Fn) inc.amount();
          Double v = problem.numbers().get(Pddl.fnKey(f.name(), bind(f.args(), env)));
          cost[0] += v == null ? 0 : Math.round(v);
        }
      }
    }
  }

  /** The state with its derived atoms: every rule applied to a fixpoint, stratum by stratum. */
  private Set<String> withDerived(Set<String> state) {
    if (domain.derived().isEmpty()) {
      return state;
    }
    Map<String, Integer> strata = Strata.of(domain);
    int top = strata.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Set<String> full = new HashSet<>(state);
    for (int s = 0; s <= top; s++) {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Pddl.Derived d : domain.derived()) {
          if (strata.get(d.pred()) != s) {
            continue;
          }
          List<String> vars = d.params().stream().map(Typed::name).toList();
          List<String> found = new ArrayList<>();
          forAll(
              d.params(),
              0,
              new HashMap<>(),
              env -> {
                String k = key(d.pred(), bind(vars, env));
                if (!full.contains(k) && holds(d.body(), env, full)) {
                  found.add(k);
                }
                return true;
              });
          changed |= full.addAll(found);
        }
      }
    }
    return full;
  }

  private static String show(Cond c, Map<String, String> env) {
    if (c instanceof Pddl.Atom a) {
      return "(" + key(a.pred(), bind(a.args(), env)) + ")";
    }
    if (c instanceof Pddl.Not n) {
      return "(not " + show(n.body(), env) + ")";
    }
    if (c instanceof Pddl.Eq e) {
      return "(= "
          + bind(List.of(e.left()), env).get(0)
          + " "
          + bind(List.of(e.right()), env).get(0)
          + ")";
    }
    return c.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " condition";
  }
}
