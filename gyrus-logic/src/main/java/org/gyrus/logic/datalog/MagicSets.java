package org.gyrus.logic.datalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.datalog.Ast.Aggregate;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.Comparison;
import org.gyrus.logic.datalog.Ast.Const;
import org.gyrus.logic.datalog.Ast.Literal;
import org.gyrus.logic.datalog.Ast.Negated;
import org.gyrus.logic.datalog.Ast.Positive;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.Ast.Term;
import org.gyrus.logic.datalog.Ast.TermExpr;
import org.gyrus.logic.datalog.Ast.Var;

/**
 * Demand-driven evaluation by the generalized magic-set rewriting (left-to-right sideways
 * information passing). For a query with bound arguments, every derived predicate reached with
 * bound arguments gets an adorned copy ({@code path@bf}) guarded by a magic predicate ({@code
 * magic@path@bf}) that holds exactly the bindings asked for; bottom-up evaluation of the rewritten
 * program then derives only tuples relevant to the query.
 *
 * <p>Stratified negation and aggregation stay sound because predicates under {@code !} or inside an
 * aggregate are never adorned: they, and everything they depend on, are computed in full (the notes
 * say which), so the rewritten program stays stratified. Every adorned rule instance corresponds to
 * exactly one instance of its original rule (the guard adds no choice), so semiring values of the
 * answers are those of the plain evaluation when guards count as {@code one}.
 */
public final class MagicSets {
  /** Origin of a rewritten rule that computes demand (a magic rule or the seed). */
  public static final int MAGIC = -1;

  /** Origin of a rule that copies the input facts of a derived predicate. */
  public static final int COPY = -2;

  /**
   * A program rewritten for one query. {@code origin[i]} is the index of rewritten rule i in the
   * original program ({@link #MAGIC} or {@link #COPY} for added rules); {@code shownAs} maps
   * rewritten predicate names to original ones; {@code guards} are the magic predicates.
   */
  public record Rewriting(
      Program original,
      Program program,
      Atom query,
      boolean applied,
      List<String> notes,
      Map<String, String> shownAs,
      int[] origin,
      Set<String> guards) {

    /** The program unchanged, with the reason the rewriting does not apply. */
    public static Rewriting identity(Program p, Atom query, String why) {
      int[] origin = new int[p.rules().size()];
      for (int i = 0; i < origin.length; i++) {
        origin[i] = i;
      }
      return new Rewriting(p, p, query, false, List.of(why), Map.of(), origin, Set.of());
    }

    /** The original name of a (possibly rewritten) predicate. */
    public String shown(String pred) {
      return shownAs.getOrDefault(pred, pred);
    }
  }

  private MagicSets() {}

  /**
   * Rewrites {@code program} for {@code query}; returns the identity (with the reason in its notes)
   * when the query binds no argument or asks an input relation.
   */
  public static Rewriting rewrite(Program program, Atom query) {
    Analysis.of(new Program(program.rules(), List.of(query)));
    Set<String> derived = new HashSet<>();
    for (Rule r : program.rules()) {
      if (!r.isFact()) {
        derived.add(r.head().pred());
      }
    }
    boolean known = false;
    for (Rule r : program.rules()) {
      known |= r.head().pred().equals(query.pred());
    }
    if (!known) {
      return Rewriting.identity(
          program, query, "demand: off (no rule or fact defines " + query.pred() + ")");
    }
    if (!derived.contains(query.pred())) {
      return Rewriting.identity(
          program, query, "demand: off (" + query.pred() + " is an input relation)");
    }
    String alpha = adornment(query.args(), Set.of());
    if (!alpha.contains("b")) {
      return Rewriting.identity(program, query, "demand: off (no bound argument in " + query + ")");
    }
    return new Builder(program, derived).build(query, alpha);
  }

  /** 'b' for each argument that is a constant or a bound variable, 'f' otherwise. */
  static String adornment(List<Term> args, Set<String> bound) {
    StringBuilder sb = new StringBuilder();
    for (Term t : args) {
      boolean b = t instanceof Const || (t instanceof Var v && bound.contains(v.name()));
      sb.append(b ? 'b' : 'f');
    }
    return sb.toString();
  }

  private static List<Term> boundArgs(List<Term> args, String alpha) {
    List<Term> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (alpha.charAt(i) == 'b') {
        out.add(args.get(i));
      }
    }
    return out;
  }

  private static Set<String> vars(Literal l) {
    Set<String> out = new HashSet<>();
    Analysis.varsOf(l, out);
    return out;
  }

  /** One rewriting in progress. */
  private static final class Builder {
    private final Program program;
    private final Set<String> derived;
    private final Map<String, List<Integer>> rulesByHead = new HashMap<>();
    private final Set<String> withFacts = new HashSet<>();
    private final List<Rule> out = new ArrayList<>();
    private final List<Integer> origin = new ArrayList<>();
    private final Set<Rule> magicRules = new HashSet<>();
    private final Map<String, String> shownAs = new HashMap<>();
    private final Set<String> guards = new LinkedHashSet<>();
    private final Set<String> demanded = new HashSet<>();
    private final Deque<String[]> todo = new ArrayDeque<>();
    private final Set<String> full = new LinkedHashSet<>();
    private final Map<String, String> fullBecause = new LinkedHashMap<>();
    private final Deque<String> fullTodo = new ArrayDeque<>();

    Builder(Program program, Set<String> derived) {
      this.program = program;
      this.derived = derived;
    }

    Rewriting build(Atom query, String alpha) {
      List<Rule> rules = program.rules();
      for (int i = 0; i < rules.size(); i++) {
        Rule r = rules.get(i);
        String p = r.head().pred();
        if (!r.isFact()) {
          rulesByHead.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
        } else if (derived.contains(p)) {
          withFacts.add(p);
          shownAs.put(factsName(p), p);
          add(new Rule(new Atom(factsName(p), r.head().args()), List.of(), r.tag(), r.where()), i);
        } else {
          add(r, i);
        }
      }
      Atom seed = new Atom(magicName(query.pred(), alpha), boundArgs(query.args(), alpha));
      add(new Rule(seed, List.of(), null, "query"), MAGIC);
      demand(query.pred(), alpha);
      while (!todo.isEmpty() || !fullTodo.isEmpty()) {
        if (!todo.isEmpty()) {
          String[] pa = todo.pop();
          adornPredicate(pa[0], pa[1]);
        } else {
          fullPredicate(fullTodo.pop());
        }
      }
      List<String> notes = new ArrayList<>();
      notes.add(
          "demand: magic sets for "
              + query
              + " ("
              + demanded.size()
              + " adorned predicate(s): "
              + String.join(", ", demanded)
              + ")");
      for (Map.Entry<String, String> e : fullBecause.entrySet()) {
        notes.add("demand: " + e.getKey() + " computed in full (" + e.getValue() + ")");
      }
      int[] orig = origin.stream().mapToInt(Integer::intValue).toArray();
      Atom adornedQuery = new Atom(adornedName(query.pred(), alpha), query.args());
      return new Rewriting(
          program,
          new Program(List.copyOf(out), List.of()),
          adornedQuery,
          true,
          List.copyOf(notes),
          Map.copyOf(shownAs),
          orig,
          Set.copyOf(guards));
    }

    private void add(Rule r, int from) {
      out.add(r);
      origin.add(from);
    }

    private void demand(String pred, String alpha) {
      if (demanded.add(adornedName(pred, alpha))) {
        shownAs.put(adornedName(pred, alpha), pred);
        guards.add(magicName(pred, alpha));
        todo.push(new String[] {pred, alpha});
      }
    }

    private void needFull(String pred, String why) {
      if (derived.contains(pred) && full.add(pred)) {
        fullBecause.put(pred, why);
        fullTodo.push(pred);
      }
    }

    private void adornPredicate(String pred, String alpha) {
      for (int ri : rulesByHead.getOrDefault(pred, List.of())) {
        adornRule(program.rules().get(ri), ri, alpha);
      }
      if (withFacts.contains(pred)) {
        List<Term> vs = freshVars(program.rules(), pred);
        Atom guard = new Atom(magicName(pred, alpha), boundArgs(vs, alpha));
        Atom facts = new Atom(factsName(pred), vs);
        add(
            new Rule(
                new Atom(adornedName(pred, alpha), vs),
                List.of(new Positive(guard), new Positive(facts)),
                null,
                "input facts of " + pred),
            COPY);
      }
    }

    private void fullPredicate(String pred) {
      for (int ri : rulesByHead.getOrDefault(pred, List.of())) {
        Rule r = program.rules().get(ri);
        for (Literal l : r.body()) {
          if (l instanceof Positive p) {
            needFull(p.atom().pred(), "needed by " + pred + ", which is computed in full");
          }
        }
        markUnadornable(r.body());
        add(r, ri);
      }
      if (withFacts.contains(pred)) {
        List<Term> vs = freshVars(program.rules(), pred);
        add(
            new Rule(
                new Atom(pred, vs),
                List.of(new Positive(new Atom(factsName(pred), vs))),
                null,
                "input facts of " + pred),
            COPY);
      }
    }

    /** Predicates under negation or inside aggregates are computed in full. */
    private void markUnadornable(List<Literal> body) {
      for (Literal l : body) {
        if (l instanceof Negated n) {
          needFull(n.atom().pred(), "used under negation");
        } else if (l instanceof Aggregate g) {
          for (Literal x : g.body()) {
            if (x instanceof Positive p) {
              needFull(p.atom().pred(), "used inside an aggregate");
            } else if (x instanceof Negated n) {
              needFull(n.atom().pred(), "used under negation");
            }
          }
        }
      }
    }

    private void adornRule(Rule r, int ri, String alpha) {
      Atom guard = new Atom(magicName(r.head().pred(), alpha), boundArgs(r.head().args(), alpha));
      Set<String> bound = new HashSet<>(vars(new Positive(guard)));
      List<Literal> body = new ArrayList<>();
      List<Literal> prefix = new ArrayList<>();
      body.add(new Positive(guard));
      prefix.add(new Positive(guard));
      markUnadornable(r.body());
      for (Literal l : r.body()) {
        Literal rewritten = l;
        boolean inPrefix;
        if (l instanceof Positive p && derived.contains(p.atom().pred())) {
          rewritten = adornAtom(p.atom(), bound, prefix, r.where());
          inPrefix = true;
        } else if (l instanceof Positive) {
          inPrefix = true;
        } else if (l instanceof Comparison c) {
          inPrefix = bound.containsAll(vars(c)) || assigns(c, bound);
        } else if (l instanceof Negated) {
          inPrefix = bound.containsAll(vars(l));
        } else {
          inPrefix = false; // an aggregate's grouping depends on the whole rule: keep it out
        }
        body.add(rewritten);
        if (inPrefix) {
          prefix.add(rewritten);
          bound.addAll(vars(l));
        }
      }
      Atom head = new Atom(adornedName(r.head().pred(), alpha), r.head().args());
      add(new Rule(head, List.copyOf(body), r.tag(), r.where()), ri);
    }

    /** The adorned atom, with the magic rule that passes its bindings on. */
    private Literal adornAtom(Atom a, Set<String> bound, List<Literal> prefix, String where) {
      String beta = adornment(a.args(), bound);
      if (!beta.contains("b")) {
        needFull(a.pred(), "reached with no bound argument");
        return new Positive(a);
      }
      Atom magicHead = new Atom(magicName(a.pred(), beta), boundArgs(a.args(), beta));
      boolean tautology = prefix.size() == 1 && prefix.get(0).equals(new Positive(magicHead));
      Rule magic = new Rule(magicHead, List.copyOf(prefix), null, where);
      if (!tautology && magicRules.add(magic)) {
        add(magic, MAGIC);
      }
      demand(a.pred(), beta);
      return new Positive(new Atom(adornedName(a.pred(), beta), a.args()));
    }

    private static boolean assigns(Comparison c, Set<String> bound) {
      if (!c.op().equals("=")) {
        return false;
      }
      for (var side : List.of(List.of(c.left(), c.right()), List.of(c.right(), c.left()))) {
        if (side.get(0) instanceof TermExpr te
            && te.term() instanceof Var v
            && !bound.contains(v.name())) {
          Set<String> src = new HashSet<>();
          Analysis.exprVars(side.get(1), src);
          if (bound.containsAll(src)) {
            return true;
          }
        }
      }
      return false;
    }

    private static List<Term> freshVars(List<Rule> rules, String pred) {
      int n = 0;
      for (Rule r : rules) {
        if (r.head().pred().equals(pred)) {
          n = r.head().args().size();
          break;
        }
      }
      List<Term> vs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        vs.add(new Var("V" + i));
      }
      return vs;
    }
  }

  static String adornedName(String pred, String alpha) {
    return pred + "@" + alpha;
  }

  static String magicName(String pred, String alpha) {
    return "magic@" + pred + "@" + alpha;
  }

  static String factsName(String pred) {
    return pred + "@facts";
  }
}
