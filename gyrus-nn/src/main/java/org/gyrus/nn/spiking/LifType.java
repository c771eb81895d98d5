package org.gyrus.nn.spiking;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Locale;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value.Node;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.BlockType;
import org.gyrus.nn.blocks.Shapes;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * {@code {_type: lif, units: U, steps: 25, beta: 0.95, threshold: 1, slope: 2, output: spikes}}: a
 * dense projection into leaky integrate-and-fire neurons trained through an arctan surrogate
 * gradient. On (F) the input is presented for {@code steps} steps; on (T,F) one step per row.
 */
@Register
public final class LifType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "lif",
          "leaky integrate-and-fire neurons over time steps, surrogate-gradient trained",
          ArgSpec.required("units", Kind.INT).range(1, 1 << 16).doc("neurons"),
          ArgSpec.optional("steps", Kind.INT, 25)
              .range(1, 10_000)
              .doc("time steps for a static (F) input; (T,F) inputs use T"),
          ArgSpec.optional("beta", Kind.FLOAT, 0.95).range(0, 1).doc("membrane decay per step"),
          ArgSpec.optional("threshold", Kind.FLOAT, 1.0).range(1e-6, 1e6).doc("firing threshold"),
          ArgSpec.optional("slope", Kind.FLOAT, 2.0)
              .range(1e-3, 1e3)
              .doc("arctan surrogate sharpness alpha"),
          ArgSpec.optional("output", Kind.STR, "spikes")
              .oneOf("spikes", "rate", "membrane", "trace")
              .doc("spikes (T,U), spike rate (U), mean membrane (U) as logits, or trace (T,U)"),
          ArgSpec.optional("smooth", Kind.BOOL, false)
              .doc("use the smooth surrogate in the forward too (fully differentiable)"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Shapes.requireRank(in, path, "lif expects (F) or (T,F)", 1, 2);
    long f = in.get(in.dimension() - 1);
    long u = a.integer("units");
    long t = in.dimension() == 2 ? in.get(0) : a.integer("steps");
    long projections = in.dimension() == 2 ? t : 1;
    long flops = projections * 2 * f * u + t * 6 * u;
    String out = a.string("output");
    boolean perStep = out.equals("spikes") || out.equals("trace");
    Shape shape = perStep ? new Shape(t, u) : new Shape(u);
    return new Analysis(shape, f * u + u, flops);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    return new LifLayer(
        (int) in.get(in.dimension() - 1),
        a.smallInt("units"),
        a.smallInt("steps"),
        a.number("beta"),
        a.number("threshold"),
        a.number("slope"),
        LifLayer.Output.valueOf(a.string("output").toUpperCase(Locale.ROOT)),
        a.bool("smooth"));
  }
}
