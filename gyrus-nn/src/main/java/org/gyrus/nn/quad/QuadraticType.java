package org.gyrus.nn.quad;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
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
 * {@code {_type: quadratic, units: U, activation: relu, relinear: true}}: a layer of quadratic
 * neurons over (N,F). Give the quadratic terms a smaller learning rate with the recipe's {@code
 * quad_lr_scale}.
 */
@Register
public final class QuadraticType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "quadratic",
          "quadratic neurons: act((W_r x+b_r)*(W_g x+b_g) + W_b(x*x) + c) over (N,F)",
          ArgSpec.required("units", Kind.INT).range(1, 1 << 16).doc("output width"),
          ArgSpec.optional("activation", Kind.STR, "none")
              .oneOf("none", "relu", "tanh", "sigmoid", "silu")
              .doc("applied to the output"),
          ArgSpec.optional("relinear", Kind.BOOL, true)
              .doc("ReLinear init: W_g=0, b_g=1, W_b=0 (starts linear); false = all random"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Shapes.requireRank(in, path, "quadratic expects 2 axes (N,F)", 1);
    long f = in.get(0);
    long u = a.integer("units");
    long params = 3 * f * u + 3 * u;
    long act = a.string("activation").equals("none") ? 0 : u;
    long flops = 3 * 2 * f * u + f + 4 * u + act;
    return new Analysis(new Shape(u), params, flops);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Block layer = new QuadraticLayer((int) in.get(0), a.smallInt("units"), a.bool("relinear"));
    String act = a.string("activation");
    if (act.equals("none")) {
      return layer;
    }
    Block fn =
        switch (act) {
          case "relu" -> Activation.reluBlock();
          case "tanh" -> Activation.tanhBlock();
          case "sigmoid" -> Activation.sigmoidBlock();
          default -> LambdaBlock.singleton(x -> x.mul(Activation.sigmoid(x)), "silu");
        };
    return new SequentialBlock().add(layer).add(fn);
  }
}
