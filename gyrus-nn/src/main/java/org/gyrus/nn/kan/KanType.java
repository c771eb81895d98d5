package org.gyrus.nn.kan;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value.Node;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.BlockType;
import org.gyrus.nn.blocks.Shapes;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * {@code {_type: kan, units: U, grid: 5, order: 3}}: a Kolmogorov–Arnold layer over (N,F), one
 * learnable spline-plus-silu function per edge (Liu et al. 2024).
 */
@Register
public final class KanType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "kan",
          "Kolmogorov-Arnold layer: a learnable B-spline + silu function on every edge, summed per"
              + " output (N,F)->(N,units)",
          ArgSpec.required("units", Kind.INT).range(1, 1 << 16).doc("output width"),
          ArgSpec.optional("grid", Kind.INT, 5).range(1, 1000).doc("B-spline grid intervals G"),
          ArgSpec.optional("order", Kind.INT, 3).range(0, 7).doc("spline order k (3 = cubic)"),
          ArgSpec.optional("lo", Kind.FLOAT, -1.0).doc("initial grid start"),
          ArgSpec.optional("hi", Kind.FLOAT, 1.0).doc("initial grid end (> lo)"),
          ArgSpec.optional("bias", Kind.BOOL, true).doc("learn a bias per output"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Shapes.requireRank(in, path, "kan expects 2 axes (N,F)", 1);
    if (!(a.number("hi") > a.number("lo"))) {
      throw new SpecError(
          path + ".hi", "a grid end above lo=" + a.number("lo"), a.value("hi") + "");
    }
    long f = in.get(0);
    long u = a.integer("units");
    long nb = a.integer("grid") + a.integer("order");
    long edges = f * u;
    long params = edges * (nb + 2) + (a.bool("bias") ? u : 0);
    // silu + Cox-de Boor (≈ 6 FLOPs per basis per level) per input, then the spline sums
    long basis = f * (4 + 6 * (nb + a.integer("order")) * (a.integer("order") + 1));
    long flops = basis + edges * (2 * nb + 5) + u;
    return new Analysis(new Shape(u), params, flops);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    return new KanLayer(
        (int) in.get(0),
        a.smallInt("units"),
        a.smallInt("grid"),
        a.smallInt("order"),
        a.number("lo"),
        a.number("hi"),
        a.bool("bias"));
  }
}
