package org.gyrus.nn.memory;

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
 * {@code {_type: neural_memory, variant: titans|moneta|yaad|memora, heads: 1, shift: true}}: a
 * token mixer on (T,D) whose state is a memory trained at test time (B5). See {@link NeuralMemory}.
 */
@Register
public final class NeuralMemoryType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "neural_memory",
          "test-time memory (Titans / Miras): M learns k→v by a gated gradient step per token,"
              + " read y = M q; (T,D) → (T,D)",
          ArgSpec.optional("variant", Kind.STR, "titans")
              .oneOf("titans", "moneta", "yaad", "memora")
              .doc("titans (ℓ2 + momentum), moneta (ℓp), yaad (Huber), memora (KL retention)"),
          ArgSpec.optional("heads", Kind.INT, 1).range(1, 1024).doc("must divide D"),
          ArgSpec.optional("p", Kind.FLOAT, 3.0).doc("moneta's ℓp exponent (> 1)"),
          ArgSpec.optional("delta", Kind.FLOAT, 1.0).doc("yaad's Huber threshold (> 0)"),
          ArgSpec.optional("chunk", Kind.INT, 16)
              .range(1, 4096)
              .doc(
                  "tokens whose inner gradients share the chunk's starting memory (1 = exact,"
                      + " ~10x slower; with the unclipped ℓ2 bias a chunk > 1 can overshoot and"
                      + " fail to train: lower max_step or use 1)"),
          ArgSpec.optional("max_step", Kind.FLOAT, 1.0)
              .range(1e-6, 1e3)
              .doc("largest inner step θ (θ_t = max_step · sigmoid(·)); > 0"),
          ArgSpec.optional("shift", Kind.BOOL, true)
              .doc("project q, k, v from [x_t, x_{t−1}] (short convolution of width 2)"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Shapes.requireRank(in, path, "neural_memory expects 3 axes (N,T,D)", 2);
    bias(a, path);
    long t = in.get(0);
    long d = in.get(1);
    long heads = a.integer("heads");
    requireDivides(heads, d, path);
    long x = a.bool("shift") ? 2 * d : d;
    long params = 3 * (x * d + d) + x * 3 * heads + 3 * heads + d * d + d;
    long dh = d / heads;
    long flops = 2 * t * x * (3 * d + 3 * heads) + 2 * t * d * d + t * heads * 10 * dh * dh;
    return new Analysis(in, params, flops);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    return new NeuralMemory(
        in.get(1),
        a.integer("heads"),
        a.string("variant").equals("memora"),
        bias(a, path),
        a.bool("shift"),
        a.smallInt("chunk"),
        a.number("max_step"));
  }

  static void requireDivides(long heads, long d, String path) {
    if (d % heads != 0) {
      throw new SpecError(path + ".heads", heads + " heads must divide the width D=" + d);
    }
  }

  private static AttentionalBias bias(Args a, String path) {
    String v = a.string("variant");
    switch (v) {
      case "titans":
      case "memora":
        return AttentionalBias.l2();
      case "moneta":
        if (!(a.number("p") > 1)) {
          throw new SpecError(path + ".p", "moneta needs p > 1", Double.toString(a.number("p")));
        }
        return AttentionalBias.lp(a.number("p"));
      case "yaad":
        if (!(a.number("delta") > 0)) {
          throw new SpecError(
              path + ".delta", "yaad needs delta > 0", Double.toString(a.number("delta")));
        }
        return AttentionalBias.huber(a.number("delta"));
      default:
        throw new SpecError(path + ".variant", "one of titans, moneta, yaad, memora", v);
    }
  }
}
