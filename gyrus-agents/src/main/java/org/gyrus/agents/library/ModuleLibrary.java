package org.gyrus.agents.library;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gyrus.core.SpecError;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.Var;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.datalog.engine.Database;

/**
 * A registry of Datalog modules that grows (GENOME's idea): a module is admitted only when it type
 * checks against the base relations and the active modules and passes every few-shot test it is
 * submitted with; a refused module is reported with the failing case and never becomes callable. A
 * later version of a name replaces the active one (which is retired) only when it passes more of
 * the name's accumulated tests. Modules call each other by name, so a replacement is picked up by
 * every caller.
 */
public final class ModuleLibrary {
  private final Map<String, RelType> base;
  private final Map<String, Module> active = new LinkedHashMap<>();
  private final Map<String, List<FewShotTest>> tests = new HashMap<>();
  private final List<Module> retired = new ArrayList<>();
  private final List<Decision.Refused> refused = new ArrayList<>();
  private final Map<String, Integer> reuses = new LinkedHashMap<>();

  public ModuleLibrary(List<RelType> baseRelations) {
    Map<String, RelType> b = new LinkedHashMap<>();
    for (RelType r : baseRelations) {
      b.put(r.name(), r);
    }
    this.base = Collections.unmodifiableMap(b);
  }

  public Map<String, RelType> baseRelations() {
    return base;
  }

  /** The active modules, in order of admission of their names. */
  public List<Module> active() {
    return List.copyOf(active.values());
  }

  public Optional<Module> get(String name) {
    return Optional.ofNullable(active.get(name));
  }

  public List<Module> retired() {
    return List.copyOf(retired);
  }

  public List<Decision.Refused> refused() {
    return List.copyOf(refused);
  }

  /** How often each name was reused for a task without a new module. */
  public Map<String, Integer> reuses() {
    return Collections.unmodifiableMap(reuses);
  }

  /** The active modules {@code m}'s rules call (directly). */
  public List<String> calls(Module m) {
    List<String> out = new ArrayList<>();
    for (String p : m.bodyPredicates()) {
      if (!p.equals(m.name()) && active.containsKey(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /** Submits a module with the few-shot tests of the task it was written for. */
  public Decision submit(Module m, List<FewShotTest> newTests) {
    Module cur = active.get(m.name());
    Module candidate = m.withVersion(cur == null ? 1 : cur.version() + 1);
    String typeError = typeError(candidate);
    if (typeError != null) {
      return refuse(candidate, typeError, null);
    }
    for (FewShotTest t : newTests) {
      TestOutcome o = run(candidate, t);
      if (!o.passed()) {
        return refuse(candidate, "few-shot test failed", o);
      }
    }
    List<FewShotTest> suite = new ArrayList<>(tests.getOrDefault(m.name(), List.of()));
    suite.addAll(newTests);
    int passed = passes(candidate, suite);
    if (cur != null) {
      int old = passes(cur, suite);
      if (passed <= old) {
        return refuse(
            candidate,
            "passes "
                + passed
                + " of "
                + suite.size()
                + " tests, active v"
                + cur.version()
                + " passes "
                + old
                + ": not better",
            null);
      }
      retired.add(cur);
    }
    active.put(m.name(), candidate);
    tests.put(m.name(), suite);
    return new Decision.Admitted(candidate, cur, passed, suite.size());
  }

  /**
   * The active module of that name when it passes every one of {@code taskTests} (then counted as a
   * reuse and the tests join its suite); empty otherwise.
   */
  public Optional<Module> reuse(String name, List<FewShotTest> taskTests) {
    Module m = active.get(name);
    if (m == null) {
      return Optional.empty();
    }
    for (FewShotTest t : taskTests) {
      if (!run(m, t).passed()) {
        return Optional.empty();
      }
    }
    reuses.merge(name, 1, Integer::sum);
    tests.get(name).addAll(taskTests);
    return Optional.of(m);
  }

  private Decision refuse(Module m, String reason, TestOutcome failing) {
    Decision.Refused r = new Decision.Refused(m, reason, failing);
    refused.add(r);
    return r;
  }

  private int passes(Module m, List<FewShotTest> suite) {
    int n = 0;
    for (FewShotTest t : suite) {
      n += run(m, t).passed() ? 1 : 0;
    }
    return n;
  }

  /**
   * Runs {@code m} on one case: the case's facts, {@code m}'s rules and the rules of every active
   * module it reaches by name, then the output relation compared with the expected tuples.
   */
  public TestOutcome run(Module m, FewShotTest t) {
    StringBuilder text = new StringBuilder();
    for (String f : t.facts()) {
      text.append(f).append(".\n");
    }
    for (Module dep : closure(m)) {
      for (String r : dep.rules()) {
        text.append(r).append('\n');
      }
    }
    Set<String> got;
    try {
      Database db = Database.load(Parser.parse(text.toString(), "module " + m.name()));
      got = new HashSet<>(db.query(outputQuery(m.output())).facts());
    } catch (SpecError | IllegalArgumentException | IllegalStateException e) {
      return new TestOutcome(t, Set.of(), Set.of(), e.getMessage());
    }
    Set<String> missing = new HashSet<>(t.expected());
    missing.removeAll(got);
    Set<String> extra = new HashSet<>(got);
    extra.removeAll(t.expected());
    return new TestOutcome(t, missing, extra, null);
  }

  /** {@code m} and every active module reachable from its rules by name (m's own name is m). */
  private List<Module> closure(Module m) {
    Set<String> seen = new LinkedHashSet<>();
    List<Module> out = new ArrayList<>();
    List<Module> todo = new ArrayList<>(List.of(m));
    seen.add(m.name());
    while (!todo.isEmpty()) {
      Module cur = todo.remove(todo.size() - 1);
      out.add(cur);
      for (String p : cur.bodyPredicates()) {
        Module dep = active.get(p);
        if (dep != null && seen.add(p)) {
          todo.add(dep);
        }
      }
    }
    return out;
  }

  static Atom outputQuery(RelType out) {
    StringBuilder q = new StringBuilder(out.name()).append('(');
    for (int i = 0; i < out.arity(); i++) {
      q.append(i == 0 ? "" : ", ").append("V").append(i);
    }
    return Parser.parseQuery(q.append(')').toString());
  }

  /** Null when every body relation is known with its arity and every variable has one type. */
  String typeError(Module m) {
    try {
      for (var rule : m.program().rules()) {
        Map<String, String> types = new HashMap<>();
        String e = bind(rule.head(), m.output(), types, m);
        if (e != null) {
          return e;
        }
        for (var lit : rule.body()) {
          Atom a =
              lit instanceof org.gyrus.logic.datalog.Ast.Positive p
                  ? p.atom()
                  : lit instanceof org.gyrus.logic.datalog.Ast.Negated n ? n.atom() : null;
          if (a == null) {
            continue;
          }
          RelType sig = signature(a.pred(), m);
          if (sig == null) {
            return "unknown relation "
                + a.pred()
                + "/"
                + a.args().size()
                + " (neither a base relation nor an admitted module) in "
                + rule;
          }
          e = bind(a, sig, types, m);
          if (e != null) {
            return e;
          }
        }
      }
      return null;
    } catch (SpecError e) {
      return e.getMessage();
    }
  }

  private RelType signature(String pred, Module m) {
    if (pred.equals(m.name())) {
      return m.output();
    }
    if (base.containsKey(pred)) {
      return base.get(pred);
    }
    Module dep = active.get(pred);
    return dep == null ? null : dep.output();
  }

  private static String bind(Atom a, RelType sig, Map<String, String> types, Module m) {
    if (!a.pred().equals(sig.name()) || a.args().size() != sig.arity()) {
      return a + " does not match " + sig + " in module " + m.name();
    }
    for (int i = 0; i < sig.arity(); i++) {
      if (a.args().get(i) instanceof Var v && !v.anonymous()) {
        String want = sig.argTypes().get(i);
        String had = types.putIfAbsent(v.name(), want);
        if (had != null && !had.equals(want)) {
          return "variable "
              + v.name()
              + " is "
              + had
              + " and "
              + want
              + " in "
              + a
              + " of "
              + m.name();
        }
      }
    }
    return null;
  }
}
