package org.gyrus.nas.discover;

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
 * {@code {_type: causal_conv, kernel: 4}}: a depthwise convolution along time on (T,D) that sees
 * only the current and the {@code kernel − 1} previous tokens, {@code y_t = b + Σ_j w_j ⊙ x_{t−j}}
 * (the short convolution of H3 / Hyena / Mamba), a tensor operation of the discovery grammar.
 */
@Register
public final class CausalConvType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "causal_conv",
          "depthwise causal convolution along time; (T,D) → (T,D)",
          ArgSpec.optional("kernel", Kind.INT, 4).range(1, 64).doc("tokens seen (incl. current)"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Shapes.requireRank(in, path, "causal_conv expects 3 axes (N,T,D)", 2);
    long k = a.integer("kernel");
    long d = in.get(1);
    return new Analysis(in, k * d + d, 2 * k * Shapes.size(in));
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    return new CausalConvBlock((int) a.integer("kernel"), in.get(1));
  }
}
