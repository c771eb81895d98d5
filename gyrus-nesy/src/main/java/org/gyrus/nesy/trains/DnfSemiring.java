package org.gyrus.nesy.trains;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gyrus.logic.datalog.provenance.Semiring;

/**
 * Why-provenance as a semiring (positive Boolean formulas in disjunctive normal form over neural
 * literals): a tag is the set of groundings (monomials: sorted literal ids) that derive a tuple.
 * {@code plus} is union with absorption (a grounding implied by a smaller one is dropped), {@code
 * times} joins every pair. Two values of one categorical slot in one grounding (a car both red and
 * blue) make it impossible, so it is dropped — the annotated-disjunction semantics of the neural
 * predicates. Run by the Datalog provenance engine over the learned program, it compiles the
 * program to the circuit {@link TrainCircuit} evaluates.
 */
final class DnfSemiring implements Semiring<DnfSemiring.Dnf> {
  /** A set of monomials; equality by content. */
  record Dnf(Set<Mono> monos) {}

  /** A grounding: its neural literals, sorted, without repeats. */
  record Mono(int[] lits) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Mono m && Arrays.equals(lits, m.lits);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(lits);
    }

    boolean subsetOf(Mono m) {
      int j = 0;
      for (int l : lits) {
        while (j < m.lits.length && m.lits[j] < l) {
          j++;
        }
        if (j == m.lits.length || m.lits[j] != l) {
          return false;
        }
      }
      return true;
    }
  }

  private static final Dnf ZERO = new Dnf(Set.of());
  private static final Dnf ONE = new Dnf(Set.of(new Mono(new int[0])));

  private final int[] literalOf; // input (rule) id → literal id, -1 for untagged facts

  DnfSemiring(int[] literalOf) {
    this.literalOf = literalOf;
  }

  @Override
  public String name() {
    return "dnf";
  }

  @Override
  public Dnf zero() {
    return ZERO;
  }

  @Override
  public Dnf one() {
    return ONE;
  }

  @Override
  public Dnf plus(Dnf a, Dnf b) {
    if (a.monos.isEmpty()) {
      return b;
    }
    if (b.monos.isEmpty()) {
      return a;
    }
    Set<Mono> all = new HashSet<>(a.monos);
    all.addAll(b.monos);
    return new Dnf(absorb(all));
  }

  @Override
  public Dnf times(Dnf a, Dnf b) {
    Set<Mono> out = new HashSet<>();
    for (Mono x : a.monos) {
      for (Mono y : b.monos) {
        Mono m = join(x, y);
        if (m != null) {
          out.add(m);
        }
      }
    }
    return new Dnf(absorb(out));
  }

  @Override
  public Dnf input(int id, double p) {
    int lit = id < literalOf.length ? literalOf[id] : -1;
    return lit < 0 ? ONE : new Dnf(Set.of(new Mono(new int[] {lit})));
  }

  @Override
  public boolean same(Dnf a, Dnf b) {
    return a.monos.equals(b.monos);
  }

  /** The union of two groundings; null when they give one slot two values. */
  static Mono join(Mono x, Mono y) {
    int[] u = new int[x.lits.length + y.lits.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < x.lits.length || j < y.lits.length) {
      int v;
      if (j == y.lits.length || (i < x.lits.length && x.lits[i] <= y.lits[j])) {
        v = x.lits[i++];
        if (j < y.lits.length && y.lits[j] == v) {
          j++;
        }
      } else {
        v = y.lits[j++];
      }
      if (n > 0 && TrainCircuit.slotKey(u[n - 1]) == TrainCircuit.slotKey(v)) {
        return null; // sorted ids keep one slot's values adjacent
      }
      u[n++] = v;
    }
    return new Mono(Arrays.copyOf(u, n));
  }

  private static Set<Mono> absorb(Set<Mono> ms) {
    List<Mono> sorted = new ArrayList<>(ms);
    sorted.sort((p, q) -> Integer.compare(p.lits.length, q.lits.length));
    List<Mono> kept = new ArrayList<>();
    for (Mono m : sorted) {
      boolean implied = false;
      for (Mono k : kept) {
        if (k.lits.length < m.lits.length && k.subsetOf(m)) {
          implied = true;
          break;
        }
      }
      if (!implied) {
        kept.add(m);
      }
    }
    return kept.size() == ms.size() ? ms : new HashSet<>(kept);
  }
}
