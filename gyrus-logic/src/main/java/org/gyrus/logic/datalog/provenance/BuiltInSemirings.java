package org.gyrus.logic.datalog.provenance;

import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

/** The registered factories of the built-in semirings. */
final class BuiltInSemirings {
  private BuiltInSemirings() {}

  @Register
  public static final class Bool implements SemiringFactory {
    @Override
    public NodeType type() {
      return NodeType.of("boolean", "whether a tuple is derivable (plain Datalog)");
    }

    @Override
    public Semiring<?> create(Args a) {
      return new SimpleSemirings.Bool();
    }
  }

  @Register
  public static final class Counting implements SemiringFactory {
    @Override
    public NodeType type() {
      return NodeType.of("counting", "the number of derivations (saturating)");
    }

    @Override
    public Semiring<?> create(Args a) {
      return new SimpleSemirings.Counting();
    }
  }

  @Register
  public static final class MaxProd implements SemiringFactory {
    @Override
    public NodeType type() {
      return NodeType.of("maxprod", "probability of the most likely derivation (Viterbi)");
    }

    @Override
    public Semiring<?> create(Args a) {
      return new SimpleSemirings.MaxProd();
    }
  }

  @Register
  public static final class MinMax implements SemiringFactory {
    @Override
    public NodeType type() {
      return NodeType.of("minmax", "possibilistic degree: max over derivations of min of premises");
    }

    @Override
    public Semiring<?> create(Args a) {
      return new SimpleSemirings.MinMax();
    }
  }

  @Register
  public static final class Exact implements SemiringFactory {
    @Override
    public NodeType type() {
      return NodeType.of("exact", "exact probability by weighted model counting over a BDD");
    }

    @Override
    public Semiring<?> create(Args a) {
      return new ExactSemiring();
    }
  }

  @Register
  public static final class TopK implements SemiringFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "topk",
          "probability from the k most likely proofs (Scallop's top-k proofs)",
          ArgSpec.required("k", Kind.INT).range(1, 64).doc("proofs kept per tuple"));
    }

    @Override
    public Semiring<?> create(Args a) {
      return new TopKSemiring(a.smallInt("k"));
    }
  }
}
