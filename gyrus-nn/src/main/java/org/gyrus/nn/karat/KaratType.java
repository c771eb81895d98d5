package org.gyrus.nn.karat;

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
 * {@code {_type: karat, heads: H, causal: false, grid: G, rank: r, normalise: l1}}: Fourier KArAt
 * ({@link KaratBlock}), a drop-in for {@code attention} over (N,T,D) with a fixed T; it adds T·2G·r
 * + r·T parameters to attention's 4D² + 4D.
 */
@Register
public final class KaratType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "karat",
          "attention with a learnable low-rank Fourier KAN score->weight map (KArAt) over (N,T,D)",
          ArgSpec.optional("heads", Kind.INT, 1).range(1, 4096).doc("must divide D"),
          ArgSpec.optional("causal", Kind.BOOL, false).doc("mask future positions"),
          ArgSpec.optional("grid", Kind.INT, 3).range(1, 64).doc("Fourier frequencies 1..G"),
          ArgSpec.optional("rank", Kind.INT, 4).range(1, 4096).doc("width r of the KAN layer"),
          ArgSpec.optional("normalise", Kind.STR, "l1")
              .oneOf("none", "l1")
              .doc("divide each weight row by its L1 norm"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Shapes.requireRank(in, path, "karat expects 3 axes (N,T,D)", 2);
    long heads = a.integer("heads");
    long t = in.get(0);
    long d = in.get(1);
    if (d % heads != 0) {
      throw new SpecError(path + ".heads", heads + " heads must divide the width D=" + d);
    }
    long g = a.integer("grid");
    long r = a.integer("rank");
    long params = 4 * d * d + 4 * d + t * 2 * g * r + r * t;
    long attention = 2 * t * d * 4 * d + 4 * t * t * d;
    // features (a multiply and a cos or sin each), the KAN layer and its lift, the L1 division
    long kan = heads * t * t * (4 * g + 2 * 2 * g * r + 2 * r + 3);
    return new Analysis(in, params, attention + kan);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    return new KaratBlock(
        in.get(0),
        in.get(1),
        a.integer("heads"),
        a.bool("causal"),
        a.smallInt("grid"),
        a.smallInt("rank"),
        a.string("normalise").equals("l1"));
  }
}
