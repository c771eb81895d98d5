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
      long dh = d / heads;
      NDArray proj = qkv.forward(ps, new NDList(x), training).singletonOrThrow();
      // (N,T,3,H,dh) -> (3,N,H,T,dh)
      NDArray parts = proj.reshape(n, t, 3, heads, dh).transpose(2, 0, 3, 1, 4);
      NDArray q = parts.get(0);
      NDArray k = parts.get(1);
      NDArray v = parts.get(2);
      NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).muli(1.0 / Math.sqrt(dh));
      if (causal) {
        NDManager m = x.getManager();
        float[] mask = new float[(int) (t * t)];
        for (int i = 0; i < t; i++) {
          for (int j = i + 1; j < t; j++) {
            mask[(int) (i * t + j)] = -1e9f;
          }
        }
        NDArray maskArr = m.create(mask, new Shape(t, t)).toType(x.getDataType(), false);
        scores = scores.add(maskArr);
      }
      NDArray att = scores.softmax(-1);
      NDArray o = att.matMul(v).transpose(0, 2, 1, 3).reshape(n, t, d);
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
