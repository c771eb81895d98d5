package org.gyrus.nn.blocks;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value.Node;
import org.gyrus.core.plugin.Component;

/**
 * One kind of spec node (dense, conv2d, cell...) and how it becomes a DJL block. A plug-in block is
 * one class annotated {@link org.gyrus.core.plugin.Register}. Shapes never include the batch axis.
 * {@link #analyse} checks the input shape and throws a {@link org.gyrus.core.SpecError} naming the
 * node path and both shapes when it does not fit.
 */
public interface BlockType extends Component {
  /** The type's declared arguments: validated over every branch of a space before trial 0. */
  @Override
  NodeType type();

  @Override
  default String name() {
    return type().name();
  }

  /** Output shape, parameters and FLOPs for one example; composite types recurse via compiler. */
  Analysis analyse(Node node, Shape input, String path, SpecCompiler compiler);

  /** The DJL block; called only after {@link #analyse} accepted the same node and input. */
  Block build(Node node, Shape input, String path, SpecCompiler compiler);

  default Shape outputShape(Node node, Shape input, String path) {
    return analyse(node, input, path, SpecCompiler.standard()).output();
  }

  default long params(Node node, Shape input) {
    return analyse(node, input, node.type(), SpecCompiler.standard()).params();
  }

  default long flops(Node node, Shape input) {
    return analyse(node, input, node.type(), SpecCompiler.standard()).flops();
  }
}
