package org.gyrus.nas.bricks;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.BlockType;
import org.gyrus.nn.blocks.Shapes;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * {@code routed}: bricks selected per input by a learned router (S15). Weights sit at {@code
 * PATH.router} (dense over the flattened input, one logit per brick) and {@code PATH.bricks[i]}.
 */
@Register
public final class RoutedType implements BlockType {
  @Override
  public NodeType type() {
    return NodeType.of(
        "routed",
        "bricks selected per input by a learned softmax router (top-k gates, others zero)",
        ArgSpec.required("bricks", Kind.LIST)
            .doc("the bricks (each a layer or a list); same output shape"),
        ArgSpec.optional("top_k", Kind.INT, 1).min(1).doc("bricks used per input"));
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    List<Value> bricks = node.listArg("bricks");
    if (bricks.size() < 2) {
      throw new SpecError(path + ".bricks", "at least two bricks", "" + bricks.size());
    }
    long params = Shapes.size(in) * bricks.size() + bricks.size();
    long flops = 2 * Shapes.size(in) * bricks.size();
    Shape out = null;
    for (int i = 0; i < bricks.size(); i++) {
      String p = path + ".bricks[" + i + "]";
      Analysis a = c.analyse(bricks.get(i), in, p);
      if (out != null && !out.equals(a.output())) {
        throw new SpecError(
            p,
            "routed bricks must give one output shape: bricks[0] gives "
                + out
                + ", this one "
                + a.output());
      }
      out = a.output();
      params += a.params();
      flops += a.flops() + 2 * Shapes.size(a.output());
    }
    return new Analysis(out, params, flops);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    List<Value> bricks = node.listArg("bricks");
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < bricks.size(); i++) {
      blocks.add(c.build(bricks.get(i), in, path + ".bricks[" + i + "]"));
    }
    Linear router = Linear.builder().setUnits(bricks.size()).build();
    return new RoutedBlock(router, blocks, (int) node.intArg("top_k", 1));
  }
}
