package org.gyrus.logic.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.core.SpecError;
import org.gyrus.logic.plan.Pddl.Action;
import org.gyrus.logic.plan.Pddl.Atom;
import org.gyrus.logic.plan.Pddl.Cond;
import org.gyrus.logic.plan.Pddl.Derived;
import org.gyrus.logic.plan.Pddl.Domain;
import org.gyrus.logic.plan.Pddl.Problem;
import org.gyrus.logic.plan.Pddl.Typed;
import org.gyrus.logic.plan.SExpr.Lst;
import org.gyrus.logic.plan.SExpr.Sym;

/**
 * Parses PDDL domains and problems: STRIPS, typing (with {@code either}), negative and disjunctive
 * preconditions, equality, quantifiers, conditional effects, derived predicates and action costs.
 * Every error names {@code FILE:LINE:COLUMN} and what was expected there.
 */
public final class PddlParser {
  static final Set<String> REQUIREMENTS =
      Set.of(
          ":strips",
          ":typing",
          ":negative-preconditions",
          ":disjunctive-preconditions",
          ":equality",
          ":existential-preconditions",
          ":universal-preconditions",
          ":quantified-preconditions",
          ":conditional-effects",
          ":adl",
          ":derived-predicates",
          ":action-costs");

  private PddlParser() {}

  public static Domain parseDomain(Path file) {
    return parseDomain(read(file), file.toString());
  }

  public static Problem parseProblem(Path file, Domain domain) {
    return parseProblem(read(file), file.toString(), domain);
  }

  static String read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SpecError(file.toString(), "a readable PDDL file", "nothing there");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecError(file.toString(), "cannot read: " + e.getMessage(), e);
    }
  }

  public static Domain parseDomain(String text, String file) {
    Lst top = SExpr.read(text, file);
    String name = header(top, "domain");
    DomainBuilder b = new DomainBuilder(name, file);
    for (int i = 2; i < top.size(); i++) {
      Lst sec = list(top.get(i), "a domain section such as '(:predicates ...)'");
      b.section(sec);
    }
    return b.build();
  }

  public static Problem parseProblem(String text, String file, Domain domain) {
    Lst top = SExpr.read(text, file);
    String name = header(top, "problem");
    return new ProblemBuilder(name, file, domain).build(top);
  }

  /** Checks {@code (define (KIND name) ...)} and returns the name. */
  private static String header(Lst top, String kind) {
    if (!"define".equals(top.head())) {
      throw new SpecError(top.at(), "'(define (" + kind + " NAME) ...)'", "'" + clip(top) + "'");
    }
    if (top.size() < 2
        || !(top.get(1) instanceof Lst h)
        || h.size() != 2
        || !kind.equals(h.head())
        || !(h.get(1) instanceof Sym n)) {
      SExpr where = top.size() < 2 ? top : top.get(1);
      throw new SpecError(where.at(), "'(" + kind + " NAME)'", "'" + clip(where) + "'");
    }
    return n.text();
  }

  static Lst list(SExpr e, String expected) {
    if (e instanceof Lst l) {
      return l;
    }
    throw new SpecError(e.at(), expected, "'" + e + "'");
  }

  static String sym(SExpr e, String expected) {
    if (e instanceof Sym s) {
      return s.text();
    }
    throw new SpecError(e.at(), expected, "'" + clip(e) + "'");
  }

  static String clip(SExpr e) {
    String s = e.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** A typed list: {@code a b - t c - (either u v) d}; names without a type are {@code object}. */
  static List<Typed> typedList(List<SExpr> items, boolean variables, String what) {
    List<Typed> out = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      SExpr e = items.get(i);
      String s = sym(e, "a " + what + " name or '-'");
      if (s.equals("-")) {
        if (pending.isEmpty() || i + 1 >= items.size()) {
          throw new SpecError(e.at(), what + " names before '- TYPE' and a type after it", "'-'");
        }
        List<String> types = typeRef(items.get(++i));
        pending.forEach(p -> out.add(new Typed(p, types)));
        pending.clear();
        continue;
      }
      if (variables != s.startsWith("?")) {
        throw new SpecError(
            e.at(),
            variables ? "a variable starting with '?'" : "a name without '?'",
            "'" + s + "'");
      }
      if (!seen.add(s)) {
        throw new SpecError(e.at(), "each " + what + " declared once", "'" + s + "' again");
      }
      pending.add(s);
    }
    pending.forEach(p -> out.add(new Typed(p, List.of("object"))));
    return out;
  }

  private static List<String> typeRef(SExpr e) {
    if (e instanceof Sym s) {
      return List.of(s.text());
    }
    Lst l = (Lst) e;
    if (!"either".equals(l.head()) || l.size() < 2) {
      throw new SpecError(e.at(), "a type or '(either TYPE ...)'", "'" + clip(e) + "'");
    }
    List<String> out = new ArrayList<>();
    for (int i = 1; i < l.size(); i++) {
      out.add(sym(l.get(i), "a type name"));
    }
    return out;
  }

  /** Builds the domain section by section, checking names as they are used. */
  private static final class DomainBuilder {
    final String name;
    final String file;
    final Set<String> requirements = new LinkedHashSet<>();
    final Map<String, List<String>> typeParents = new LinkedHashMap<>();
    List<Typed> constants = List.of();
    final Map<String, List<Typed>> predicates = new LinkedHashMap<>();
    final Map<String, Integer> functions = new LinkedHashMap<>();
    final List<Lst> actionLists = new ArrayList<>();
    final List<Lst> derivedLists = new ArrayList<>();

    DomainBuilder(String name, String file) {
      this.name = name;
      this.file = file;
      typeParents.put("object", List.of());
    }

    void section(Lst sec) {
      String key = sec.head();
      if (key == null) {
        throw new SpecError(sec.at(), "a section keyword such as ':action'", "'" + clip(sec) + "'");
      }
      List<SExpr> rest = sec.items().subList(1, sec.size());
      switch (key) {
        case ":requirements" -> requirements(rest);
        case ":types" -> types(rest);
        case ":constants" -> constants = typedList(rest, false, "constant");
        case ":predicates" -> predicates(rest);
        case ":functions" -> functions(rest);
        case ":action" -> actionLists.add(sec);
        case ":derived" -> derivedLists.add(sec);
        default ->
            throw new SpecError(
                sec.at(),
                "one of :requirements :types :constants :predicates :functions :action :derived"
                    + " (durative actions and processes are not supported)",
                "'" + key + "'");
      }
    }

    void requirements(List<SExpr> rest) {
      for (SExpr e : rest) {
        String r = sym(e, "a requirement such as ':strips'");
        if (!REQUIREMENTS.contains(r)) {
          throw new SpecError(
              e.at(),
              "a supported requirement (one of " + new java.util.TreeSet<>(REQUIREMENTS) + ")",
              "'" + r + "'");
        }
        requirements.add(r);
      }
    }

    void types(List<SExpr> rest) {
      for (Typed t : typedList(rest, false, "type")) {
        typeParents.merge(
            t.name(),
            t.name().equals("object") ? List.of() : t.types(),
            (a, b) -> {
              List<String> m = new ArrayList<>(a);
              b.forEach(
                  x -> {
                    if (!m.contains(x)) m.add(x);
                  });
              return m;
            });
      }
      for (List<String> parents : List.copyOf(typeParents.values())) {
        for (String p : parents) {
          typeParents.putIfAbsent(p, List.of("object"));
        }
      }
    }

    void predicates(List<SExpr> rest) {
      for (SExpr e : rest) {
        Lst p = list(e, "a predicate declaration '(name ?x - type ...)'");
        String n = sym(p.size() == 0 ? p : p.get(0), "a predicate name");
        if (predicates.containsKey(n)) {
          throw new SpecError(p.at(), "each predicate declared once", "'" + n + "' again");
        }
        List<Typed> params = typedList(p.items().subList(1, p.size()), true, "parameter");
        params.forEach(t -> t.types().forEach(ty -> checkType(ty, p)));
        predicates.put(n, params);
      }
    }

    void functions(List<SExpr> rest) {
      for (int i = 0; i < rest.size(); i++) {
        SExpr e = rest.get(i);
        if (e instanceof Sym s && s.text().equals("-")) {
          i++; // the type that follows: number (object fluents are not supported)
          if (i >= rest.size() || !"number".equals(sym(rest.get(i), "'number'"))) {
            throw new SpecError(
                i < rest.size() ? rest.get(i).at() : e.at(),
                "'number' after '-'",
                "something else");
          }
          continue;
        }
        Lst f = list(e, "a function declaration '(name ?x - type ...)'");
        String n = sym(f.size() == 0 ? f : f.get(0), "a function name");
        functions.put(n, typedList(f.items().subList(1, f.size()), true, "parameter").size());
      }
    }

    void checkType(String type, SExpr where) {
      if (!typeParents.containsKey(type)) {
        throw new SpecError(where.at(), "a type declared in :types", "'" + type + "'");
      }
    }

    Domain build() {
      constants.forEach(c -> c.types().forEach(t -> checkType(t, new Sym(c.name(), file))));
      List<Derived> derived = new ArrayList<>();
      for (Lst d : derivedLists) {
        Lst head = list(d.size() > 1 ? d.get(1) : d, "'(:derived (pred ?x ...) CONDITION)'");
        String pred = sym(head.size() == 0 ? head : head.get(0), "a predicate name");
        List<Typed> params = typedList(head.items().subList(1, head.size()), true, "parameter");
        if (!predicates.containsKey(pred)) {
          predicates.put(pred, params);
        }
        derived.add(new Derived(pred, params, null, d.at()));
      }
      Set<String> derivedNames = new HashSet<>();
      derived.forEach(x -> derivedNames.add(x.pred()));
      Scope base = new Scope(this, constantNames(), derivedNames);
      List<Derived> built = new ArrayList<>();
      for (int i = 0; i < derived.size(); i++) {
        Derived d = derived.get(i);
        Lst l = derivedLists.get(i);
        if (l.size() != 3) {
          throw new SpecError(l.at(), "'(:derived (pred ?x ...) CONDITION)'", clip(l));
        }
        checkArity(d.pred(), d.params().size(), l.get(1));
        Scope s = base.with(d.params());
        built.add(new Derived(d.pred(), d.params(), Conditions.cond(l.get(2), s), d.at()));
      }
      List<Action> actions = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (Lst a : actionLists) {
        Action act = Conditions.action(a, base);
        if (!names.add(act.name())) {
          throw new SpecError(a.at(), "each action named once", "'" + act.name() + "' again");
        }
        actions.add(act);
      }
      return new Domain(
          name,
          Set.copyOf(requirements),
          Map.copyOf(typeParents),
          constants,
          Map.copyOf(predicates),
          Map.copyOf(functions),
          actions,
          built,
          file);
    }

    void checkArity(String pred, int n, SExpr where) {
      List<Typed> p = predicates.get(pred);
      if (p != null && p.size() != n) {
        throw new SpecError(where.at(), p.size() + " arguments for '" + pred + "'", n + "");
      }
    }

    Set<String> constantNames() {
      Set<String> s = new HashSet<>();
      constants.forEach(c -> s.add(c.name()));
      return s;
    }
  }

  /** What names a condition may use: predicates, functions, constants and bound variables. */
  record Scope(
      Map<String, List<Typed>> predicates,
      Map<String, Integer> functions,
      Map<String, List<String>> types,
      Set<String> constants,
      Set<String> variables,
      Set<String> derived) {
    Scope(DomainBuilder b, Set<String> constants, Set<String> derived) {
      this(b.predicates, b.functions, b.typeParents, constants, Set.of(), derived);
    }

    Scope with(List<Typed> vars) {
      Set<String> v = new HashSet<>(variables);
      for (Typed t : vars) {
        v.add(t.name());
      }
      return new Scope(predicates, functions, types, constants, v, derived);
    }
  }

  /** Builds a problem, checking objects against the domain. */
  private static final class ProblemBuilder {
    final String name;
    final String file;
    final Domain domain;

    ProblemBuilder(String name, String file, Domain domain) {
      this.name = name;
      this.file = file;
      this.domain = domain;
    }

    Problem build(Lst top) {
      String domainName = null;
      List<Typed> objects = List.of();
      Lst init = null;
      Lst goal = null;
      boolean minimize = false;
      for (int i = 2; i < top.size(); i++) {
        Lst sec = list(top.get(i), "a problem section such as '(:init ...)'");
        String key = sec.head() == null ? "" : sec.head();
        switch (key) {
          case ":domain" -> {
            domainName = sym(sec.size() == 2 ? sec.get(1) : sec, "'(:domain NAME)'");
            if (!domainName.equals(domain.name())) {
              throw new SpecError(
                  sec.get(1).at(), "domain '" + domain.name() + "'", "'" + domainName + "'");
            }
          }
          case ":requirements" -> {}
          case ":objects" ->
              objects = typedList(sec.items().subList(1, sec.size()), false, "object");
          case ":init" -> init = sec;
          case ":goal" -> goal = sec;
          case ":metric" -> minimize = metric(sec);
          default ->
              throw new SpecError(
                  sec.at(),
                  "one of :domain :requirements :objects :init :goal :metric",
                  "'" + clip(sec) + "'");
        }
      }
      if (domainName == null) {
        throw new SpecError(top.at(), "a '(:domain NAME)' section", "none");
      }
      if (init == null || goal == null) {
        throw new SpecError(
            top.at(),
            "both '(:init ...)' and '(:goal ...)'",
            "missing " + (init == null ? ":init" : ":goal"));
      }
      Set<String> names = new HashSet<>();
      domain.constants().forEach(c -> names.add(c.name()));
      for (Typed o : objects) {
        for (String t : o.types()) {
          if (!domain.typeParents().containsKey(t)) {
            throw new SpecError(
                file + ": object " + o.name(), "a type of the domain", "'" + t + "'");
          }
        }
        names.add(o.name());
      }
      Scope scope =
          new Scope(
              domain.predicates(),
              domain.functions(),
              domain.typeParents(),
              names,
              Set.of(),
              Set.of());
      List<Atom> atoms = new ArrayList<>();
      Map<String, Double> numbers = new HashMap<>();
      for (int i = 1; i < init.size(); i++) {
        initEntry(init.get(i), scope, atoms, numbers);
      }
      if (goal.size() != 2) {
        throw new SpecError(goal.at(), "'(:goal CONDITION)'", "'" + clip(goal) + "'");
      }
      Cond g = Conditions.cond(goal.get(1), scope);
      return new Problem(name, domainName, objects, atoms, numbers, g, minimize, file);
    }

    void initEntry(SExpr e, Scope scope, List<Atom> atoms, Map<String, Double> numbers) {
      Lst l = list(e, "a ground atom '(pred obj ...)' or '(= (f obj ...) NUMBER)'");
      if ("=".equals(l.head()) && l.size() == 3 && l.get(1) instanceof Lst f) {
        String fn = sym(f.size() == 0 ? f : f.get(0), "a function name");
        if (!domain.functions().containsKey(fn)) {
          throw new SpecError(f.at(), "a function declared in :functions", "'" + fn + "'");
        }
        List<String> args = new ArrayList<>();
        for (int i = 1; i < f.size(); i++) {
          args.add(Conditions.term(f.get(i), scope));
        }
        String v = sym(l.get(2), "a number");
        try {
          numbers.put(Pddl.fnKey(fn, args), Double.parseDouble(v));
        } catch (NumberFormatException ex) {
          throw new SpecError(l.get(2).at(), "a number", "'" + v + "'");
        }
        return;
      }
      Cond c = Conditions.cond(l, scope);
      if (!(c instanceof Atom a)) {
        throw new SpecError(l.at(), "a positive ground atom in :init", "'" + clip(l) + "'");
      }
      atoms.add(a);
    }

    boolean metric(Lst sec) {
      if (sec.size() != 3
          || !"minimize".equals(sec.head() == null ? null : symOrNull(sec.get(1)))
          || !(sec.get(2) instanceof Lst f)
          || !"total-cost".equals(f.head())
          || f.size() != 1) {
        throw new SpecError(sec.at(), "'(:metric minimize (total-cost))'", "'" + clip(sec) + "'");
      }
      return true;
    }

    static String symOrNull(SExpr e) {
      return e instanceof Sym s ? s.text() : null;
    }
  }
}
