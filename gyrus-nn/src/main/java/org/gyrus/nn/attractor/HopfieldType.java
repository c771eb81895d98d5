package org.gyrus.nn.attractor;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value.Node;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.BlockType;
import org.gyrus.nn.blocks.Shapes;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * {@code {_type: hopfield, patterns: M, beta: 1.0, steps: 1}}: a retrieval layer of a continuous
 * dense associative memory with M learnable patterns, shape-keeping on (F) or (T,F).
 */
@Register
public final class HopfieldType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "hopfield",
          "dense associative memory retrieval: x <- softmax(beta x Y^T) Y, M learnable patterns",
          ArgSpec.required("patterns", Kind.INT).range(1, 1 << 16).doc("stored patterns M"),
          ArgSpec.optional("beta", Kind.FLOAT, 1.0)
              .range(1e-6, 1e6)
              .doc("inverse temperature of the softmax"),
          ArgSpec.optional("steps", Kind.INT, 1).range(1, 64).doc("retrieval updates"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Shapes.requireRank(in, path, "hopfield expects (F) or (T,F)", 1, 2);
    long f = in.get(in.dimension() - 1);
    long rows = in.dimension() == 2 ? in.get(0) : 1;
    long m = a.integer("patterns");
    long steps = a.integer("steps");
    long flops = steps * rows * (2 * 2 * f * m + 4 * m);
    return new Analysis(in, m * f, flops);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    return new HopfieldLayer(
        (int) in.get(in.dimension() - 1),
        a.smallInt("patterns"),
        a.number("beta"),
        a.smallInt("steps"));
  }
}
