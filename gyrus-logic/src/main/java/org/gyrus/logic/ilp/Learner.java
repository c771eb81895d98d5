package org.gyrus.logic.ilp;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gyrus.logic.datalog.Ast;
import org.gyrus.logic.datalog.engine.Engine;

/**
 * Learning from failures (Popper's loop): for body sizes 1, 2, ... up to {@code max_body}, generate
 * the clauses the constraints still allow and test them ({@link ClauseSearch}), then combine
 * consistent ones into the smallest program covering every positive ({@link Combiner}). Recursive
 * clauses are tested with a base clause as a program by the Datalog engine. The first size at which
 * a cover exists gives the answer: the program whose largest clause is smallest, and among those
 * the fewest literals. When no size up to {@code max_body} gives one, the answer is "no solution"
 * (or, with {@code noise}, the program of least description length). At the deadline the answer is
 * "timeout" with the smallest cover among the clauses tested so far, if any.
 */
public final class Learner {
  /** How a run ended. */
  public enum Status {
    SOLVED,
    NO_SOLUTION,
    TIMEOUT,
    BEST_EFFORT
  }

  /** Options: a time limit, and noise-tolerant scoring when no consistent cover exists. */
  public record Options(double timeoutSeconds, boolean noise) {
    public static Options defaults() {
      return new Options(600, false);
    }
  }

  /** The learned program with its training confusion counts (from the Datalog engine). */
  public record Result(
      Status status,
      List<Clause> program,
      int tp,
      int fn,
      int fp,
      int tn,
      double seconds,
      double cpuSeconds,
      long tested,
      int bodySize) {
    public double accuracy() {
      int n = tp + fn + fp + tn;
      return n == 0 ? 0 : (tp + tn) / (double) n;
    }

    /** The program as Prolog text, one clause a line. */
    public String programText() {
      StringBuilder sb = new StringBuilder();
      program.forEach(c -> sb.append(c).append('\n'));
      return sb.toString();
    }
  }

  private Learner() {}

  public static Result learn(Task task, Options options) {
    long start = System.nanoTime();
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = mx.getCurrentThreadCpuTime();
    long deadline = start + (long) (options.timeoutSeconds() * 1e9);
    Bias bias = task.bias();
    Facts facts = task.bk();
    List<Example> posEx = task.examples().stream().filter(Example::positive).toList();
    List<Example> negEx = task.examples().stream().filter(e -> !e.positive()).toList();
    int[][] pos = intern(facts, posEx);
    int[][] neg = intern(facts, negEx);
    List<Ast.Rule> bkRules = Background.asRules(facts);
    ClauseSearch search = new ClauseSearch(bias, facts, pos, neg, deadline, options.noise());
    List<Combiner.Unit> units = new ArrayList<>();
    List<ClauseSearch.Tested> recursive = new ArrayList<>();
    List<ClauseSearch.Tested> noisy = new ArrayList<>();
    Status status = Status.NO_SOLUTION;
    List<Clause> program = null;
    int size = 0;
    try {
      for (size = 1; size <= bias.maxBody() && program == null; size++) {
        search.run(
            size,
            t -> {
              if (t.clause().recursive()) {
                recursive.add(t);
              } else if (t.neg().isEmpty()) {
                units.add(new Combiner.Unit(List.of(t.clause()), t.pos(), t.clause().size()));
              } else if (options.noise() && t.pos().cardinality() > t.neg().cardinality()) {
                noisy.add(t);
              }
            });
        program = Combiner.solve(units, pos.length, bias.maxClauses());
        if (program == null && !recursive.isEmpty() && bias.maxClauses() >= 2) {
          units.addAll(recursiveUnits(bias, bkRules, units, recursive, posEx, negEx, deadline));
          recursive.clear();
          program = Combiner.solve(units, pos.length, bias.maxClauses());
        }
      }
      size--;
      if (program != null) {
        status = Status.SOLVED;
      }
    } catch (ClauseSearch.OutOfTime e) {
      status = Status.TIMEOUT;
      // anytime: the smallest cover among the clauses tested before the deadline (its size is not
      // proven minimal: the last body size was not searched to the end)
      program = Combiner.solve(units, pos.length, bias.maxClauses());
    }
    if (program == null && options.noise()) {
      program = NoisyCombiner.solve(units, noisy, pos.length, neg.length, bias.maxClauses());
      status = program == null ? status : Status.BEST_EFFORT;
    }
    List<Clause> prog = program == null ? List.of() : program;
    int[] conf = confusion(bias, bkRules, prog, posEx, negEx);
    double secs = (System.nanoTime() - start) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    return new Result(
        status, prog, conf[0], conf[1], conf[2], conf[3], secs, cpu, search.tested(), size);
  }

  /** Consistent programs {base, recursive clause}: the engine decides what they cover. */
  private static List<Combiner.Unit> recursiveUnits(
      Bias bias,
      List<Ast.Rule> bkRules,
      List<Combiner.Unit> bases,
      List<ClauseSearch.Tested> recursive,
      List<Example> posEx,
      List<Example> negEx,
      long deadline) {
    List<Combiner.Unit> out = new ArrayList<>();
    List<Combiner.Unit> singles =
        bases.stream()
            .filter(u -> u.clauses().size() == 1)
            .sorted(Comparator.comparingInt(Combiner.Unit::literals))
            .toList();
    recursive.sort(Comparator.comparingInt(t -> t.clause().size()));
    for (ClauseSearch.Tested r : recursive) {
      for (Combiner.Unit b : singles) {
        if (System.nanoTime() > deadline) {
          throw new ClauseSearch.OutOfTime();
        }
        List<Clause> prog = List.of(b.clauses().get(0), r.clause());
        Set<List<Object>> covered = covered(bias, bkRules, prog);
        if (negEx.stream().anyMatch(e -> covered.contains(e.args()))) {
          continue; // too general: this recursive clause with this base covers a negative
        }
        BitSet p = new BitSet();
        for (int i = 0; i < posEx.size(); i++) {
          if (covered.contains(posEx.get(i).args())) {
            p.set(i);
          }
        }
        if (p.cardinality() > b.pos().cardinality()) {
          out.add(new Combiner.Unit(prog, p, b.literals() + r.clause().size()));
        }
      }
    }
    return out;
  }

  /** The head tuples a program derives over the background facts (Datalog engine). */
  public static Set<List<Object>> covered(Bias bias, List<Ast.Rule> bkRules, List<Clause> program) {
    if (program.isEmpty()) {
      return Set.of();
    }
    Engine e = Background.run(bkRules, program.stream().map(Clause::toDatalog).toList());
    return new HashSet<>(Background.tuples(e, bias.head().name()));
  }

  private static int[] confusion(
      Bias bias,
      List<Ast.Rule> bkRules,
      List<Clause> program,
      List<Example> pos,
      List<Example> neg) {
    Set<List<Object>> c = covered(bias, bkRules, program);
    int tp = (int) pos.stream().filter(e -> c.contains(e.args())).count();
    int fp = (int) neg.stream().filter(e -> c.contains(e.args())).count();
    return new int[] {tp, pos.size() - tp, fp, neg.size() - fp};
  }

  private static int[][] intern(Facts facts, List<Example> exs) {
    int[][] out = new int[exs.size()][];
    for (int i = 0; i < exs.size(); i++) {
      List<Object> a = exs.get(i).args();
      out[i] = new int[a.size()];
      for (int j = 0; j < a.size(); j++) {
        out[i][j] = facts.intern(a.get(j));
      }
    }
    return out;
  }
}
