package org.gyrus.nn.memory;

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
 * {@code {_type: recall_attention, kernel: softmax|linear, heads: 1, shift: true}}: the causal
 * attention baselines of the MQAR row, with {@link NeuralMemory}'s projections.
 */
@Register
public final class RecallAttentionType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "recall_attention",
          "causal softmax or linear (elu+1) attention with optional token shift; (T,D) → (T,D)",
          ArgSpec.optional("kernel", Kind.STR, "softmax").oneOf("softmax", "linear"),
          ArgSpec.optional("heads", Kind.INT, 1).range(1, 1024).doc("must divide D"),
          ArgSpec.optional("shift", Kind.BOOL, true)
              .doc("project q, k, v from [x_t, x_{t−1}] (short convolution of width 2)"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Shapes.requireRank(in, path, "recall_attention expects 3 axes (N,T,D)", 2);
    long t = in.get(0);
    long d = in.get(1);
    NeuralMemoryType.requireDivides(a.integer("heads"), d, path);
    long x = a.bool("shift") ? 2 * d : d;
    long params = 3 * (x * d + d) + d * d + d;
    long flops = 2 * t * x * 3 * d + 2 * t * d * d + 4 * t * t * d;
    return new Analysis(in, params, flops);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    return new RecallAttention(
        in.get(1), a.integer("heads"), a.string("kernel").equals("linear"), a.bool("shift"));
  }
}
