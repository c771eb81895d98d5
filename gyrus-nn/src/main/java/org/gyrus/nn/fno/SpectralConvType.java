package org.gyrus.nn.fno;

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

/** {@code {_type: spectral_conv, filters: F, modes: M}} over (N,C,L) or (N,C,H,W). */
@Register
public final class SpectralConvType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "spectral_conv",
          "Fourier-space convolution: DFT, keep M modes per axis, complex channel mixing, inverse"
              + " DFT; (N,C,L) or (N,C,H,W)",
          ArgSpec.required("filters", Kind.INT).range(1, 1 << 14).doc("output channels"),
          ArgSpec.required("modes", Kind.INT).range(1, 4096).doc("modes kept per axis"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    return analyse(in, a.integer("filters"), a.integer("modes"), path);
  }

  static Analysis analyse(Shape in, long out, long modes, String path) {
    Shapes.requireRank(in, path, "spectral_conv expects (N,C,L) or (N,C,H,W)", 2, 3);
    long c = in.get(0);
    checkModes(in, modes, path);
    if (in.dimension() == 2) {
      long l = in.get(1);
      long flops = 4 * c * l * modes + 8 * c * out * modes + 4 * out * modes * l;
      return new Analysis(new Shape(out, l), 2 * c * out * modes, flops);
    }
    long h = in.get(1);
    long w = in.get(2);
    long p = 2 * modes * modes;
    long flops =
        4 * c * h * w * modes
            + 8 * c * h * p
            + 8 * c * out * p
            + 8 * out * h * p
            + 4 * out * h * w * modes;
    return new Analysis(new Shape(out, h, w), 2 * c * out * p, flops);
  }

  /** Modes must fit the grid: M ≤ L/2+1 (1-D); 2M ≤ H and M ≤ W/2+1 (2-D). */
  static void checkModes(Shape in, long modes, String path) {
    long last = in.get(in.dimension() - 1);
    boolean fits = modes <= last / 2 + 1 && (in.dimension() == 2 || 2 * modes <= in.get(1));
    if (!fits) {
      throw new SpecError(
          path + ".modes",
          "at most "
              + (in.dimension() == 2 ? "L/2+1" : "H/2 and W/2+1")
              + " modes for input "
              + Shapes.show(in),
          Long.toString(modes));
    }
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    return new SpectralConv(
        (int) in.get(0), a.smallInt("filters"), a.smallInt("modes"), in.dimension() == 3);
  }
}
