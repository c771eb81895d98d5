package org.gyrus.nn.blocks;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;

/**
 * A spec compiled for one input shape: the DJL block (not yet initialised), its output shape,
 * parameter count and forward FLOPs per example.
 */
public record CompiledModel(
    Value spec, Block block, Shape input, Shape output, long params, long flops) {

  /**
   * Compiles a classifier. When {@code classes > 0} and the root does not say {@code head: none}, a
   * head is added as needed: flatten when the body's output has more than one axis, then a dense
   * layer to {@code classes} units when the width differs.
   */
  public static CompiledModel classifier(Value spec, Shape input, int classes) {
    return classifier(SpecCompiler.standard(), spec, input, classes);
  }

  public static CompiledModel classifier(SpecCompiler c, Value spec, Shape input, int classes) {
    String root = "model";
    Analysis body = c.analyse(spec, input, root);
    Shape out = body.output();
    long params = body.params();
    long flops = body.flops();
    List<Value> head = head(spec, out, classes);
    Block block = c.build(spec, input, root);
    if (!head.isEmpty()) {
      Analysis h = c.analyseSequence(head, out, root + ".head");
      SequentialBlock seq = new SequentialBlock().add(block);
      seq.add(c.buildSequence(head, out, root + ".head"));
      block = seq;
      out = h.output();
      params += h.params();
      flops += h.flops();
    }
    return new CompiledModel(spec, block, input, out, params, flops);
  }

  /**
   * The head {@link #classifier} appends to a body whose output shape is {@code out}: empty, or
   * flatten and/or dense(classes). Its layers sit at paths {@code model.head[i]}.
   */
  public static List<Value> head(Value spec, Shape out, int classes) {
    List<Value> head = new ArrayList<>();
    boolean auto = !(spec instanceof Node n && n.strArg("head", "auto").equals("none"));
    if (classes > 0 && auto) {
      if (out.dimension() > 1) {
        head.add(Node.of("flatten"));
      }
      if (out.dimension() != 1 || Shapes.size(out) != classes) {
        head.add(Node.of("dense", "units", classes));
      }
    }
    return head;
  }

  /** Initialises parameters (Glorot-uniform weights) for a batch of one, seeded by the engine. */
  public Block initialize(NDManager manager, DataType type) {
    return initialize(manager, type, 0);
  }

  /** As above; with {@code weightStd > 0} the weights are drawn from N(0, weightStd²) instead. */
  public Block initialize(NDManager manager, DataType type, double weightStd) {
    block.setInitializer(
        weightStd > 0
            ? new NormalInitializer((float) weightStd)
            : new XavierInitializer(
                XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 6),
        Parameter.Type.WEIGHT);
    block.initialize(manager, type, Shapes.withBatch(1, input));
    return block;
  }
}
