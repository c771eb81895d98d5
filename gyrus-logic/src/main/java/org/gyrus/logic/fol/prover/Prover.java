package org.gyrus.logic.fol.prover;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.gyrus.logic.fol.cnf.Literal;

/**
 * A saturation prover (DISCOUNT-style given-clause loop). The given clause is picked by weight,
 * every {@code ageEvery}-th by age; it is simplified against the active set, then it simplifies the
 * active set (backward subsumption, backward demodulation), joins it, and all generating inferences
 * with the active set are drawn. New clauses are normalised, demodulated, checked for tautology and
 * forward subsumption before they enter the passive set. Stops with a proof (the empty clause),
 * with a saturated set, or at a limit (time, given clauses, clauses kept).
 */
public final class Prover implements Generation.Sink {
  /** Resource limits; hitting one means "no answer", never a wrong one. */
  public record Limits(long millis, int maxGiven, int maxClauses) {
    public static Limits seconds(double s) {
      return new Limits((long) (s * 1000), 200_000, 2_000_000);
    }
  }

  /** An input clause and where it came from (for the proof). */
  public record Input(List<Literal> lits, String origin) {}

  private final Limits limits;
  private final int ageEvery;
  private final List<Clause> all = new ArrayList<>();
  private final Index index = new Index();
  private final Simplifier simplifier = new Simplifier(index);
  private final Generation generation = new Generation(index, this);
  private final PriorityQueue<Clause> byWeight =
      new PriorityQueue<>(
          Comparator.<Clause>comparingInt(c -> c.weight).thenComparingInt(c -> c.id));
  private final PriorityQueue<Clause> byAge =
      new PriorityQueue<>(Comparator.comparingInt(c -> c.id));
  private Clause empty;
  private long deadline;
  private boolean outOfResources;
  private int given;

  public Prover(Limits limits) {
    this(limits, 5);
  }

  public Prover(Limits limits, int ageEvery) {
    this.limits = limits;
    this.ageEvery = ageEvery;
  }

  public ProverResult run(List<Input> inputs) {
    long start = System.nanoTime();
    deadline = start + limits.millis() * 1_000_000L;
    for (Input in : inputs) {
      List<Literal> n = Literal.normalize(in.lits());
      if (!Literal.isTautology(n)) {
        admit(newClause(n, Inference.input(in.origin())));
      }
      if (empty != null) {
        return result(ProverResult.Status.PROOF, start);
      }
    }
    while (!stopped()) {
      Clause g = pick();
      if (g == null) {
        return result(ProverResult.Status.SATURATED, start);
      }
      if (g.dead) {
        continue;
      }
      given++;
      g = simplifyForward(g);
      if (g == null) {
        continue;
      }
      if (g.isEmpty()) {
        empty = g;
        break;
      }
      for (Clause c : simplifier.subsumedActive(g)) {
        index.kill(c);
      }
      List<Clause> rewritable =
          g.isUnitEquation() ? simplifier.rewritableActive(g) : List.<Clause>of();
      rewritable.forEach(index::kill);
      index.add(g);
      for (Clause c : rewritable) {
        admit(c); // rewritten by g into a new clause on the way in
      }
      generation.generate(g);
    }
    if (empty != null) {
      return result(ProverResult.Status.PROOF, start);
    }
    return result(ProverResult.Status.LIMIT, start);
  }

  @Override
  public boolean stopped() {
    if (empty != null) {
      return true;
    }
    if (outOfResources) {
      return true;
    }
    if (given >= limits.maxGiven()
        || all.size() >= limits.maxClauses()
        || System.nanoTime() > deadline) {
      outOfResources = true;
    }
    return outOfResources;
  }

  @Override
  public void derive(List<Literal> lits, Inference inference) {
    List<Literal> n = Literal.normalize(lits);
    if (Literal.isTautology(n)) {
      return;
    }
    admit(newClause(n, inference));
  }

  private Clause newClause(List<Literal> lits, Inference inference) {
    Clause c = new Clause(all.size(), lits, inference);
    all.add(c);
    return c;
  }

  /** Forward-simplifies and queues a new clause; the empty clause ends the search. */
  private void admit(Clause c) {
    if (empty != null) {
      return;
    }
    c = simplifyForward(c);
    if (c == null) {
      return;
    }
    if (c.isEmpty()) {
      empty = c;
      return;
    }
    byWeight.add(c);
    byAge.add(c);
  }

  /** Demodulates to normal form, then drops tautologies and subsumed clauses (null if dropped). */
  private Clause simplifyForward(Clause c) {
    if (c.dead) {
      // a clause backward-demodulated out of the active set: re-enter as its rewritten form
      Simplifier.Rewrite rw = simplifier.findRewrite(c.lits, null);
      if (rw == null) {
        return null;
      }
      c = rewrite(c, rw);
    }
    while (true) {
      Simplifier.Rewrite rw = simplifier.findRewrite(c.lits, null);
      if (rw == null) {
        break;
      }
      c = rewrite(c, rw);
      if (Literal.isTautology(c.lits)) {
        return null;
      }
    }
    if (c.isEmpty()) {
      return c;
    }
    return simplifier.subsumedBy(c.lits, c.sig) != null ? null : c;
  }

  private Clause rewrite(Clause c, Simplifier.Rewrite rw) {
    List<Literal> eqInst = Generation.apply(rw.rule().c().lits, rw.sub());
    Literal target = c.lits.get(rw.lit());
    List<Literal> out = new ArrayList<>(c.lits);
    out.set(rw.lit(), Positions.replace(target, rw.path(), rw.rule().rhs().apply(rw.sub())));
    List<Integer> info = new ArrayList<>(List.of(0, rw.rule().side(), rw.lit()));
    info.addAll(rw.path());
    Inference inf =
        new Inference(
            Inference.DEMOD, List.of(rw.rule().c().id, c.id), List.of(eqInst, c.lits), info, null);
    return newClause(Literal.normalize(out), inf);
  }

  private Clause pick() {
    boolean age = given % ageEvery == ageEvery - 1;
    PriorityQueue<Clause> q = age ? byAge : byWeight;
    while (!q.isEmpty()) {
      Clause c = q.poll();
      if (!c.picked && !c.dead) {
        c.picked = true;
        return c;
      }
    }
    return null;
  }

  private ProverResult result(ProverResult.Status status, long start) {
    Proof proof = empty == null ? null : Proof.of(empty, all);
    List<Clause> saturation =
        status == ProverResult.Status.SATURATED
            ? index.active.stream().filter(c -> !c.dead).toList()
            : List.of();
    return new ProverResult(
        status, proof, saturation, given, all.size(), (System.nanoTime() - start) / 1_000_000L);
  }

  /** Every clause created, by id (for traces). */
  public List<Clause> clauses() {
    return List.copyOf(all);
  }
}
