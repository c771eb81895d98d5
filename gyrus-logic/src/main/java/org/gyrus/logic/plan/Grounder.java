package org.gyrus.logic.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.core.SpecError;
import org.gyrus.logic.plan.AtomStore.Pattern;
import org.gyrus.logic.plan.Pddl.Action;
import org.gyrus.logic.plan.Pddl.Atom;
import org.gyrus.logic.plan.Pddl.Cond;
import org.gyrus.logic.plan.Pddl.Derived;
import org.gyrus.logic.plan.Pddl.Domain;
import org.gyrus.logic.plan.Pddl.Effect;
import org.gyrus.logic.plan.Pddl.Problem;
import org.gyrus.logic.plan.Pddl.Typed;

/**
 * Grounds a lifted task: a relaxed-reachability fixpoint over action schemas (joins on the positive
 * preconditions), then instantiation of the reachable actions with static facts, equality and
 * quantifiers evaluated away.
 */
public final class Grounder {
  final Domain domain;
  final Problem problem;
  final Map<String, Integer> objects = new LinkedHashMap<>();
  final List<String> objectNames = new ArrayList<>();
  final Map<String, BitSet> typeMembers = new HashMap<>();
  final Map<String, Integer> predIds = new HashMap<>();
  final List<String> predNames = new ArrayList<>();
  final Set<String> fluent = new HashSet<>();
  final Set<String> derived = new HashSet<>();
  final AtomStore reach;

  private Grounder(Domain domain, Problem problem) {
    this.domain = domain;
    this.problem = problem;
    for (Typed c : domain.constants()) {
      addObject(c.name());
    }
    for (Typed o : problem.objects()) {
      addObject(o.name());
    }
    buildTypes();
    for (String p : domain.predicates().keySet()) {
      predIds.put(p, predNames.size());
      predNames.add(p);
    }
    for (Action a : domain.actions()) {
      collectFluents(a.effects());
    }
    for (Derived d : domain.derived()) {
      derived.add(d.pred());
    }
    reach = new AtomStore(predNames.size());
    for (Atom a : problem.init()) {
      if (derived.contains(a.pred())) {
        throw new SpecError(a.at(), "only basic predicates in :init", "derived '" + a.pred() + "'");
      }
      reach.add(predIds.get(a.pred()), objs(a.args(), Map.of()));
    }
  }

  /** Grounds {@code problem} of {@code domain}. */
  public static Task ground(Domain domain, Problem problem) {
    return ground(domain, problem, System::nanoTime, Long.MAX_VALUE);
  }

  /** Thrown when grounding runs past its deadline. */
  static final class OutOfTime extends RuntimeException {
    OutOfTime() {
      super("grounding ran past the time limit", null, false, false);
    }
  }

  private java.util.function.LongSupplier clock = System::nanoTime;
  private long deadline = Long.MAX_VALUE;
  private long ticks;

  /** Counts a unit of grounding work; every 4096 of them the deadline is checked. */
  void tick() {
    if ((++ticks & 4095) == 0 && deadline != Long.MAX_VALUE && clock.getAsLong() > deadline) {
      throw new OutOfTime();
    }
  }

  /** Grounds with a deadline on {@code clock}; throws {@link OutOfTime} past it. */
  static Task ground(
      Domain domain, Problem problem, java.util.function.LongSupplier clock, long deadline) {
    Grounder g = new Grounder(domain, problem);
    g.clock = clock;
    g.deadline = deadline;
    List<Rule> rules = g.compileRules();
    g.fixpoint(rules);
    return new Instantiator(g).build();
  }

  private void addObject(String name) {
    if (!objects.containsKey(name)) {
      objects.put(name, objectNames.size());
      objectNames.add(name);
    }
  }

  private void buildTypes() {
    Map<String, Set<String>> declared = new HashMap<>();
    for (Typed t : domain.constants()) {
      declared.computeIfAbsent(t.name(), k -> new HashSet<>()).addAll(t.types());
    }
    for (Typed t : problem.objects()) {
      declared.computeIfAbsent(t.name(), k -> new HashSet<>()).addAll(t.types());
    }
    for (String type : domain.typeParents().keySet()) {
      typeMembers.put(type, new BitSet());
    }
    for (Map.Entry<String, Set<String>> e : declared.entrySet()) {
      int o = objects.get(e.getKey());
      for (String t : e.getValue()) {
        for (String anc : ancestors(t)) {
          typeMembers.computeIfAbsent(anc, k -> new BitSet()).set(o);
        }
      }
    }
    BitSet all = new BitSet();
    all.set(0, objectNames.size());
    typeMembers.put("object", all);
  }

  private Set<String> ancestors(String t) {
    Set<String> out = new HashSet<>();
    List<String> todo = new ArrayList<>(List.of(t));
    while (!todo.isEmpty()) {
      String x = todo.remove(todo.size() - 1);
      if (out.add(x)) {
        todo.addAll(domain.typeParents().getOrDefault(x, List.of()));
      }
    }
    return out;
  }

  BitSet membersOf(List<String> types) {
    if (types.size() == 1) {
      return typeMembers.getOrDefault(types.get(0), new BitSet());
    }
    BitSet b = new BitSet();
    types.forEach(t -> b.or(typeMembers.getOrDefault(t, new BitSet())));
    return b;
  }

  private void collectFluents(List<Effect> effects) {
    for (Effect e : effects) {
      if (e instanceof Pddl.Lit l) {
        fluent.add(l.atom().pred());
      } else if (e instanceof Pddl.When w) {
        collectFluents(w.effects());
      } else if (e instanceof Pddl.ForallEffect f) {
        collectFluents(f.effects());
      }
    }
  }

  int[] objs(List<String> args, Map<String, Integer> env) {
    int[] out = new int[args.size()];
    for (int i = 0; i < out.length; i++) {
      String a = args.get(i);
      Integer v = a.startsWith("?") ? env.get(a) : objects.get(a);
      if (v == null) {
        throw new SpecError(problem.file(), "a declared object", "'" + a + "'");
      }
      out[i] = v;
    }
    return out;
  }

  /** A schema compiled for the reachability joins. */
  record Rule(
      List<Pattern> body, int[] params, BitSet[] allowed, List<Adder> adders, Set<Integer> deps) {}

  /** An atom a rule makes reachable, under extra forall slots and when-condition atoms. */
  record Adder(Pattern head, List<Pattern> filter, int[] extra) {}

  /** Slot numbering while compiling one schema. */
  final class Slots {
    final Map<String, Integer> slot = new HashMap<>();
    final List<BitSet> allowed = new ArrayList<>();

    int add(Typed t) {
      slot.put(t.name(), allowed.size());
      allowed.add(membersOf(t.types()));
      return allowed.size() - 1;
    }

    Pattern pattern(Atom a) {
      int[] args = new int[a.args().size()];
      for (int i = 0; i < args.length; i++) {
        String s = a.args().get(i);
        args[i] = s.startsWith("?") ? slot.get(s) : -objects.get(s) - 1;
      }
      return new Pattern(predIds.get(a.pred()), args);
    }

    /** The positive atoms at the top-level conjunction of {@code c} (all slots known). */
    List<Pattern> positives(Cond c) {
      List<Pattern> out = new ArrayList<>();
      collect(c, out);
      return out;
    }

    private void collect(Cond c, List<Pattern> out) {
      if (c instanceof Atom a) {
        out.add(pattern(a));
      } else if (c instanceof Pddl.And and) {
        and.parts().forEach(p -> collect(p, out));
      }
    }
  }

  List<Rule> compileRules() {
    List<Rule> rules = new ArrayList<>();
    for (Action a : domain.actions()) {
      Slots s = new Slots();
      a.params().forEach(s::add);
      List<Pattern> body = s.positives(a.pre());
      List<Adder> adders = new ArrayList<>();
      compileAdders(a.effects(), s, List.of(), new int[0], adders);
      rules.add(rule(body, a.params().size(), s, adders));
    }
    for (Derived d : domain.derived()) {
      Slots s = new Slots();
      d.params().forEach(s::add);
      List<String> vars = d.params().stream().map(Typed::name).toList();
      Pattern head = s.pattern(new Atom(d.pred(), vars, d.at()));
      rules.add(
          rule(
              s.positives(d.body()),
              d.params().size(),
              s,
              List.of(new Adder(head, List.of(), new int[0]))));
    }
    return rules;
  }

  private Rule rule(List<Pattern> body, int nParams, Slots s, List<Adder> adders) {
    int[] params = new int[nParams];
    for (int i = 0; i < nParams; i++) {
      params[i] = i;
    }
    Set<Integer> deps = new HashSet<>();
    body.forEach(p -> deps.add(p.pred()));
    adders.forEach(x -> x.filter().forEach(p -> deps.add(p.pred())));
    return new Rule(body, params, s.allowed.toArray(new BitSet[0]), adders, deps);
  }

  private void compileAdders(
      List<Effect> effects, Slots s, List<Pattern> filter, int[] extra, List<Adder> out) {
    for (Effect e : effects) {
      if (e instanceof Pddl.Lit l && l.add()) {
        out.add(new Adder(s.pattern(l.atom()), filter, extra));
      } else if (e instanceof Pddl.When w) {
        List<Pattern> f = new ArrayList<>(filter);
        f.addAll(s.positives(w.cond()));
        compileAdders(w.effects(), s, f, extra, out);
      } else if (e instanceof Pddl.ForallEffect fe) {
        int[] ext = java.util.Arrays.copyOf(extra, extra.length + fe.vars().size());
        for (int i = 0; i < fe.vars().size(); i++) {
          ext[extra.length + i] = s.add(fe.vars().get(i));
        }
        compileAdders(fe.effects(), s, filter, ext, out);
      }
    }
  }

  /** Relaxed reachability: fire every rule until no new atom appears. */
  void fixpoint(List<Rule> rules) {
    Set<Integer> changed = null; // null: first round, every rule fires
    while (true) {
      Set<Integer> grown = new HashSet<>();
      for (Rule r : rules) {
        if (changed != null && r.deps().stream().noneMatch(changed::contains)) {
          continue;
        }
        List<int[]> found = new ArrayList<>();
        List<Integer> foundPred = new ArrayList<>();
        int[] binding = new int[r.allowed().length];
        java.util.Arrays.fill(binding, -1);
        reach.join(
            r.body(),
            r.params(),
            r.allowed(),
            binding,
            () -> {
              for (Adder ad : r.adders()) {
                Runnable emit =
                    () -> {
                      tick();
                      int[] args = new int[ad.head().args().length];
                      for (int i = 0; i < args.length; i++) {
                        int x = ad.head().args()[i];
                        args[i] = x < 0 ? -x - 1 : binding[x];
                      }
                      found.add(args);
                      foundPred.add(ad.head().pred());
                    };
                if (ad.filter().isEmpty() && ad.extra().length == 0) {
                  emit.run();
                } else {
                  reach.join(ad.filter(), ad.extra(), r.allowed(), binding, emit);
                }
              }
            });
        for (int i = 0; i < found.size(); i++) {
          if (reach.add(foundPred.get(i), found.get(i))) {
            grown.add(foundPred.get(i));
          }
        }
      }
      if (grown.isEmpty()) {
        return;
      }
      changed = grown;
    }
  }

  String atomName(int atomId) {
    AtomStore.Key k = reach.atom(atomId);
    StringBuilder b = new StringBuilder("(").append(predNames.get(k.pred()));
    for (int a : k.args()) {
      b.append(' ').append(objectNames.get(a));
    }
    return b.append(')').toString();
  }
}
