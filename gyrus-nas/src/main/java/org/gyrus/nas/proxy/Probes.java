package org.gyrus.nas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.BlockType;
import org.gyrus.nn.blocks.BlockTypes;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * A spec compiler whose ReLU, convolution, dense, batch-norm and global-pooling blocks report their
 * input and output to the {@link Tap} installed for the running thread, which may replace the
 * output (a ones mask whose gradient is wanted, for Fisher). Without a tap they are the plain
 * blocks: the probes are how proxies see inside a network compiled from any spec.
 */
final class Probes {
  static final List<String> KINDS =
      List.of("relu", "conv2d", "dense", "batch_norm", "global_avg_pool");
  private static final ThreadLocal<Tap> TAP = new ThreadLocal<>();

  private Probes() {}

  /**
   * What a proxy does with a probed block (its parameters), its input and output; returns the
   * output to use.
   */
  interface Tap {
    NDArray seen(String kind, Block block, NDArray in, NDArray out);
  }

  /**
   * The fan-in of a convolution or dense block: its weight's elements per output unit (C_in * k *
   * k, or the input features), 0 when it has no weight.
   */
  static long fanIn(Block block) {
    for (var p : block.getParameters()) {
      if (p.getValue().getType() == ai.djl.nn.Parameter.Type.WEIGHT) {
        Shape s = p.getValue().getArray().getShape();
        return s.size() / s.get(0);
      }
    }
    return 0;
  }

  static SpecCompiler compiler() {
    List<BlockType> probes = new ArrayList<>();
    BlockTypes standard = BlockTypes.standard();
    for (String kind : KINDS) {
      probes.add(new ProbeType(standard.of(kind, kind)));
    }
    return new SpecCompiler(standard.with(probes.toArray(new BlockType[0])));
  }

  /** Runs {@code body} with {@code tap} seeing every probed block on this thread. */
  static <T> T with(Tap tap, java.util.function.Supplier<T> body) {
    Tap old = TAP.get();
    TAP.set(tap);
    try {
      return body.get();
    } finally {
      TAP.set(old);
    }
  }

  private record ProbeType(BlockType base) implements BlockType {
    @Override
    public NodeType type() {
      return base.type();
    }

    @Override
    public Analysis analyse(Node node, Shape input, String path, SpecCompiler compiler) {
      return base.analyse(node, input, path, compiler);
    }

    @Override
    public Block build(Node node, Shape input, String path, SpecCompiler compiler) {
      return new ProbeBlock(base.name(), base.build(node, input, path, compiler));
    }
  }

  private static final class ProbeBlock extends AbstractBlock {
    private final String kind;
    private final Block inner;

    ProbeBlock(String kind, Block inner) {
      this.kind = kind;
      this.inner = addChildBlock("probed", inner);
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
      NDArray out = inner.forward(ps, inputs, training, params).singletonOrThrow();
      Tap tap = TAP.get();
      return new NDList(tap == null ? out : tap.seen(kind, inner, inputs.singletonOrThrow(), out));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
      return inner.getOutputShapes(inputs);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
      inner.initialize(manager, dataType, inputs);
    }
  }
}
