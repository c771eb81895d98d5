package org.gyrus.nn.karat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
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
 * {@code {_type: patches, size: P, dim: D}}: the ViT stem. An image (C,H,W) is cut into
 * non-overlapping P×P patches, row by row; each becomes a token by one shared linear map to D, plus
 * a learned position vector: (T = H/P · W/P, D).
 */
@Register
public final class PatchesType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "patches",
          "image (N,C,H,W) to patch tokens (N,T,D): linear patch embedding + learned positions",
          ArgSpec.required("size", Kind.INT).range(1, 1 << 12).doc("patch side, divides H and W"),
          ArgSpec.required("dim", Kind.INT).range(1, 1 << 16).doc("token width"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Shapes.requireRank(in, path, "patches expects 4 axes (N,C,H,W)", 3);
    long p = a.integer("size");
    if (in.get(1) % p != 0 || in.get(2) % p != 0) {
      throw new SpecError(
          path + ".size", "a patch side dividing H and W of " + Shapes.show(in), Long.toString(p));
    }
    long t = in.get(1) / p * (in.get(2) / p);
    long f = in.get(0) * p * p;
    long dim = a.integer("dim");
    return new Analysis(new Shape(t, dim), f * dim + dim + t * dim, t * (2 * f * dim + 2 * dim));
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    return new PatchBlock(a.smallInt("size"), a.smallInt("dim"), in);
  }

  static final class PatchBlock extends AbstractBlock {
    private final int p;
    private final long t;
    private final Linear embed;
    private final Parameter position;

    PatchBlock(int p, int dim, Shape in) {
      this.p = p;
      this.t = in.get(1) / p * (in.get(2) / p);
      embed = addChildBlock("embed", Linear.builder().setUnits(dim).build());
      position =
          addParameter(
              Parameter.builder()
                  .setName("position")
                  .setType(Parameter.Type.OTHER)
                  .optShape(new Shape(t, dim))
                  .optInitializer((m, s, d) -> m.randomNormal(0, 0.02f, s, d))
                  .build());
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
      NDArray x = inputs.singletonOrThrow();
      NDArray tokens = tokens(x);
      NDArray e = embed.forward(ps, new NDList(tokens), training).singletonOrThrow();
      return new NDList(e.add(ps.getValue(position, x.getDevice(), training)));
    }

    /** (N,C,H,W) → (N, H/P·W/P, C·P·P), patches row by row, each channel-major. */
    private NDArray tokens(NDArray x) {
      Shape s = x.getShape();
      long n = s.get(0);
      long ch = s.get(1);
      long gh = s.get(2) / p;
      long gw = s.get(3) / p;
      return x.reshape(n, ch, gh, p, gw, p)
          .transpose(0, 2, 4, 1, 3, 5)
          .reshape(n, gh * gw, ch * p * p);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
      return new Shape[] {new Shape(inputs[0].get(0), t, position.getShape().get(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
      Shape s = inputs[0];
      embed.initialize(manager, dataType, new Shape(s.get(0), t, s.get(1) * p * p));
    }
  }
}
