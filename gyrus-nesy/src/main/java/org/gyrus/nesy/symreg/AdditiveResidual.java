package org.gyrus.nesy.symreg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Additive decomposition with residual sub-searches, used by {@link Regressor}'s {@code nggp-res}
 * mode when the main search stalls short of an exact fit. Each of the best distinct programs is
 * split into its top-level additive terms (through {@code +}, {@code -} and unary minus); terms are
 * grouped by the input variables they use; for each variable set S a group G = the terms whose
 * variables lie in S is kept as a guess of an exact part, and a short sub-search fits the residual
 * {@code y - G}. G + Q is returned when it reaches the exact-fit threshold on the training data.
 *
 * <p>Why: a search scored by R² on the whole target can find one additive part exactly and only
 * approximate a part of small range (Nguyen-12 on [0,1]: x1⁴ − x1³ spans 0.105 next to 0.5 for ½x2²
 * − x2), and more search on the whole target barely rewards the small part; on the residual that
 * part is the whole signal. The idea follows AI Feynman's additive separability test and recursion
 * on the separated parts (Udrescu and Tegmark, Science Advances 6, 2020) and boosting-style
 * stagewise fitting of residuals (Friedman, Annals of Statistics 29, 2001); here the candidate
 * parts come from the search's own best programs rather than from a fitted network.
 */
final class AdditiveResidual {
  /** One additive term of a program: its expression, its sign in the sum and the variables used. */
  record SignedTerm(Expr expr, boolean negative, Set<Integer> vars) {}

  /** A guessed exact part: its terms (summed with their signs) and a dedupe key. */
  record Part(List<SignedTerm> terms, String key) {
    Expr expr() {
      return sum(terms);
    }
  }

  /** An exact fit found through a part and a residual sub-search. */
  record Found(Expr expr, double trainR2) {}

  /** Programs below this training R² are not mined for parts ("high but inexact" fits only). */
  static final double MIN_R2 = 0.9;

  private static final int TOP = 30;
  private static final int PARTS_PER_ATTEMPT = 4;
  private static final double FIRST_ATTEMPT_SECONDS = 2;
  private static final double SUB_SECONDS = 2;
  private static final long SUB_PROGRAMS = 400_000;

  private final Library lib;
  private final double[][] x;
  private final double[] y;
  private final Regressor.Config cfg;
  private final Map<String, Scorer.Candidate> top = new LinkedHashMap<>();
  private final Set<String> tried = new HashSet<>();
  private final Set<String> mined = new HashSet<>();
  private boolean surrogateTried;
  private double mainSecondsAtLast;
  private double lastAttemptSeconds;
  private double subSeconds;
  private long evaluations;

  AdditiveResidual(Library lib, double[][] x, double[] y, Regressor.Config cfg) {
    this.lib = lib;
    this.x = x;
    this.y = y;
    this.cfg = cfg;
  }

  /** Programs evaluated by the sub-searches so far. */
  long evaluations() {
    return evaluations;
  }

  /**
   * Keeps the {@value #TOP} best distinct additive programs (root {@code +} or {@code -}) with
   * training R² of at least {@value #MIN_R2} not mined before: the best programs overall are often
   * one non-additive shape with many variants, which give no parts, and the elites of a stalled
   * search stay the same, so each attempt mines programs no earlier attempt saw.
   */
  void offer(List<Scorer.Candidate> candidates) {
    for (Scorer.Candidate c : candidates) {
      if (!(c.nmse() <= 1 - MIN_R2)
          || !additive(c.program())
          || (top.size() >= TOP && c.fitness() <= worst().fitness())) {
        continue;
      }
      String key = Arrays.toString(c.program());
      if (mined.contains(key)) {
        continue;
      }
      top.putIfAbsent(key, c);
      if (top.size() > TOP) {
        Scorer.Candidate w = worst();
        top.values().remove(w);
      }
    }
  }

  /** Whether the program's root is {@code +}, {@code -} or unary minus (it has several terms). */
  private boolean additive(int[] program) {
    Op root = lib.token(program[0]).op();
    return root == Op.ADD || root == Op.SUB || root == Op.NEG;
  }

  private Scorer.Candidate worst() {
    return top.values().stream()
        .min(Comparator.comparingDouble(Scorer.Candidate::fitness))
        .orElseThrow();
  }

  /**
   * Tries new parts when due: after {@value #FIRST_ATTEMPT_SECONDS} s of main search, and again
   * once the main search has run as long as the last attempt took (the sub-searches take at most
   * half the CPU time). Each attempt tries up to {@value #PARTS_PER_ATTEMPT} parts of the best
   * programs; the first one then also the parts a polynomial surrogate shows separable ({@link
   * SurrogateSplit}). {@code elapsed}: CPU s of the whole run so far. Null when nothing exact was
   * found.
   */
  Found attemptIfDue(double elapsed) {
    double main = elapsed - subSeconds;
    double remaining = cfg.seconds() - elapsed;
    if ((top.isEmpty() && surrogateTried)
        || main - mainSecondsAtLast < Math.max(FIRST_ATTEMPT_SECONDS, lastAttemptSeconds)
        || remaining <= 0.1) {
      return null;
    }
    long t0 = Regressor.cpuNanos();
    List<Expr> exprs = new ArrayList<>();
    for (Scorer.Candidate c : top.values()) {
      exprs.add(lib.toExpr(c.program(), c.consts()));
    }
    Found found = null;
    mined.addAll(top.keySet());
    top.clear();
    List<Part> parts = fresh(exprs, tried);
    for (Part p : parts.subList(0, Math.min(PARTS_PER_ATTEMPT, parts.size()))) {
      tried.add(p.key());
      found = fitResidual(p, remaining - (Regressor.cpuNanos() - t0) / 1e9);
      if (found != null) {
        break;
      }
    }
    if (found == null && !surrogateTried) {
      surrogateTried = true;
      found = fitSplits(remaining, t0);
    }
    lastAttemptSeconds = (Regressor.cpuNanos() - t0) / 1e9;
    subSeconds += lastAttemptSeconds;
    mainSecondsAtLast = main;
    return found;
  }

  /**
   * For up to {@value #PARTS_PER_ATTEMPT} surrogate splits: a short sub-search over the split's
   * inputs for its part, then the residual route with what it found as the part.
   */
  private Found fitSplits(double remaining, long t0) {
    List<SurrogateSplit.Split> splits = SurrogateSplit.find(x, y);
    for (SurrogateSplit.Split s : splits.subList(0, Math.min(PARTS_PER_ATTEMPT, splits.size()))) {
      double left = remaining - (Regressor.cpuNanos() - t0) / 1e9;
      double ratio = spread(y) / spread(s.part());
      if (left <= 0.05) {
        break;
      }
      if (!Double.isFinite(ratio)) {
        continue;
      }
      double[][] columns = new double[s.vars().length][];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = x[s.vars()[i]];
      }
      // the part is only as exact as the surrogate's fit: stop the sub-search at that level
      double deficit = Math.max(1 - cfg.stopR2(), 10 * s.deficit()) * ratio;
      Regressor.Config sub =
          cfg.withMode("nggp")
              .withSeconds(Math.min(SUB_SECONDS, left))
              .withMaxEvaluations(SUB_PROGRAMS)
              .withStopR2(1 - deficit)
              .withSeed(cfg.seed() * 1_000_003L + 7919 + tried.size());
      Regressor.Result q =
          Regressor.search(lib.withVariables(columns.length), columns, s.part(), sub);
      evaluations += q.evaluations();
      Expr guess = renumber(q.expr(), s.vars());
      Part part = new Part(terms(guess), Canon.of(guess).key());
      if (variables(guess).isEmpty() || !tried.add(part.key())) {
        continue;
      }
      Found found = fitResidual(part, remaining - (Regressor.cpuNanos() - t0) / 1e9);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * A short sub-search on {@code y - part} over the inputs the part does not use (the separable
   * hypothesis: the rest depends on the other variables only, a smaller search); the sum when it
   * fits {@code y} exactly.
   */
  private Found fitResidual(Part part, double remaining) {
    int[] others = others(part);
    if (remaining <= 0.05 || others.length == 0) {
      return null;
    }
    double[] partValues = part.expr().eval(x, y.length);
    double[] residual = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      residual[i] = y[i] - partValues[i];
    }
    double ratio = spread(y) / spread(residual);
    if (!Double.isFinite(ratio)) {
      return null;
    }
    double[][] columns = new double[others.length][];
    for (int i = 0; i < others.length; i++) {
      columns[i] = x[others[i]];
    }
    Regressor.Config sub =
        cfg.withMode("nggp")
            .withSeconds(Math.min(SUB_SECONDS, remaining))
            .withMaxEvaluations(SUB_PROGRAMS)
            .withStopR2(1 - (1 - cfg.stopR2()) * ratio)
            .withSeed(cfg.seed() * 1_000_003L + tried.size());
    Regressor.Result q = Regressor.search(lib.withVariables(others.length), columns, residual, sub);
    evaluations += q.evaluations();
    Expr sum = new Expr.Binary(Op.ADD, part.expr(), renumber(q.expr(), others));
    double r2 = new DataFile(x, y).r2(sum);
    return r2 >= cfg.stopR2() ? new Found(sum, r2) : null;
  }

  /** The inputs none of the part's terms use, in order. */
  private int[] others(Part part) {
    Set<Integer> used = new HashSet<>();
    part.terms().forEach(t -> used.addAll(t.vars()));
    return IntStream.range(0, x.length).filter(i -> !used.contains(i)).toArray();
  }

  /** {@code e} with variable i replaced by variable {@code index[i]}. */
  static Expr renumber(Expr e, int[] index) {
    if (e instanceof Expr.Var v) {
      return new Expr.Var(index[v.index()]);
    }
    if (e instanceof Expr.Unary u) {
      return new Expr.Unary(u.op(), renumber(u.arg(), index));
    }
    if (e instanceof Expr.Binary b) {
      return new Expr.Binary(b.op(), renumber(b.left(), index), renumber(b.right(), index));
    }
    return e;
  }

  /** The top-level additive terms of {@code e}, signs pushed through {@code -} and unary minus. */
  static List<SignedTerm> terms(Expr e) {
    List<SignedTerm> out = new ArrayList<>();
    collect(e, false, out);
    return out;
  }

  private static void collect(Expr e, boolean negative, List<SignedTerm> out) {
    if (e instanceof Expr.Binary b && (b.op() == Op.ADD || b.op() == Op.SUB)) {
      collect(b.left(), negative, out);
      collect(b.right(), negative ^ (b.op() == Op.SUB), out);
    } else if (e instanceof Expr.Unary u && u.op() == Op.NEG) {
      collect(u.arg(), !negative, out);
    } else {
      out.add(new SignedTerm(e, negative, variables(e)));
    }
  }

  static Set<Integer> variables(Expr e) {
    Set<Integer> vars = new TreeSet<>();
    addVariables(e, vars);
    return vars;
  }

  private static void addVariables(Expr e, Set<Integer> vars) {
    if (e instanceof Expr.Var v) {
      vars.add(v.index());
    } else if (e instanceof Expr.Unary u) {
      addVariables(u.arg(), vars);
    } else if (e instanceof Expr.Binary b) {
      addVariables(b.left(), vars);
      addVariables(b.right(), vars);
    }
  }

  /**
   * The candidate exact parts of {@code e}: for every variable set S of one of its terms, the terms
   * whose variables lie in S; parts that are the whole program or have no variable are skipped
   * (nothing would be left to search, or the part is a bare constant).
   */
  static List<Part> parts(Expr e) {
    List<SignedTerm> terms = terms(e);
    Map<Set<Integer>, Part> bySet = new LinkedHashMap<>();
    for (SignedTerm t : terms) {
      if (t.vars().isEmpty() || bySet.containsKey(t.vars())) {
        continue;
      }
      List<SignedTerm> in = new ArrayList<>();
      for (SignedTerm u : terms) {
        if (t.vars().containsAll(u.vars())) {
          in.add(u);
        }
      }
      if (in.size() < terms.size()) {
        bySet.put(t.vars(), new Part(in, Canon.of(sum(in)).key()));
      }
    }
    return new ArrayList<>(bySet.values());
  }

  /** The sum of {@code terms} with their signs, as one expression. */
  static Expr sum(List<SignedTerm> terms) {
    Expr acc = null;
    for (SignedTerm t : terms) {
      if (acc == null) {
        acc = t.negative() ? new Expr.Unary(Op.NEG, t.expr()) : t.expr();
      } else {
        acc = new Expr.Binary(t.negative() ? Op.SUB : Op.ADD, acc, t.expr());
      }
    }
    return acc;
  }

  /** Sum of squares about the mean. */
  static double spread(double[] v) {
    double mean = 0;
    for (double a : v) {
      mean += a / v.length;
    }
    double s = 0;
    for (double a : v) {
      s += (a - mean) * (a - mean);
    }
    return s;
  }

  /** The parts of {@code programs} not yet in {@code tried} (which this call extends). */
  static List<Part> fresh(List<Expr> programs, Set<String> tried) {
    List<Part> out = new ArrayList<>();
    Set<String> local = new HashSet<>();
    for (Expr e : programs) {
      for (Part p : parts(e)) {
        if (!tried.contains(p.key()) && local.add(p.key())) {
          out.add(p);
        }
      }
    }
    return out;
  }
}
