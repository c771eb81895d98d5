package org.gyrus.nas.discover;

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
 * {@code {_type: gate, value: BODY, gate: BODY, activation: sigmoid}}: the elementwise product
 * {@code value(x) ⊙ act(gate(x))} of two branches on the same input (GLU / H3-style gating), a
 * tensor operation of the discovery grammar. Both branches must give one shape.
 */
@Register
public final class GateType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "gate",
          "value(x) ⊙ act(gate(x)): two branches on one input multiplied elementwise",
          ArgSpec.required("value", Kind.ANY).doc("a layer or a list of layers"),
          ArgSpec.required("gate", Kind.ANY).doc("a layer or a list; same output shape as value"),
          ArgSpec.optional("activation", Kind.STR, "sigmoid")
              .oneOf("sigmoid", "silu", "none")
              .doc("applied to the gate branch"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Analysis value = c.analyse(a.value("value"), in, path + ".value");
    Analysis gate = c.analyse(a.value("gate"), in, path + ".gate");
    if (!value.output().equals(gate.output())) {
      throw new SpecError(
          path + ".gate",
          "gate needs the gate branch to give the value branch's shape: value gives "
              + value.output()
              + ", gate "
              + gate.output());
    }
    long size = Shapes.size(value.output());
    return new Analysis(
        value.output(), value.params() + gate.params(), value.flops() + gate.flops() + 2 * size);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    return new GateBlock(
        c.build(a.value("value"), in, path + ".value"),
        c.build(a.value("gate"), in, path + ".gate"),
        a.string("activation"));
  }
}
