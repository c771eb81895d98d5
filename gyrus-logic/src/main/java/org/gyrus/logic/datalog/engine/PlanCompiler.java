package org.gyrus.logic.datalog.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.datalog.Ast;
import org.gyrus.logic.datalog.Ast.Aggregate;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.Comparison;
import org.gyrus.logic.datalog.Ast.Const;
import org.gyrus.logic.datalog.Ast.Literal;
import org.gyrus.logic.datalog.Ast.Negated;
import org.gyrus.logic.datalog.Ast.Positive;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.Ast.Term;
import org.gyrus.logic.datalog.Ast.TermExpr;
import org.gyrus.logic.datalog.Ast.Var;
import org.gyrus.logic.datalog.DatalogError;
import org.gyrus.logic.datalog.engine.Ops.Op;

/**
 * Compiles one rule into a chain of {@link Ops}: the delta atom first (semi-naive), then the other
 * atoms greedily by how many of their columns are already bound (so each lookup uses an index on
 * those columns), with filters, assignments, negations and aggregates placed as soon as their
 * variables are bound.
 */
final class PlanCompiler {
  /** A compiled variant of a rule. {@code rows[i]} holds the row matched by positive atom i. */
  record Variant(Rule rule, Op first, Ops.Emit emit, int[] regs, int[] rows) {
    void run() {
      first.exec(regs);
    }

    /**
     * The column of the delta atom that binds the head's first argument, when this variant can run
     * in parallel partitioned by it (binary head, no operator that interns new constants), else -1.
     * Copies reading disjoint first values then touch disjoint deduplication sets.
     */
    int partitionColumn() {
      if (!(first instanceof Ops.Scan scan) || scan.mode != Ops.DELTA || emit.fromReg.length != 2) {
        return -1;
      }
      if (emit.fromReg[0] < 0 || emit.fromReg[1] < 0) {
        return -1;
      }
      for (Op op = first; op != null; op = op.next) {
        boolean safe =
            op instanceof Ops.Scan
                || op instanceof Ops.Lookup2
                || op instanceof Ops.NotExists
                || op instanceof Ops.Emit
                || (op instanceof Ops.Filter f
                    && !(f.left instanceof Exprs.BinExpr)
                    && !(f.right instanceof Exprs.BinExpr));
        if (!safe) {
          return -1;
        }
      }
      for (int c = 0; c < scan.kind.length; c++) {
        if (scan.kind[c] == Ops.BIND && scan.arg[c] == emit.fromReg[0]) {
          return c;
        }
      }
      return -1;
    }
  }

  private final Engine engine;
  private final Rule rule;
  private final Map<String, Integer> regOf = new HashMap<>();
  private int slots;

  private PlanCompiler(Engine engine, Rule rule) {
    this.engine = engine;
    this.rule = rule;
  }

  /**
   * Compiles a rule; {@code delta} is the index (among body atoms over {@code recursive}
   * predicates) of the atom read as the delta, or -1 to read every atom in full.
   */
  /**
   * Incremental maintenance looks up binary relations of at least this many rows by their second
   * column with probes of the first-value sets instead of building an index.
   */
  static final int PROBE_FROM_ROWS = 1 << 20;

  static Variant compile(Engine engine, Rule rule, Set<String> recursive, int delta) {
    return new PlanCompiler(engine, rule).build(recursive, delta);
  }

  private Variant build(Set<String> recursive, int delta) {
    List<Literal> body = rule.body();
    int positives = 0;
    for (Literal l : body) {
      if (l instanceof Positive) {
        positives++;
      }
    }
    int[] rows = new int[positives + countInnerAtoms(body)];
    int[] modes = new int[body.size()];
    int[] slotOf = new int[body.size()];
    int rec = 0;
    int firstLit = -1;
    int slot = 0;
    for (int i = 0; i < body.size(); i++) {
      if (body.get(i) instanceof Positive p) {
        slotOf[i] = slot++;
        if (recursive.contains(p.atom().pred()) && delta >= 0) {
          modes[i] = rec < delta ? Ops.OLD : rec == delta ? Ops.DELTA : Ops.FULL;
          if (rec == delta) {
            firstLit = i;
          }
          rec++;
        }
      }
    }
    slots = positives;
    Set<String> outside = new HashSet<>();
    for (Term t : rule.head().args()) {
      if (t instanceof Var v) {
        outside.add(v.name());
      }
    }
    List<Op> ops = order(body, new HashSet<>(), modes, slotOf, firstLit, rows, outside);
    Relation head = engine.relation(rule.head().pred());
    int[] from = new int[rule.head().args().size()];
    for (int c = 0; c < from.length; c++) {
      Term t = rule.head().args().get(c);
      from[c] = t instanceof Var v ? reg(v.name()) : -engine.intern((Const) t) - 1;
    }
    Ops.Emit emit = new Ops.Emit(head, from, rows, engine.round());
    ops.add(emit);
    for (int i = 0; i + 1 < ops.size(); i++) {
      ops.get(i).next = ops.get(i + 1);
    }
    return new Variant(rule, ops.get(0), emit, new int[Math.max(1, regOf.size() + 4)], rows);
  }

  private static int countInnerAtoms(List<Literal> body) {
    int n = 0;
    for (Literal l : body) {
      if (l instanceof Aggregate g) {
        n += g.body().size() + countInnerAtoms(g.body());
      }
    }
    return n;
  }

  private int reg(String var) {
    return regOf.computeIfAbsent(var, k -> regOf.size());
  }

  private List<Op> order(
      List<Literal> body,
      Set<String> bound,
      int[] modes,
      int[] slotOf,
      int firstLit,
      int[] rows,
      Set<String> headVars) {
    List<Op> ops = new ArrayList<>();
    boolean[] placed = new boolean[body.size()];
    if (firstLit >= 0) {
      ops.add(
          scan(
              ((Positive) body.get(firstLit)).atom(),
              modes[firstLit],
              slotOf[firstLit],
              rows,
              bound));
      placed[firstLit] = true;
    }
    while (true) {
      boolean progress = true;
      while (progress) {
        progress = false;
        for (int i = 0; i < body.size(); i++) {
          if (!placed[i] && !(body.get(i) instanceof Positive)) {
            Op op = tryPlace(body, i, bound, rows, headVars);
            if (op != null) {
              ops.add(op);
              placed[i] = true;
              progress = true;
            }
          }
        }
      }
      int best = -1;
      int bestScore = -1;
      for (int i = 0; i < body.size(); i++) {
        if (!placed[i] && body.get(i) instanceof Positive p) {
          int score = 0;
          for (Term t : p.atom().args()) {
            if (t instanceof Const || (t instanceof Var v && bound.contains(v.name()))) {
              score++;
            }
          }
          if (score > bestScore) {
            best = i;
            bestScore = score;
          }
        }
      }
      if (best < 0) {
        break;
      }
      ops.add(scan(((Positive) body.get(best)).atom(), modes[best], slotOf[best], rows, bound));
      placed[best] = true;
    }
    for (int i = 0; i < body.size(); i++) {
      if (!placed[i]) {
        throw new DatalogError(
            rule.where(), "unsafe rule: cannot bind the variables of " + body.get(i) + ": " + rule);
      }
    }
    return ops;
  }

  private Op scan(Atom a, int mode, int slot, int[] rows, Set<String> bound) {
    Relation rel = engine.relation(a.pred());
    int n = a.args().size();
    int[] kind = new int[n];
    int[] arg = new int[n];
    Set<String> before = new HashSet<>(bound);
    for (int c = 0; c < n; c++) {
      Term t = a.args().get(c);
      if (t instanceof Const k) {
        kind[c] = Ops.CHECK_CONST;
        arg[c] = engine.intern(k);
      } else {
        Var v = (Var) t;
        if (v.anonymous()) {
          kind[c] = Ops.ANY;
        } else if (bound.contains(v.name()) && !before.contains(v.name())) {
          kind[c] = Ops.SAME;
          arg[c] = reg(v.name());
        } else if (bound.contains(v.name())) {
          kind[c] = Ops.CHECK_REG;
          arg[c] = reg(v.name());
        } else {
          kind[c] = Ops.BIND;
          arg[c] = reg(v.name());
          bound.add(v.name());
        }
      }
    }
    if (engine.probesForUpdates()
        && mode != Ops.DELTA
        && rel.size() >= PROBE_FROM_ROWS // a smaller relation is indexed: a pass over it is cheap
        && n == 2
        && kind[0] == Ops.BIND
        && (kind[1] == Ops.CHECK_REG || kind[1] == Ops.CHECK_CONST)
        && !rel.hasIndex(new int[] {1})) {
      boolean reg = kind[1] == Ops.CHECK_REG;
      return new Ops.ProbeFirst(rel, arg[0], reg ? arg[1] : -1, reg ? 0 : arg[1], slot, rows);
    }
    if (n == 2 && mode == Ops.FULL && kind[0] == Ops.CHECK_REG && kind[1] == Ops.BIND) {
      return new Ops.Lookup2(rel, arg[0], arg[1], slot, rows);
    }
    return new Ops.Scan(rel, mode, kind, arg, slot, rows, true);
  }

  private Op tryPlace(
      List<Literal> body, int i, Set<String> bound, int[] rows, Set<String> headVars) {
    Literal l = body.get(i);
    if (l instanceof Comparison c) {
      Set<String> lv = new HashSet<>();
      Set<String> rv = new HashSet<>();
      ExprVars.collect(c.left(), lv);
      ExprVars.collect(c.right(), rv);
      if (c.op().equals("=")) {
        Var target = unboundVar(c.left(), bound);
        if (target != null && bound.containsAll(rv)) {
          return assign(target, c.right(), bound);
        }
        target = unboundVar(c.right(), bound);
        if (target != null && bound.containsAll(lv)) {
          return assign(target, c.left(), bound);
        }
      }
      if (bound.containsAll(lv) && bound.containsAll(rv)) {
        return new Ops.Filter(c.op(), expr(c.left()), expr(c.right()));
      }
      return null;
    }
    if (l instanceof Negated n) {
      Atom a = n.atom();
      int[] kind = new int[a.args().size()];
      int[] arg = new int[kind.length];
      for (int c = 0; c < kind.length; c++) {
        Term t = a.args().get(c);
        if (t instanceof Const k) {
          kind[c] = Ops.CHECK_CONST;
          arg[c] = engine.intern(k);
        } else if (((Var) t).anonymous()) {
          kind[c] = Ops.ANY;
        } else if (bound.contains(((Var) t).name())) {
          kind[c] = Ops.CHECK_REG;
          arg[c] = reg(((Var) t).name());
        } else {
          return null;
        }
      }
      return new Ops.NotExists(engine.relation(a.pred()), kind, arg);
    }
    Aggregate g = (Aggregate) l;
    Set<String> inner = new HashSet<>();
    for (Literal x : g.body()) {
      org.gyrus.logic.datalog.AnalysisAccess.vars(x, inner);
    }
    Set<String> others = new HashSet<>(headVars);
    for (int j = 0; j < body.size(); j++) {
      if (j != i) {
        org.gyrus.logic.datalog.AnalysisAccess.vars(body.get(j), others);
      }
    }
    Set<String> group = new HashSet<>(inner);
    group.retainAll(others);
    if (!bound.containsAll(group)) {
      return null;
    }
    Set<String> innerBound = new HashSet<>(group);
    int[] modes = new int[g.body().size()];
    int[] slotOf = new int[g.body().size()];
    for (int j = 0; j < slotOf.length; j++) {
      slotOf[j] = slots++;
    }
    List<Op> ops = order(g.body(), innerBound, modes, slotOf, -1, rows, Set.of());
    AggregateOps.Sink sink =
        new AggregateOps.Sink(
            g.fn(), g.target() == null ? null : expr(g.target()), engine.symbols());
    ops.add(sink);
    for (int j = 0; j + 1 < ops.size(); j++) {
      ops.get(j).next = ops.get(j + 1);
    }
    String result = g.result().name();
    if (bound.contains(result)) {
      int tmp = reg("$agg" + i);
      AggregateOps.Aggregate agg =
          new AggregateOps.Aggregate(g.fn(), tmp, ops.get(0), sink, engine.symbols());
      agg.next =
          new Ops.Filter(
              "=",
              new Exprs.RegExpr(engine.symbols(), tmp),
              new Exprs.RegExpr(engine.symbols(), reg(result)));
      return new Chain(agg, (Ops.Filter) agg.next);
    }
    bound.add(result);
    return new AggregateOps.Aggregate(g.fn(), reg(result), ops.get(0), sink, engine.symbols());
  }

  /** Two operators acting as one (an aggregate whose result is checked, not bound). */
  private static final class Chain extends Op {
    final Op head;
    final Op tail;

    Chain(Op head, Op tail) {
      this.head = head;
      this.tail = tail;
    }

    @Override
    void exec(int[] regs) {
      tail.next = next;
      head.exec(regs);
    }
  }

  private Op assign(Var target, Ast.Expr source, Set<String> bound) {
    Exprs.Expr e = expr(source);
    bound.add(target.name());
    return new Ops.Assign(reg(target.name()), e);
  }

  private static Var unboundVar(Ast.Expr e, Set<String> bound) {
    if (e instanceof TermExpr te && te.term() instanceof Var v && !bound.contains(v.name())) {
      return v;
    }
    return null;
  }

  private Exprs.Expr expr(Ast.Expr e) {
    Symbols s = engine.symbols();
    if (e instanceof TermExpr te) {
      if (te.term() instanceof Var v) {
        return new Exprs.RegExpr(s, reg(v.name()));
      }
      return new Exprs.ConstExpr(s, engine.intern((Const) te.term()));
    }
    Ast.BinExpr b = (Ast.BinExpr) e;
    return new Exprs.BinExpr(
        s, b.op(), expr(b.left()), expr(b.right()), rule.where() + ": " + rule);
  }

  /** Variables of expressions. */
  static final class ExprVars {
    static void collect(Ast.Expr e, Set<String> out) {
      org.gyrus.logic.datalog.AnalysisAccess.exprVars(e, out);
    }
  }
}
