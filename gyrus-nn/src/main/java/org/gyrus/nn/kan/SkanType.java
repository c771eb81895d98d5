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
 * {@code {_type: skan, units: U, basis: 6}}: a KAN layer whose nodes choose their activation space
 * (B-spline, Chebyshev, Fourier, wavelet) by learned mixing weights (S-KAN).
 */
@Register
public final class SkanType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "skan",
          "S-KAN layer: per output node a learned mix of B-spline, Chebyshev, Fourier and wavelet"
              + " edge functions, later pruned to one; (N,F)->(N,units)",
          ArgSpec.required("units", Kind.INT).range(1, 1 << 16).doc("output width"),
          ArgSpec.optional("basis", Kind.INT, 6).range(4, 64).doc("basis functions per space"),
          ArgSpec.optional("lo", Kind.FLOAT, -1.0).doc("nominal input range start"),
          ArgSpec.optional("hi", Kind.FLOAT, 1.0).doc("nominal input range end (> lo)"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Shapes.requireRank(in, path, "skan expects 2 axes (N,F)", 1);
    if (!(a.number("hi") > a.number("lo"))) {
      throw new SpecError(
          path + ".hi", "a range end above lo=" + a.number("lo"), a.value("hi") + "");
    }
    long f = in.get(0);
    long u = a.integer("units");
    long n = a.integer("basis");
    long s = SkanLayer.SPACES.size();
    long params = s * f * n * u + u * s + u;
    long flops = s * f * n * 12 + s * (2 * f * n * u + 2 * u) + u;
    return new Analysis(new Shape(u), params, flops);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    return new SkanLayer(
        (int) in.get(0), a.smallInt("units"), a.smallInt("basis"), a.number("lo"), a.number("hi"));
  }
}
