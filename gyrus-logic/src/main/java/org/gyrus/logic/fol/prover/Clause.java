package org.gyrus.logic.fol.prover;

import java.util.List;
import org.gyrus.logic.fol.cnf.Literal;

/** A clause inside the prover: id, literals, derivation, and cached selection data. */
public final class Clause {
  public final int id;
  public final List<Literal> lits;
  public final Inference inference;
  final int weight;
  final int selected;
  final boolean[] eligible;
  final long sig;
  boolean dead;
  boolean active;
  boolean picked;

  Clause(int id, List<Literal> lits, Inference inference) {
    this.id = id;
    this.lits = List.copyOf(lits);
    this.inference = inference;
    int w = 0;
    int sel = -1;
    int selWeight = -1;
    long s = 0;
    for (int i = 0; i < this.lits.size(); i++) {
      Literal l = this.lits.get(i);
      w += l.weight();
      s |= 1L << Math.floorMod(l.key().hashCode(), 64);
      if (!l.positive() && l.weight() > selWeight) {
        sel = i;
        selWeight = l.weight();
      }
    }
    this.weight = w;
    this.selected = sel;
    this.sig = s;
    this.eligible = new boolean[this.lits.size()];
    for (int i = 0; i < eligible.length; i++) {
      eligible[i] = sel >= 0 ? i == sel : maximal(this.lits, i, false);
    }
  }

  /** No other literal is greater (strict: none greater or equal). */
  static boolean maximal(List<Literal> lits, int i, boolean strict) {
    for (int j = 0; j < lits.size(); j++) {
      if (j == i) {
        continue;
      }
      Kbo.Cmp c = Kbo.compare(lits.get(j), lits.get(i));
      if (c == Kbo.Cmp.GT || (strict && c == Kbo.Cmp.EQ)) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return lits.isEmpty();
  }

  public boolean isUnitEquation() {
    return lits.size() == 1 && lits.get(0).positive() && lits.get(0).isEquality();
  }

  @Override
  public String toString() {
    return id + ": " + Literal.clauseToString(lits);
  }
}
