package org.gyrus.nn.untrained;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.BlockType;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * {@code {_type: frozen, body: [...]}}: the body keeps its seeded random initialisation; training
 * leaves its parameters out of the optimizer, while gradients still flow through it to the layers
 * before. B13's shallow untrained multi-head attention encoder is {@code frozen} over embedding and
 * attention layers, followed by a trained decoder. Its parameters are not counted as trainable.
 */
@Register
public final class FrozenType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "frozen",
          "its body at the random initialisation, never trained (gradients pass through)",
          ArgSpec.required("body", Kind.ANY).doc("a layer or a list of layers"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Analysis body = c.analyse(body(node, path), in, path + ".body");
    return new Analysis(body.output(), 0, body.flops());
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Block body = c.build(body(node, path), in, path + ".body");
    // before initialisation: the parameters are created without gradients, so the trainer's
    // optimizer never sees them
    body.freezeParameters(true);
    return body;
  }

  private static Value body(Node node, String path) {
    TYPE.check(node, path);
    return node.arg("body");
  }
}
