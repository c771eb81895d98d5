package org.gyrus.logic.datalog.provenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Top-k proofs (Scallop): a tag is a DNF of at most k proofs, each a set of input facts, kept in
 * order of probability; a proof that contains another is dropped (absorption). The probability of
 * the DNF is computed exactly from it with a BDD.
 */
public final class TopKSemiring implements Semiring<TopKSemiring.Dnf> {
  /** One proof: sorted input-fact ids and the product of their probabilities. */
  public record Proof(int[] facts, double prob) {
    boolean subsetOf(Proof o) {
      int j = 0;
      for (int f : facts) {
        while (j < o.facts.length && o.facts[j] < f) {
          j++;
        }
        if (j == o.facts.length || o.facts[j] != f) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Proof p && Arrays.equals(facts, p.facts);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(facts);
    }

    @Override
    public String toString() {
      return Arrays.toString(facts);
    }
  }

  /** A small DNF: the k best proofs. */
  public record Dnf(List<Proof> proofs) {}

  private static final Comparator<Proof> BEST_FIRST =
      (a, b) -> {
        int c = Double.compare(b.prob(), a.prob());
        if (c != 0) {
          return c;
        }
        c = Integer.compare(a.facts().length, b.facts().length);
        return c != 0 ? c : Arrays.compare(a.facts(), b.facts());
      };

  private final int k;
  private double[] probs = new double[16];
  private final Dnf zero = new Dnf(List.of());
  private final Dnf one = new Dnf(List.of(new Proof(new int[0], 1.0)));

  public TopKSemiring(int k) {
    this.k = k;
  }

  @Override
  public String name() {
    return "topk:" + k;
  }

  @Override
  public Dnf zero() {
    return zero;
  }

  @Override
  public Dnf one() {
    return one;
  }

  @Override
  public Dnf input(int id, double p) {
    if (id >= probs.length) {
      probs = Arrays.copyOf(probs, Math.max(id + 1, probs.length * 2));
    }
    probs[id] = p;
    return new Dnf(List.of(new Proof(new int[] {id}, p)));
  }

  @Override
  public Dnf plus(Dnf a, Dnf b) {
    if (a.proofs().isEmpty()) {
      return b;
    }
    if (b.proofs().isEmpty()) {
      return a;
    }
    List<Proof> all = new ArrayList<>(a.proofs());
    all.addAll(b.proofs());
    return normalise(all);
  }

  @Override
  public Dnf times(Dnf a, Dnf b) {
    List<Proof> all = new ArrayList<>();
    for (Proof x : a.proofs()) {
      for (Proof y : b.proofs()) {
        all.add(union(x, y));
      }
    }
    return normalise(all);
  }

  private Proof union(Proof x, Proof y) {
    int[] out = new int[x.facts().length + y.facts().length];
    int i = 0;
    int j = 0;
    int n = 0;
    double p = 1.0;
    while (i < x.facts().length || j < y.facts().length) {
      int f;
      if (j == y.facts().length || (i < x.facts().length && x.facts()[i] < y.facts()[j])) {
        f = x.facts()[i++];
      } else if (i == x.facts().length || y.facts()[j] < x.facts()[i]) {
        f = y.facts()[j++];
      } else {
        f = x.facts()[i++];
        j++;
      }
      out[n++] = f;
      p *= probs[f];
    }
    return new Proof(Arrays.copyOf(out, n), p);
  }

  private Dnf normalise(List<Proof> all) {
    all.sort(BEST_FIRST);
    List<Proof> kept = new ArrayList<>();
    outer:
    for (Proof p : all) {
      for (Proof q : kept) {
        if (q.subsetOf(p)) {
          continue outer; // p is absorbed by (or equal to) a proof already kept
        }
      }
      kept.add(p);
    }
    // A subset can sort after its superset only when probabilities tie at 1.0 facts; rescan.
    List<Proof> minimal = new ArrayList<>();
    for (Proof p : kept) {
      boolean absorbed = false;
      for (Proof q : kept) {
        if (q != p && q.facts().length < p.facts().length && q.subsetOf(p)) {
          absorbed = true;
          break;
        }
      }
      if (!absorbed) {
        minimal.add(p);
      }
    }
    return new Dnf(List.copyOf(minimal.subList(0, Math.min(k, minimal.size()))));
  }

  @Override
  public boolean same(Dnf a, Dnf b) {
    return a.proofs().equals(b.proofs());
  }

  @Override
  public double probability(Dnf t) {
    Bdd bdd = new Bdd();
    int f = Bdd.FALSE;
    for (Proof p : t.proofs()) {
      int c = Bdd.TRUE;
      for (int v : p.facts()) {
        c = bdd.and(c, bdd.variable(v));
      }
      f = bdd.or(f, c);
    }
    return bdd.probability(f, probs);
  }
}
