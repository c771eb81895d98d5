package org.gyrus.logic.ilp;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Generates and tests the clauses of one body size allowed by the bias, depth first, with the
 * learning-from-failures constraints applied to every partial body (each one a valid conjunctive
 * query, since in-arguments are always bound):
 *
 * <ul>
 *   <li>covers no positive example (too specific): no specialisation is generated;
 *   <li>complete, non-recursive and covers no negative (consistent): its specialisations cover a
 *       subset of its positives, so they can never improve a minimal program: not generated;
 *   <li>covers a negative (too general): its generalisations were generated earlier (smaller bodies
 *       first) and already failed; only specialisations continue.
 * </ul>
 *
 * Symmetry is broken by generating literals in non-decreasing predicate order unless a literal uses
 * a variable the previous one introduced (every body set keeps at least one such order), and by
 * numbering variables by first appearance. A clause is complete when every variable occurs at least
 * twice (head included): no singletons, and every head variable in the body.
 */
final class ClauseSearch {
  /** A complete clause and the examples it covers (bit i = i-th positive / negative). */
  record Tested(Clause clause, BitSet pos, BitSet neg) {}

  /** Receives the complete clauses of the requested size. */
  interface Sink {
    void accept(Tested t);
  }

  /** Thrown when the deadline passes. */
  static final class OutOfTime extends RuntimeException {
    OutOfTime() {
      super("out of time", null, false, false);
    }
  }

  private final Bias bias;
  private final List<Bias.Pred> preds;
  private final ClauseTester tester;
  private final int[][] pos;
  private final int[][] neg;
  private final long deadlineNanos;
  private final boolean keepInconsistent;
  private final int maxArity;
  private final boolean[] functional;
  private final boolean[] symmetric;
  private final boolean[] irreflexive;

  /** Positives covered by the consistent clauses found so far, by clause size. */
  private final List<List<BitSet>> consistentBySize = new ArrayList<>();

  private long tested;

  /** {@code keepInconsistent}: also emit leaves that cover negatives (noise-tolerant scoring). */
  ClauseSearch(
      Bias bias,
      Facts facts,
      int[][] pos,
      int[][] neg,
      long deadlineNanos,
      boolean keepInconsistent) {
    this.keepInconsistent = keepInconsistent;
    this.bias = bias;
    this.preds = bias.bodyWithRecursion();
    this.tester = new ClauseTester(facts, bias.maxVars());
    this.pos = pos;
    this.neg = neg;
    this.deadlineNanos = deadlineNanos;
    this.maxArity = preds.stream().mapToInt(Bias.Pred::arity).max().orElse(1);
    this.functional = new boolean[preds.size()];
    this.symmetric = new boolean[preds.size()];
    this.irreflexive = new boolean[preds.size()];
    for (int i = 0; i < preds.size(); i++) {
      Bias.Pred p = preds.get(i);
      boolean rec = bias.recursion() && i == preds.size() - 1;
      functional[i] = !rec && facts.functional(p.key(), p.inputs());
      symmetric[i] = !rec && facts.symmetric(p.key());
      irreflexive[i] = !rec && facts.irreflexive(p.key());
    }
  }

  /**
   * Whether {@code lit} adds nothing a smaller body lacks, given the background facts: {@code
   * p(X,X)} of an irreflexive predicate (no fact has equal arguments), a second literal of a
   * functional predicate on the same inputs (its outputs equal the first one's, so the clause
   * equals one with the variables merged and the literal dropped), or the mirror image of a literal
   * of a symmetric predicate whose variables already occur twice (so that dropping it leaves no
   * singleton). The smaller equivalent clause is generated at a smaller size.
   */
  private boolean redundant(List<Clause.Literal> body, int pi, Clause.Literal lit, int[] counts) {
    int[] v = lit.vars();
    if (irreflexive[pi] && v[0] == v[1]) {
      return true; // never holds: the clause would cover nothing
    }
    if (!functional[pi] && !symmetric[pi]) {
      return false;
    }
    for (Clause.Literal l : body) {
      if (!l.pred().equals(lit.pred())) {
        continue;
      }
      if (symmetric[pi]
          && l.vars()[0] == v[1]
          && l.vars()[1] == v[0]
          && counts[v[0]] >= 2
          && counts[v[1]] >= 2) {
        return true;
      }
      if (functional[pi] && sameInputs(l.vars(), v, lit.pred().inputs())) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameInputs(int[] a, int[] b, List<Boolean> inputs) {
    for (int i = 0; i < a.length; i++) {
      if (inputs.get(i) && a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  long tested() {
    return tested;
  }

  /** Emits every complete clause with exactly {@code size} body literals that survives pruning. */
  void run(int size, Sink sink) {
    int arity = bias.head().arity();
    String[] types = new String[bias.maxVars()];
    int[] counts = new int[bias.maxVars()];
    for (int i = 0; i < arity; i++) {
      types[i] = bias.head().types().get(i);
      counts[i] = 1;
    }
    BitSet allPos = new BitSet();
    allPos.set(0, pos.length);
    BitSet allNeg = new BitSet();
    allNeg.set(0, neg.length);
    new Node(size, sink, types, counts).expand(new ArrayList<>(), arity, allPos, allNeg, 0, 0L);
  }

  /** The mutable state of one depth-first run. */
  private final class Node {
    final int size;
    final Sink sink;
    final String[] types;
    final int[] counts;

    Node(int size, Sink sink, String[] types, int[] counts) {
      this.size = size;
      this.sink = sink;
      this.types = types;
      this.counts = counts;
    }

    void expand(
        List<Clause.Literal> body, int nVars, BitSet p, BitSet n, int lastPred, long lastNew) {
      int missing = 0;
      for (int v = 0; v < (bias.allowSingletons() ? bias.head().arity() : nVars); v++) {
        missing += counts[v] < 2 ? 1 : 0;
      }
      if (missing > (size - body.size()) * maxArity) {
        return; // singletons left than the remaining literals can use
      }
      for (int pi = 0; pi < preds.size(); pi++) {
        Bias.Pred pr = preds.get(pi);
        boolean rec = bias.recursion() && pi == preds.size() - 1;
        int[] args = new int[pr.arity()];
        assign(body, nVars, p, n, lastPred, lastNew, pi, pr, rec, args, 0, nVars);
      }
    }

    /** Chooses argument j of a new literal, then tests and descends. */
    private void assign(
        List<Clause.Literal> body,
        int nVars,
        BitSet p,
        BitSet n,
        int lastPred,
        long lastNew,
        int pi,
        Bias.Pred pr,
        boolean rec,
        int[] args,
        int j,
        int next) {
      if (j == args.length) {
        add(body, nVars, next, p, n, lastPred, lastNew, pi, pr, rec, args.clone());
        return;
      }
      String type = pr.types().get(j);
      boolean input = rec || pr.inputs().get(j);
      for (int v = 0; v < next; v++) {
        if (compatible(v < nVars ? types[v] : pendingType(pr, args, j, v, nVars), type)) {
          args[j] = v;
          assign(body, nVars, p, n, lastPred, lastNew, pi, pr, rec, args, j + 1, next);
        }
      }
      if (!input && next < bias.maxVars()) {
        args[j] = next;
        assign(body, nVars, p, n, lastPred, lastNew, pi, pr, rec, args, j + 1, next + 1);
      }
    }

    private void add(
        List<Clause.Literal> body,
        int nVars,
        int next,
        BitSet p,
        BitSet n,
        int lastPred,
        long lastNew,
        int pi,
        Bias.Pred pr,
        boolean rec,
        int[] args) {
      boolean usesLastNew = false;
      for (int v : args) {
        usesLastNew |= v < 64 && (lastNew & (1L << v)) != 0;
      }
      if (pi < lastPred && !usesLastNew) {
        return;
      }
      if (pi >= lastPred && mentionsLaterTwinFirst(body, args)) {
        return;
      }
      if (rec && isHeadTuple(args)) {
        return;
      }
      Clause.Literal lit = new Clause.Literal(pr, args, rec);
      if (body.contains(lit) || redundant(body, pi, lit, counts)) {
        return;
      }
      if (System.nanoTime() > deadlineNanos) {
        throw new OutOfTime();
      }
      List<Clause.Literal> child = new ArrayList<>(body);
      child.add(lit);
      for (int v = nVars; v < next; v++) {
        types[v] = pendingType(pr, args, args.length, v, nVars);
      }
      for (int v : args) {
        counts[v]++;
      }
      try {
        test(child, nVars, next, p, n, pi);
      } finally {
        for (int v : args) {
          counts[v]--;
        }
        for (int v = nVars; v < next; v++) {
          counts[v] = 0;
          types[v] = null;
        }
      }
    }

    /** Tests a body and emits or extends it; the bookkeeping for its variables is done. */
    private void test(List<Clause.Literal> child, int nVars, int next, BitSet p, BitSet n, int pi) {
      boolean complete = complete(next);
      boolean recursive = child.stream().anyMatch(Clause.Literal::recursive);
      boolean leaf = child.size() == size;
      if (leaf && !complete) {
        return; // cannot be emitted and has no children at this size: no need to test it
      }
      tester.prepare(child);
      tested++;
      if (leaf && !keepInconsistent && !recursive) {
        // only consistent leaves are of use: look for a covered negative first, stop at one
        BitSet cn = filter(n, neg, true);
        BitSet cp = cn == null ? null : filter(p, pos, false);
        if (cp != null && !cp.isEmpty()) {
          consistent(size, cp);
          sink.accept(new Tested(new Clause(bias.head(), child), cp, cn));
        }
        return;
      }
      BitSet cp = filter(p, pos, false);
      if (cp.isEmpty()) {
        return; // too specific: no specialisation can cover a positive
      }
      if (!leaf && dominated(cp, child.size())) {
        return; // every specialisation is beaten by a smaller consistent clause
      }
      BitSet cn = filter(n, neg, false);
      if (leaf) {
        if (cn.isEmpty() && !recursive) {
          consistent(size, cp);
        }
        sink.accept(new Tested(new Clause(bias.head(), child), cp, cn));
      } else if (!(complete && cn.isEmpty() && !recursive)) {
        long introduced = 0;
        for (int v = nVars; v < next; v++) {
          introduced |= 1L << v;
        }
        expand(child, next, cp, cn, pi, introduced);
      }
    }

    /**
     * Variable symmetry: twins X &lt; Y were introduced by the same literal up to the new variable
     * (e.g. {@code has_car(A,X)}, {@code has_car(A,Y)}) and neither is used since, so swapping them
     * maps a body onto an equivalent one with the same predicate sequence. Only the order whose
     * first later use mentions X is kept; the caller asks only when the literal's place in the
     * predicate order does not rest on using the last-introduced variable, so the swapped body is
     * generated too.
     */
    private boolean mentionsLaterTwinFirst(List<Clause.Literal> body, int[] args) {
      int arity = bias.head().arity();
      for (int y : args) {
        if (y < arity || counts[y] != 1) {
          continue;
        }
        Clause.Literal ly = introducer(body, y);
        for (int x = arity; x < y; x++) {
          if (counts[x] == 1 && !contains(args, x) && twins(body, introducer(body, x), x, ly, y)) {
            return true;
          }
        }
      }
      return false;
    }

    private static boolean contains(int[] args, int v) {
      for (int a : args) {
        if (a == v) {
          return true;
        }
      }
      return false;
    }

    private Clause.Literal introducer(List<Clause.Literal> body, int v) {
      for (Clause.Literal l : body) {
        if (contains(l.vars(), v)) {
          return l;
        }
      }
      throw new IllegalStateException("variable " + v + " without a literal");
    }

    /** Same literal but for x in lx where y is in ly; every other argument older than x. */
    private boolean twins(
        List<Clause.Literal> body, Clause.Literal lx, int x, Clause.Literal ly, int y) {
      if (lx == ly || !lx.pred().equals(ly.pred()) || lx.recursive() != ly.recursive()) {
        return false;
      }
      int[] a = lx.vars();
      int[] b = ly.vars();
      int at = body.indexOf(lx);
      for (int i = 0; i < a.length; i++) {
        if (a[i] == x) {
          if (b[i] != y) {
            return false;
          }
        } else if (a[i] != b[i]
            || a[i] >= bias.head().arity() && body.indexOf(introducer(body, a[i])) >= at) {
          return false; // differ elsewhere, or lx introduces a second variable
        }
      }
      return true;
    }

    private boolean complete(int nVars) {
      for (int v = 0; v < (bias.allowSingletons() ? bias.head().arity() : nVars); v++) {
        if (counts[v] < 2) {
          return false;
        }
      }
      return true;
    }

    private boolean isHeadTuple(int[] args) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] != i) {
          return false;
        }
      }
      return true;
    }

    /**
     * The examples of {@code in} the prepared body covers; null at the first if {@code noneWanted}.
     */
    private BitSet filter(BitSet in, int[][] examples, boolean noneWanted) {
      BitSet out = new BitSet();
      for (int i = in.nextSetBit(0); i >= 0; i = in.nextSetBit(i + 1)) {
        if (tester.covers(examples[i])) {
          if (noneWanted) {
            return null;
          }
          out.set(i);
        }
      }
      return out;
    }
  }

  /** Records the positives of a consistent non-recursive clause of {@code size} literals. */
  private void consistent(int size, BitSet cp) {
    while (consistentBySize.size() <= size) {
      consistentBySize.add(new ArrayList<>());
    }
    if (!dominated(cp, size)) {
      consistentBySize.get(size).add(cp);
    }
  }

  /**
   * Whether a consistent clause of at most {@code size} literals covers every positive of {@code
   * cp}. A specialisation of a body covering {@code cp} then has more literals and covers a subset:
   * swapping it for that clause gives a consistent program with as many clauses and fewer literals,
   * so no minimal program contains it (Popper's redundancy constraint). Off with recursion, where a
   * program's coverage is not its clauses' union.
   */
  private boolean dominated(BitSet cp, int size) {
    if (bias.recursion()) {
      return false;
    }
    for (int k = 1; k <= size && k < consistentBySize.size(); k++) {
      for (BitSet b : consistentBySize.get(k)) {
        if (covers(b, cp)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean covers(BitSet big, BitSet small) {
    for (int i = small.nextSetBit(0); i >= 0; i = small.nextSetBit(i + 1)) {
      if (!big.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** The type a variable introduced by this literal gets (from its first argument slot). */
  private static String pendingType(Bias.Pred pr, int[] args, int upTo, int v, int nVars) {
    for (int k = 0; k < upTo; k++) {
      if (args[k] == v) {
        return pr.types().get(k);
      }
    }
    return null;
  }

  private static boolean compatible(String a, String b) {
    return a == null || b == null || a.equals(b);
  }
}
