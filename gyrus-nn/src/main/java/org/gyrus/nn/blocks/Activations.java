package org.gyrus.nn.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value.Node;

/** Elementwise activations, usable as nodes ({@code {_type: relu}}) or as an argument. */
final class Activations {
  static final Set<String> NAMES = Set.of("relu", "gelu", "silu", "tanh", "sigmoid", "identity");

  private Activations() {}

  static void check(String name, String path) {
    if (!name.equals("none") && !NAMES.contains(name)) {
      throw new SpecError(path, "an activation, one of " + NAMES + " or none", "'" + name + "'");
    }
  }

  static Block block(String name) {
    return switch (name) {
      case "relu" -> Activation.reluBlock();
      case "gelu" -> Activation.geluBlock();
      case "tanh" -> Activation.tanhBlock();
      case "sigmoid" -> Activation.sigmoidBlock();
      case "silu" -> LambdaBlock.singleton(Activations::silu, "silu");
      default -> Blocks.identityBlock();
    };
  }

  private static NDArray silu(NDArray x) {
    return x.mul(Activation.sigmoid(x));
  }

  static List<BlockType> all() {
    List<BlockType> types = new ArrayList<>();
    for (String n : NAMES) {
      types.add(
          new BlockType() {
            @Override
            public NodeType type() {
              return NodeType.of(n, "elementwise " + n);
            }

            @Override
            public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
              return new Analysis(in, 0, n.equals("identity") ? 0 : Shapes.size(in));
            }

            @Override
            public Block build(Node node, Shape in, String path, SpecCompiler c) {
              return block(n);
            }
          });
    }
    return types;
  }
}
