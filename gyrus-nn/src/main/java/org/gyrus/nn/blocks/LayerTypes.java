package org.gyrus.nn.blocks;

import static org.gyrus.nn.blocks.Shapes.nonNegative;
import static org.gyrus.nn.blocks.Shapes.positive;
import static org.gyrus.nn.blocks.Shapes.requireRank;
import static org.gyrus.nn.blocks.Shapes.show;
import static org.gyrus.nn.blocks.Shapes.size;
import static org.gyrus.nn.blocks.Shapes.windowOut;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.Convs;

/** The single-layer block types: dense, convolutions, pooling, normalisation, dropout, flatten. */
final class LayerTypes {
  private LayerTypes() {}

  static List<BlockType> all() {
    return List.of(
        new Dense(),
        new Conv(1),
        new Conv(2),
        new PoolType("max_pool"),
        new PoolType("avg_pool"),
        new GlobalPool("global_avg_pool"),
        new GlobalPool("global_max_pool"),
        new BatchNormType(),
        new LayerNormType(),
        new DropoutType(),
        new FlattenType());
  }

  /** Adds the optional {@code activation} argument's block and FLOPs. */
  static Analysis withActivation(Node node, Analysis a, String path) {
    String act = node.strArg("activation", "none");
    Activations.check(act, path + ".activation");
    return act.equals("none") ? a : a.plus(0, size(a.output()));
  }

  static Block withActivation(Node node, Block core) {
    String act = node.strArg("activation", "none");
    if (act.equals("none")) {
      return core;
    }
    return new SequentialBlock().add(core).add(Activations.block(act));
  }

  static final class Dense implements BlockType {
    @Override
    public NodeType type() {
      return NodeType.of(
          "dense",
          "fully connected layer over the last axis",
          ArgSpec.required("units", Kind.INT).min(1).doc("output width"),
          ArgSpec.optional("bias", Kind.BOOL, true).doc("learn a bias"),
          ArgSpec.optional("activation", Kind.STR, "none")
              .oneOf("none", "relu", "gelu", "silu", "tanh", "sigmoid", "identity")
              .doc("applied to the output"));
    }

    @Override
    public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
      requireRank(in, path, "dense expects 2 axes (N,F) or 3 axes (N,T,F)", 1, 2);
      long units = positive(node, "units", 0, path);
      long f = in.get(in.dimension() - 1);
      long rows = in.dimension() == 2 ? in.get(0) : 1;
      boolean bias = node.boolArg("bias", true);
      Shape out = in.dimension() == 2 ? new Shape(rows, units) : new Shape(units);
      long params = f * units + (bias ? units : 0);
      return withActivation(node, new Analysis(out, params, 2 * rows * f * units), path);
    }

    @Override
    public Block build(Node node, Shape in, String path, SpecCompiler c) {
      Linear lin =
          Linear.builder()
              .setUnits(node.intArg("units", 1))
              .optBias(node.boolArg("bias", true))
              .build();
      return withActivation(node, lin);
    }
  }

  static final class Conv implements BlockType {
    private final int dims;

    Conv(int dims) {
      this.dims = dims;
    }

    @Override
    public NodeType type() {
      return NodeType.of(
          "conv" + dims + "d",
          dims == 1 ? "1-D convolution over (N,C,L)" : "2-D convolution over (N,C,H,W)",
          ArgSpec.required("filters", Kind.INT).min(1).doc("output channels"),
          ArgSpec.optional("kernel", Kind.INT, 3).min(1).doc("window size"),
          ArgSpec.optional("stride", Kind.INT, 1).min(1),
          ArgSpec.optional("padding", Kind.ANY, 0).doc("zeros added per side, or 'same'"),
          ArgSpec.optional("bias", Kind.BOOL, true).doc("learn a bias"),
          ArgSpec.optional("activation", Kind.STR, "none")
              .oneOf("none", "relu", "gelu", "silu", "tanh", "sigmoid", "identity")
              .doc("applied to the output"));
    }

    private long padding(Node node, long k, String path) {
      if (node.arg("padding") instanceof Value.StrVal s && s.value().equals("same")) {
        if (k % 2 == 0 || node.intArg("stride", 1) != 1) {
          throw new SpecError(path + ".padding", "'same' needs an odd kernel and stride 1");
        }
        return k / 2;
      }
      return nonNegative(node, "padding", 0, path);
    }

    @Override
    public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
      String layout = dims == 2 ? "4 axes (N,C,H,W)" : "3 axes (N,C,L)";
      requireRank(in, path, name() + " expects " + layout, dims + 1);
      long filters = positive(node, "filters", 0, path);
      long k = positive(node, "kernel", 3, path);
      long stride = positive(node, "stride", 1, path);
      long pad = padding(node, k, path);
      long[] outDims = new long[dims + 1];
      outDims[0] = filters;
      long spatial = 1;
      for (int i = 1; i <= dims; i++) {
        outDims[i] = windowOut(in.get(i), k, stride, pad);
        if (outDims[i] <= 0) {
          throw new SpecError(
              path,
              name()
                  + " kernel "
                  + k
                  + " does not fit input "
                  + show(in)
                  + " (padding "
                  + pad
                  + ")");
        }
        spatial *= outDims[i];
      }
      long window = in.get(0) * (dims == 2 ? k * k : k);
      boolean bias = node.boolArg("bias", true);
      long params = window * filters + (bias ? filters : 0);
      Analysis a = new Analysis(new Shape(outDims), params, 2 * window * filters * spatial);
      return withActivation(node, a, path);
    }

    @Override
    public Block build(Node node, Shape in, String path, SpecCompiler c) {
      long k = node.intArg("kernel", 3);
      long s = node.intArg("stride", 1);
      long p = padding(node, k, path);
      boolean bias = node.boolArg("bias", true);
      long filters = node.intArg("filters", 1);
      Block conv =
          dims == 2
              ? Convs.conv2d(
                  Conv2d.builder()
                      .setKernelShape(new Shape(k, k))
                      .optStride(new Shape(s, s))
                      .optPadding(new Shape(p, p))
                      .setFilters((int) filters)
                      .optBias(bias))
              : Convs.conv1d(
                  Conv1d.builder()
                      .setKernelShape(new Shape(k))
                      .optStride(new Shape(s))
                      .optPadding(new Shape(p))
                      .setFilters((int) filters)
                      .optBias(bias));
      return withActivation(node, conv);
    }
  }

  static final class PoolType implements BlockType {
    private final String name;

    PoolType(String name) {
      this.name = name;
    }

    @Override
    public NodeType type() {
      return NodeType.of(
          name,
          name.startsWith("max") ? "max over each window" : "mean over each window",
          ArgSpec.optional("kernel", Kind.INT, 2).min(1).doc("window size"),
          ArgSpec.optional("stride", Kind.INT).min(1).doc("default: the kernel"),
          ArgSpec.optional("padding", Kind.INT, 0).min(0));
    }

    @Override
    public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
      requireRank(in, path, name + " expects 3 axes (N,C,L) or 4 axes (N,C,H,W)", 2, 3);
      long k = positive(node, "kernel", 2, path);
      long s = positive(node, "stride", k, path);
      long p = nonNegative(node, "padding", 0, path);
      long[] out = in.getShape().clone();
      for (int i = 1; i < out.length; i++) {
        out[i] = windowOut(in.get(i), k, s, p);
        if (out[i] <= 0) {
          throw new SpecError(path, name + " window " + k + " does not fit input " + show(in));
        }
      }
      Shape o = new Shape(out);
      return new Analysis(o, 0, size(o) * (long) Math.pow(k, out.length - 1));
    }

    @Override
    public Block build(Node node, Shape in, String path, SpecCompiler c) {
      long k = node.intArg("kernel", 2);
      long s = node.intArg("stride", k);
      long p = node.intArg("padding", 0);
      boolean max = name.startsWith("max");
      if (in.dimension() == 3) {
        Shape ks = new Shape(k, k);
        Shape ss = new Shape(s, s);
        Shape ps = new Shape(p, p);
        // count_include_pad=false, as in NAS-Bench-201's avg_pool_3x3
        return max
            ? Pool.maxPool2dBlock(ks, ss, ps)
            : Pool.avgPool2dBlock(ks, ss, ps, false, false);
      }
      Shape ks = new Shape(k);
      Shape ss = new Shape(s);
      Shape ps = new Shape(p);
      return max ? Pool.maxPool1dBlock(ks, ss, ps) : Pool.avgPool1dBlock(ks, ss, ps, false, false);
    }
  }

  static final class GlobalPool implements BlockType {
    private final String name;

    GlobalPool(String name) {
      this.name = name;
    }

    @Override
    public NodeType type() {
      return NodeType.of(
          name, name.contains("max") ? "max of each channel" : "mean of each channel");
    }

    @Override
    public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
      requireRank(in, path, name + " expects 3 axes (N,C,L) or 4 axes (N,C,H,W)", 2, 3);
      return new Analysis(new Shape(in.get(0)), 0, size(in));
    }

    @Override
    public Block build(Node node, Shape in, String path, SpecCompiler c) {
      boolean max = name.contains("max");
      if (in.dimension() == 3) {
        return max ? Pool.globalMaxPool2dBlock() : Pool.globalAvgPool2dBlock();
      }
      return max ? Pool.globalMaxPool1dBlock() : Pool.globalAvgPool1dBlock();
    }
  }

  static final class BatchNormType implements BlockType {
    @Override
    public NodeType type() {
      return NodeType.of(
          "batch_norm",
          "batch normalisation over the channel axis",
          ArgSpec.optional("momentum", Kind.FLOAT, 0.9)
              .range(0, 1)
              .doc("running-average momentum"));
    }

    @Override
    public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
      requireRank(in, path, "batch_norm expects 2 to 4 axes (N,C,...)", 1, 2, 3);
      return new Analysis(in, 2 * in.get(0), 2 * size(in));
    }

    @Override
    public Block build(Node node, Shape in, String path, SpecCompiler c) {
      return BatchNorm.builder().optMomentum((float) node.floatArg("momentum", 0.9)).build();
    }
  }

  static final class LayerNormType implements BlockType {
    @Override
    public NodeType type() {
      return NodeType.of("layer_norm", "layer normalisation over the last axis");
    }

    @Override
    public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
      requireRank(in, path, "layer_norm expects at least 2 axes (N,...,D)", 1, 2, 3);
      return new Analysis(in, 2 * in.get(in.dimension() - 1), 5 * size(in));
    }

    @Override
    public Block build(Node node, Shape in, String path, SpecCompiler c) {
      // axis counts the batch axis: normalise over the last one only
      return LayerNorm.builder().axis(in.dimension()).build();
    }
  }

  static final class DropoutType implements BlockType {
    @Override
    public NodeType type() {
      return NodeType.of(
          "dropout",
          "zero a fraction of activations while training",
          ArgSpec.optional("rate", Kind.FLOAT, 0.5).range(0, 0.999).doc("fraction dropped"));
    }

    @Override
    public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
      Shapes.rate(node, "rate", 0.5, path);
      return new Analysis(in, 0, size(in));
    }

    @Override
    public Block build(Node node, Shape in, String path, SpecCompiler c) {
      return Dropout.builder().optRate((float) node.floatArg("rate", 0.5)).build();
    }
  }

  static final class FlattenType implements BlockType {
    @Override
    public NodeType type() {
      return NodeType.of("flatten", "flatten every axis but the batch into one");
    }

    @Override
    public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
      return new Analysis(new Shape(size(in)), 0, 0);
    }

    @Override
    public Block build(Node node, Shape in, String path, SpecCompiler c) {
      return Blocks.batchFlattenBlock(size(in));
    }
  }
}
