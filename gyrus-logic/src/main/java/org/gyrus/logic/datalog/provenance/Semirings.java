package org.gyrus.logic.datalog.provenance;

import org.gyrus.core.SpecError;

/** Semirings by name: boolean, counting, maxprod, minmax, topk:K, exact. */
public final class Semirings {
  private Semirings() {}

  public static final String NAMES = "boolean, counting, maxprod, minmax, topk:K, exact";

  /** A fresh semiring instance; a SpecError naming the valid names when unknown. */
  public static Semiring<?> of(String name) {
    String n = name.trim();
    switch (n) {
      case "boolean":
        return new SimpleSemirings.Bool();
      case "counting":
        return new SimpleSemirings.Counting();
      case "maxprod":
        return new SimpleSemirings.MaxProd();
      case "minmax":
        return new SimpleSemirings.MinMax();
      case "exact":
        return new ExactSemiring();
      default:
        break;
    }
    if (n.startsWith("topk:")) {
      try {
        int k = Integer.parseInt(n.substring(5));
        if (k >= 1 && k <= 64) {
          return new TopKSemiring(k);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new SpecError("--semiring", "topk:K with K in 1..64", n);
    }
    throw new SpecError("--semiring", "one of " + NAMES, "'" + n + "'");
  }
}
