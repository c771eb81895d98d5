package org.gyrus.nn.moe;

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
 * {@code {_type: moe, hidden: H, units: O, experts: E, top_k: K, activation: relu}}: a feed-forward
 * layer over the last axis of (N,F) or (N,T,F) whose H hidden units form E experts of H/E units,
 * each example or token using its K best experts ({@link MoeLayer}). {@link Carve} fills it from a
 * trained dense FFN; {@link LoadBalance} adds the optional load-balance loss.
 */
@Register
public final class MoeType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "moe",
          "top-k routed experts of a feed-forward layer (Emergent MoE) over (N,F) or (N,T,F)",
          ArgSpec.required("hidden", Kind.INT).range(1, 1 << 20).doc("hidden units, all experts"),
          ArgSpec.required("units", Kind.INT).range(1, 1 << 20).doc("output width"),
          ArgSpec.optional("experts", Kind.INT, 8).range(1, 4096).doc("must divide hidden"),
          ArgSpec.optional("top_k", Kind.INT, 2).range(1, 4096).doc("experts used per row, ≤ E"),
          ArgSpec.optional("activation", Kind.STR, "relu")
              .oneOf("none", "relu", "gelu", "silu", "tanh")
              .doc("of the hidden units"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Shapes.requireRank(in, path, "moe expects 2 axes (N,F) or 3 axes (N,T,F)", 1, 2);
    long f = in.get(in.dimension() - 1);
    long rows = in.dimension() == 2 ? in.get(0) : 1;
    long h = a.integer("hidden");
    long o = a.integer("units");
    long e = a.integer("experts");
    long k = a.integer("top_k");
    if (h % e != 0) {
      throw new SpecError(path + ".experts", e + " experts must divide hidden=" + h);
    }
    if (k > e) {
      throw new SpecError(path + ".top_k", "top_k=" + k + " must be at most experts=" + e);
    }
    long params = f * h + h + h * o + o + e * f;
    long kept = h / e * k;
    long act = a.string("activation").equals("none") ? 0 : kept;
    long flops = rows * (2 * f * e + 2 * f * kept + kept + act + 2 * kept * o + o);
    Shape out = in.dimension() == 2 ? new Shape(in.get(0), o) : new Shape(o);
    return new Analysis(out, params, flops);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    return new MoeLayer(
        (int) in.get(in.dimension() - 1),
        a.smallInt("hidden"),
        a.smallInt("units"),
        a.smallInt("experts"),
        a.smallInt("top_k"),
        a.string("activation"));
  }
}
