package org.gyrus.logic.datalog.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.datalog.Analysis;
import org.gyrus.logic.datalog.Analysis.Component;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.Const;
import org.gyrus.logic.datalog.Ast.Literal;
import org.gyrus.logic.datalog.Ast.Positive;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.Ast.Term;
import org.gyrus.logic.datalog.Ast.Var;
import org.gyrus.logic.datalog.DatalogError;
import org.gyrus.logic.datalog.MagicSets;

/**
 * Bottom-up Datalog evaluation: components of the predicate dependency graph in order, each
 * recursive one by semi-naive iteration (every rule once per recursive body atom, that atom reading
 * only the tuples new in the last round).
 */
public final class Engine {
  /** The current round, shared with the operators that stamp new rows. */
  public static final class Round {
    int value;

    /** New tuples one rule may emit before the run stops ({@link #tupleLimit}). */
    long limit = Long.MAX_VALUE;
  }

  /** What a run did. */
  public record Stats(long tuples, int rounds, long millis, long bytes) {}

  private final Program program;
  private final MagicSets.Rewriting rewriting;
  private final Analysis analysis;
  private final Symbols symbols;
  private final Set<String> preloaded;
  private final Map<String, Relation> relations = new LinkedHashMap<>();
  private final Round round = new Round();
  private final boolean trackRounds;
  private boolean done;
  private Stats stats;
  private int threads = Integer.getInteger("gyrus.datalog.threads", 1);
  private java.util.concurrent.ExecutorService pool;

  /** Delta rows below which a round runs on one thread. */
  private int parallelMinDelta = 20_000;

  public Engine(Program program) {
    this(program, false);
  }

  /** {@code trackRounds} records the round of each tuple, needed by {@link Explainer}. */
  public Engine(Program program, boolean trackRounds) {
    this(MagicSets.Rewriting.identity(program, null, ""), trackRounds);
  }

  /**
   * An engine for a program rewritten for one query ({@link MagicSets}): tuples print with the
   * original predicate names, and provenance and explanations see the original rules.
   */
  public Engine(MagicSets.Rewriting rewriting, boolean trackRounds) {
    this(rewriting, trackRounds, new Symbols(), Map.of());
  }

  /**
   * An engine that reads the given relations (filled and sealed elsewhere, interned with {@code
   * symbols}) instead of creating them: a loaded database answers many queries over one copy.
   */
  public Engine(
      MagicSets.Rewriting rewriting,
      boolean trackRounds,
      Symbols symbols,
      Map<String, Relation> inputs) {
    this.rewriting = rewriting;
    this.program = rewriting.program();
    this.analysis = Analysis.of(program);
    this.trackRounds = trackRounds;
    this.symbols = symbols;
    this.preloaded = Set.copyOf(inputs.keySet());
    for (Map.Entry<String, Integer> e : analysis.arities().entrySet()) {
      Relation given = inputs.get(e.getKey());
      if (given != null) {
        relations.put(e.getKey(), given);
        continue;
      }
      Relation r = new Relation(e.getKey(), e.getValue(), symbols);
      if (trackRounds) {
        r.trackRounds();
      }
      relations.put(e.getKey(), r);
    }
    for (Map.Entry<String, Relation> e : inputs.entrySet()) {
      relations.putIfAbsent(e.getKey(), e.getValue()); // inputs no rule reads stay visible
    }
  }

  public Program program() {
    return program;
  }

  public MagicSets.Rewriting rewriting() {
    return rewriting;
  }

  /** Whether a relation only carries demand (a magic predicate): its tuples have no meaning. */
  public boolean isGuard(Relation rel) {
    return rewriting.guards().contains(rel.name());
  }

  public Analysis analysis() {
    return analysis;
  }

  public Symbols symbols() {
    return symbols;
  }

  Round round() {
    return round;
  }

  int intern(Const c) {
    return symbols.intern(c.value());
  }

  /** The relation of a predicate; a DatalogError when the program never mentions it. */
  public Relation relation(String pred) {
    Relation r = relations.get(pred);
    if (r == null) {
      throw new DatalogError("query", "unknown predicate " + pred);
    }
    return r;
  }

  public Map<String, Relation> relations() {
    return relations;
  }

  /** Threads for large semi-naive rounds (default 1, or -Dgyrus.datalog.threads=N). */
  public Engine threads(int n) {
    this.threads = Math.max(1, n);
    return this;
  }

  /** Lowers the delta size from which rounds run in parallel (tests exercise the path). */
  Engine parallelMinDelta(int n) {
    this.parallelMinDelta = n;
    return this;
  }

  private boolean probesForUpdates;
  private long tupleLimit = Long.MAX_VALUE;

  /**
   * A component grew past {@link #tupleLimit(long)}, or was projected to ({@link
   * #projectedLimit(long)}): the run stopped there.
   */
  static final class LimitExceeded extends RuntimeException {
    /** Tuples of the component (or emitted by one rule) when the run stopped. */
    final long tuples;

    /** For a projection, the last round's delta over the one before; -1 when the limit passed. */
    final double growth;

    LimitExceeded(long tuples) {
      this(tuples, -1);
    }

    LimitExceeded(long tuples, double growth) {
      super("stopped at " + tuples + " tuples", null, false, false);
      this.tuples = tuples;
      this.growth = growth;
    }
  }

  /** Stops a run (LimitExceeded) once the relations of one component hold more tuples. */
  void tupleLimit(long n) {
    tupleLimit = n;
    round.limit = n; // also checked as tuples are emitted: one round can multiply the relation
  }

  /**
   * Also stops a run once a recursive component holds more than {@code from} tuples and its rounds
   * do not shrink fast enough to stay within {@link #tupleLimit}: with q the last delta over the
   * one before, q at least 1 or {@code tuples + delta q / (1 - q)} over the limit.
   */
  void projectedLimit(long from) {
    projectFrom = from;
  }

  private long projectFrom = Long.MAX_VALUE;

  /** Checks the projection after a round; returns the round's delta for the next check. */
  private long checkGrowth(List<Relation> rels, long previousDelta) {
    long n = 0;
    long delta = 0;
    for (Relation rel : rels) {
      n += rel.size();
      delta += rel.stableEnd - rel.deltaStart;
    }
    if (n > projectFrom && previousDelta > 0 && delta > 0) {
      double q = (double) delta / previousDelta;
      if (q >= 1 || n + delta * q / (1 - q) > tupleLimit) {
        throw new LimitExceeded(n, q);
      }
    }
    return delta;
  }

  private void checkLimit(List<Relation> rels) {
    long n = 0;
    for (Relation rel : rels) {
      n += rel.size();
    }
    if (n > tupleLimit) {
      throw new LimitExceeded(n);
    }
  }

  /** Incremental maintenance compiles probes instead of new second-column indexes. */
  boolean probesForUpdates() {
    return probesForUpdates;
  }

  void probesForUpdates(boolean on) {
    probesForUpdates = on;
  }

  /** Whether {@link #run} has computed the model. */
  public boolean hasRun() {
    return done;
  }

  /** Computes the least model (once). */
  public Stats run() {
    if (done) {
      return stats;
    }
    try {
      return runOnce();
    } finally {
      if (pool != null) {
        pool.shutdownNow();
        pool = null;
      }
    }
  }

  private Stats runOnce() {
    long t0 = System.nanoTime();
    round.value = 0;
    for (Rule r : program.rules()) {
      if (r.isFact() && !preloaded.contains(r.head().pred())) {
        Relation rel = relations.get(r.head().pred());
        int[] t = new int[r.head().args().size()];
        for (int c = 0; c < t.length; c++) {
          Term term = r.head().args().get(c);
          t[c] = intern((Const) term);
        }
        rel.insert(t, 0);
      }
    }
    for (Component comp : analysis.components()) {
      evaluate(comp);
    }
    long tuples = 0;
    long bytes = 0;
    for (Relation r : relations.values()) {
      tuples += r.size();
      bytes += r.bytes();
    }
    done = true;
    stats = new Stats(tuples, round.value, (System.nanoTime() - t0) / 1_000_000, bytes);
    return stats;
  }

  /** The rules (not facts) whose head is in a component. */
  List<Rule> rulesOf(Component comp) {
    Set<String> preds = new HashSet<>(comp.predicates());
    List<Rule> out = new ArrayList<>();
    for (Rule r : program.rules()) {
      if (!r.isFact() && preds.contains(r.head().pred())) {
        out.add(r);
      }
    }
    return out;
  }

  static int recursiveAtoms(Rule r, Set<String> preds) {
    int n = 0;
    for (Literal l : r.body()) {
      if (l instanceof Positive p && preds.contains(p.atom().pred())) {
        n++;
      }
    }
    return n;
  }

  private void evaluate(Component comp) {
    if (preloaded.containsAll(comp.predicates())) {
      return; // relations computed elsewhere (inputs, or kept by an update), already sealed
    }
    Set<String> preds = new HashSet<>(comp.predicates());
    List<Relation> rels = new ArrayList<>();
    for (String p : comp.predicates()) {
      rels.add(relations.get(p));
    }
    List<Rule> rules = rulesOf(comp);
    List<PlanCompiler.Variant> recursive = new ArrayList<>();
    List<PlanCompiler.Variant> once = new ArrayList<>();
    List<PlanCompiler.Variant> serialInParallelRounds = new ArrayList<>();
    List<PlanCompiler.Variant[]> parallel = new ArrayList<>();
    for (Rule r : rules) {
      int n = comp.recursive() ? recursiveAtoms(r, preds) : 0;
      if (n == 0) {
        once.add(PlanCompiler.compile(this, r, preds, -1));
      }
      for (int d = 0; d < n; d++) {
        PlanCompiler.Variant v = PlanCompiler.compile(this, r, preds, d);
        recursive.add(v);
        int col = threads > 1 ? v.partitionColumn() : -1;
        if (col < 0) {
          serialInParallelRounds.add(v);
          continue;
        }
        PlanCompiler.Variant[] copies = new PlanCompiler.Variant[threads];
        for (int t = 0; t < threads; t++) {
          copies[t] = PlanCompiler.compile(this, r, preds, d);
          Ops.Scan scan = (Ops.Scan) copies[t].first();
          scan.partCol = col;
          scan.parts = threads;
          scan.part = t;
          copies[t].emit().local = new int[1024];
        }
        parallel.add(copies);
      }
    }
    for (Relation rel : rels) {
      rel.freeze();
    }
    if (!once.isEmpty()) {
      round.value++;
      for (PlanCompiler.Variant v : once) {
        v.run();
      }
      checkLimit(rels);
    }
    if (comp.recursive()) {
      for (Relation rel : rels) {
        rel.catchUpIndexes();
        rel.deltaStart = 0;
        rel.stableEnd = rel.size();
      }
      long previousDelta = 0; // the first delta: what the non-recursive rules derived
      for (Relation rel : rels) {
        previousDelta += rel.size();
      }
      while (true) {
        boolean any = false;
        for (Relation rel : rels) {
          any |= rel.stableEnd > rel.deltaStart;
        }
        if (!any) {
          break;
        }
        round.value++;
        long delta = 0;
        for (Relation rel : rels) {
          delta += rel.stableEnd - rel.deltaStart;
        }
        if (!parallel.isEmpty() && delta >= parallelMinDelta) {
          runParallel(parallel);
          for (PlanCompiler.Variant v : serialInParallelRounds) {
            v.run();
          }
        } else {
          for (PlanCompiler.Variant v : recursive) {
            v.run();
          }
        }
        for (Relation rel : rels) {
          rel.catchUpIndexes();
          rel.deltaStart = rel.stableEnd;
          rel.stableEnd = rel.size();
        }
        checkLimit(rels);
        previousDelta = checkGrowth(rels, previousDelta);
      }
    }
    for (Relation rel : rels) {
      rel.seal();
    }
  }

  /** One semi-naive round of the partitioned variants on all threads, then the merge. */
  private void runParallel(List<PlanCompiler.Variant[]> parallel) {
    for (PlanCompiler.Variant[] copies : parallel) {
      copies[0].emit().rel.reserveFirst(symbols.size());
    }
    if (pool == null) {
      pool =
          java.util.concurrent.Executors.newFixedThreadPool(
              threads,
              task -> {
                Thread th = new Thread(task, "datalog-worker");
                th.setDaemon(true);
                return th;
              });
    }
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      final int part = t;
      futures.add(
          pool.submit(
              () -> {
                for (PlanCompiler.Variant[] copies : parallel) {
                  copies[part].run();
                }
              }));
    }
    for (java.util.concurrent.Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
    for (int t = 0; t < threads; t++) {
      for (PlanCompiler.Variant[] copies : parallel) {
        Ops.Emit emit = copies[t].emit();
        emit.rel.appendPairs(emit.local, emit.localSize, round.value);
        emit.localSize = 0;
      }
    }
  }

  /** The number of tuples matching a query atom, without listing them. */
  public long count(Atom query) {
    Set<String> seen = new HashSet<>();
    boolean allFree = true;
    for (Term t : query.args()) {
      allFree &= t instanceof Var v && (v.anonymous() || seen.add(v.name()));
    }
    if (allFree) {
      run();
      Relation rel = relations.get(query.pred());
      if (rel != null && rel.arity() == query.args().size()) {
        return rel.size();
      }
    }
    return answers(query).length;
  }

  /** Row ids of the tuples matching a query atom (constants fixed, repeated variables equal). */
  public int[] answers(Atom query) {
    run();
    Relation rel = relations.get(query.pred());
    if (rel == null) {
      throw new DatalogError("query", "unknown predicate " + query.pred() + " in " + query);
    }
    if (rel.arity() != query.args().size()) {
      throw new DatalogError(
          "query", query.pred() + " has " + rel.arity() + " arguments, not " + query.args().size());
    }
    int n = rel.arity();
    int[] fixed = new int[n];
    int[] sameAs = new int[n];
    Map<String, Integer> firstCol = new LinkedHashMap<>();
    for (int c = 0; c < n; c++) {
      Term t = query.args().get(c);
      fixed[c] = -2;
      sameAs[c] = -1;
      if (t instanceof Const k) {
        fixed[c] = symbols.lookup(k.value());
        if (fixed[c] < 0) {
          return new int[0];
        }
      } else if (!((Var) t).anonymous()) {
        Integer prev = firstCol.putIfAbsent(((Var) t).name(), c);
        if (prev != null) {
          sameAs[c] = prev;
        }
      }
    }
    int[] out = new int[16];
    int n2 = 0;
    rows:
    for (int r = 0; r < rel.size(); r++) {
      for (int c = 0; c < n; c++) {
        int v = rel.get(r, c);
        if ((fixed[c] >= 0 && v != fixed[c]) || (sameAs[c] >= 0 && v != rel.get(r, sameAs[c]))) {
          continue rows;
        }
      }
      if (n2 == out.length) {
        out = java.util.Arrays.copyOf(out, n2 * 2);
      }
      out[n2++] = r;
    }
    return java.util.Arrays.copyOf(out, n2);
  }

  /** Prints a row as a fact, e.g. {@code path(a, b)}. */
  public String show(Relation rel, int row) {
    StringBuilder sb = new StringBuilder(rewriting.shown(rel.name()));
    if (rel.arity() > 0) {
      sb.append('(');
      for (int c = 0; c < rel.arity(); c++) {
        sb.append(c == 0 ? "" : ", ").append(symbols.show(rel.get(row, c)));
      }
      sb.append(')');
    }
    return sb.toString();
  }

  boolean tracksRounds() {
    return trackRounds;
  }
}
