package org.example.gyrus.plugin;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value.Node;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.BlockType;
import org.gyrus.nn.blocks.SpecCompiler;

/** LeCun's scaled tanh, {@code alpha * tanh(beta * x)}, as a block type (example plug-in). */
@Register
public final class ScaledTanh implements BlockType {
  @Override
  public NodeType type() {
    return NodeType.of(
        "scaled_tanh",
        "alpha * tanh(beta * x), LeCun et al. 1998 (example plug-in)",
        ArgSpec.optional("alpha", Kind.FLOAT, 1.7159).range(1e-6, 1e6).doc("output scale"),
        ArgSpec.optional("beta", Kind.FLOAT, 2.0 / 3).range(1e-6, 1e6).doc("input scale"));
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    type().check(node, path);
    long size = in.size();
    return new Analysis(in, 0, 3 * size);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    var a = type().args(node, path);
    float alpha = (float) a.number("alpha");
    float beta = (float) a.number("beta");
    return LambdaBlock.singleton(x -> x.mul(beta).tanh().mul(alpha), "scaled_tanh");
  }
}
