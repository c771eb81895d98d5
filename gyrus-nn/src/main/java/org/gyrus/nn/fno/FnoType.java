package org.gyrus.nn.fno;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import java.util.List;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value.Node;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.Convs;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.BlockType;
import org.gyrus.nn.blocks.Shapes;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * {@code {_type: fno, width: W, modes: M, layers: 4, out: 1, padding: 0}}: the Fourier neural
 * operator stack over (N,C,L) or (N,C,H,W): a 1×1 lift to W channels, then per layer
 * gelu(spectral(x) + 1×1(x)) (no gelu after the last), then 1×1 projections W → hidden → out. With
 * {@code padding > 0} the Fourier layers run on the lifted field zero-padded at the end of each
 * spatial axis by that fraction of the axis and their output is cropped back ({@link
 * DomainPadding}): Li et al. pad non-periodic problems (Darcy: 9 cells at 85, about 0.1); periodic
 * ones (Burgers) need none, hence the default 0.
 */
@Register
public final class FnoType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "fno",
          "Fourier neural operator: lift, L x (spectral conv + 1x1 conv, gelu), project;"
              + " (N,C,L) or (N,C,H,W)",
          ArgSpec.optional("width", Kind.INT, 16).range(1, 4096).doc("channels inside"),
          ArgSpec.required("modes", Kind.INT).range(1, 4096).doc("Fourier modes per axis"),
          ArgSpec.optional("layers", Kind.INT, 4).range(1, 64).doc("Fourier layers"),
          ArgSpec.optional("hidden", Kind.INT, 64).range(1, 1 << 14).doc("projection width"),
          ArgSpec.optional("out", Kind.INT, 1).range(1, 4096).doc("output channels"),
          ArgSpec.optional("padding", Kind.FLOAT, 0.0)
              .range(0, 4)
              .doc("zero padding per spatial axis as a fraction of it (non-periodic domains)"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Shapes.requireRank(in, path, "fno expects (N,C,L) or (N,C,H,W)", 2, 3);
    long w = a.integer("width");
    long hidden = a.integer("hidden");
    long out = a.integer("out");
    long points = Shapes.size(in) / in.get(0);
    long params = pointwise(in.get(0), w);
    long flops = 2 * in.get(0) * w * points;
    // the Fourier layers see the padded grid (batch axis added and dropped for DomainPadding)
    Shape lifted =
        in.dimension() == 2 ? new Shape(1, w, in.get(1)) : new Shape(1, w, in.get(1), in.get(2));
    Shape inner = DomainPadding.padded(lifted, a.number("padding")).slice(1);
    long innerPoints = Shapes.size(inner) / w;
    for (int i = 0; i < a.integer("layers"); i++) {
      Analysis s = SpectralConvType.analyse(inner, w, a.integer("modes"), path);
      params += s.params() + pointwise(w, w);
      flops += s.flops() + 2 * w * w * innerPoints + 2 * w * innerPoints;
    }
    params += pointwise(w, hidden) + pointwise(hidden, out);
    flops += 2 * (w * hidden + hidden * out) * points + hidden * points;
    Shape o =
        in.dimension() == 2 ? new Shape(out, in.get(1)) : new Shape(out, in.get(1), in.get(2));
    return new Analysis(o, params, flops);
  }

  private static long pointwise(long in, long out) {
    return in * out + out;
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    boolean twoD = in.dimension() == 3;
    int w = a.smallInt("width");
    double padding = a.number("padding");
    SequentialBlock seq = new SequentialBlock().add(pointwise(w, twoD));
    // unpadded, the layers sit in seq itself, so parameter names stay as before padding existed
    SequentialBlock fourier = padding > 0 ? new SequentialBlock() : seq;
    int layers = a.smallInt("layers");
    for (int i = 0; i < layers; i++) {
      fourier.add(
          new ParallelBlock(
              l -> new NDList(l.get(0).singletonOrThrow().add(l.get(1).singletonOrThrow())),
              List.of(new SpectralConv(w, w, a.smallInt("modes"), twoD), pointwise(w, twoD))));
      if (i + 1 < layers) {
        fourier.add(Activation.geluBlock());
      }
    }
    if (padding > 0) {
      seq.add(new DomainPadding(fourier, padding));
    }
    return seq.add(pointwise(a.smallInt("hidden"), twoD))
        .add(Activation.geluBlock())
        .add(pointwise(a.smallInt("out"), twoD));
  }

  private static Block pointwise(int out, boolean twoD) {
    return twoD
        ? Convs.conv2d(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(out))
        : Convs.conv1d(Conv1d.builder().setKernelShape(new Shape(1)).setFilters(out));
  }
}
