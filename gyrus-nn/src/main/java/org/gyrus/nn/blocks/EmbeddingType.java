package org.gyrus.nn.blocks;

import static org.gyrus.nn.blocks.Shapes.positive;
import static org.gyrus.nn.blocks.Shapes.requireRank;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value.Node;

/** {@code {_type: embedding, vocab: V, dim: D}}: token ids (T) to vectors (T,D). */
final class EmbeddingType implements BlockType {
  @Override
  public NodeType type() {
    return NodeType.of(
        "embedding",
        "a learned vector per token id",
        ArgSpec.required("vocab", Kind.INT).min(1).doc("number of ids"),
        ArgSpec.required("dim", Kind.INT).min(1).doc("vector width"));
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    requireRank(in, path, "embedding expects 2 axes (N,T) of token ids", 1);
    long vocab = positive(node, "vocab", 0, path);
    long dim = positive(node, "dim", 0, path);
    return new Analysis(new Shape(in.get(0), dim), vocab * dim, 0);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    return new EmbeddingBlock(node.intArg("vocab", 1), node.intArg("dim", 1));
  }

  /** A lookup table; ids arrive as floats (data sets are float tensors) and are cast. */
  static final class EmbeddingBlock extends AbstractBlock {
    private final Parameter weight;
    private final long dim;

    EmbeddingBlock(long vocab, long dim) {
      this.dim = dim;
      weight =
          addParameter(
              Parameter.builder()
                  .setName("weight")
                  .setType(Parameter.Type.WEIGHT)
                  .optShape(new Shape(vocab, dim))
                  .build());
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
      NDArray ids = inputs.singletonOrThrow().toType(DataType.INT64, false);
      NDArray w = ps.getValue(weight, ids.getDevice(), training);
      return ids.getNDArrayInternal().embedding(ids, w, SparseFormat.DENSE);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
      return new Shape[] {inputs[0].add(dim)};
    }
  }
}
