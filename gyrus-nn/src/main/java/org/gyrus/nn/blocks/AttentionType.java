package org.gyrus.nn.blocks;

import static org.gyrus.nn.blocks.Shapes.positive;
import static org.gyrus.nn.blocks.Shapes.requireRank;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value.Node;

/** {@code {_type: attention, heads: H, causal: false}}: multi-head self-attention on (T,D). */
final class AttentionType implements BlockType {
  @Override
  public NodeType type() {
    return NodeType.of(
        "attention",
        "multi-head self-attention over (N,T,D)",
        ArgSpec.optional("heads", Kind.INT, 1).min(1).doc("must divide D"),
        ArgSpec.optional("causal", Kind.BOOL, false).doc("mask future positions"));
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    requireRank(in, path, "attention expects 3 axes (N,T,D)", 2);
    long heads = positive(node, "heads", 1, path);
    long t = in.get(0);
    long d = in.get(1);
    if (d % heads != 0) {
      throw new SpecError(path + ".heads", heads + " heads must divide the width D=" + d);
    }
    long params = 4 * d * d + 4 * d;
    long flops = 2 * t * d * 4 * d + 4 * t * t * d + 3 * heads * t * t;
    return new Analysis(in, params, flops);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    return new AttentionBlock(in.get(1), node.intArg("heads", 1), node.boolArg("causal", false));
  }

  /** Fused QKV projection, scaled dot-product attention per head, output projection. */
  static final class AttentionBlock extends AbstractBlock {
    private final long d;
    private final long heads;
    private final boolean causal;
    private final Linear qkv;
    private final Linear out;

    AttentionBlock(long d, long heads, boolean causal) {
      this.d = d;
      this.heads = heads;
      this.causal = causal;
      qkv = addChildBlock("qkv", Linear.builder().setUnits(3 * d).build());
      out = addChildBlock("out", Linear.builder().setUnits(d).build());
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
      NDArray x = inputs.singletonOrThrow();
      long n = x.getShape().get(0);
      long t = x.getShape().get(1);
      NDArray proj = qkv.forward(ps, new NDList(x), training).singletonOrThrow();
      AttentionHeads h = AttentionHeads.of(proj, heads);
      NDArray scores = h.scores();
      if (causal) {
        scores =
            scores.add(AttentionHeads.futureMask(x.getManager(), t, x.getDataType()).mul(-1e9f));
      }
      NDArray o = h.merge(scores.softmax(-1));
      return out.forward(ps, new NDList(o), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
      return new Shape[] {inputs[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
      qkv.initialize(manager, dataType, inputs[0]);
      out.initialize(manager, dataType, inputs[0]);
    }
  }
}
