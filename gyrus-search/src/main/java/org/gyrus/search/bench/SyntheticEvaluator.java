package org.gyrus.search.bench;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Register;
import org.gyrus.search.Evaluator;
import org.gyrus.search.EvaluatorFactory;
import org.gyrus.search.Metrics;

/**
 * {@code evaluator: {_type: synthetic, function: branin, dim: D, noise: SIGMA}}: a standard test
 * function at the point {@code {x0: .., x1: ..}}, plus Gaussian noise of standard deviation SIGMA
 * drawn from the trial's seed (so a rerun of a trial gives the same value). Minimise it.
 */
@Register
public final class SyntheticEvaluator implements EvaluatorFactory {
  private static final NodeType TYPE =
      NodeType.of(
          "synthetic",
          "a standard test function to minimise ("
              + String.join(", ", SyntheticFunction.names())
              + "); brings its own space",
          ArgSpec.required("function", Kind.STR)
              .oneOf(SyntheticFunction.names().toArray(String[]::new))
              .doc("the test function"),
          ArgSpec.optional("dim", Kind.INT, 0).min(0).doc("dimension (0: the function's own)"),
          ArgSpec.optional("noise", Kind.FLOAT, 0.0)
              .range(0, 1e12)
              .doc("standard deviation of Gaussian noise, drawn from the trial's seed"),
          ArgSpec.optional("delay_ms", Kind.INT, 0)
              .range(0, 3_600_000)
              .doc(
                  "sleep this long per trial: stands in for a real evaluation's cost (store benches)"));

  /** A parsed spec: the function, its dimension and the noise level. */
  public record Setup(SyntheticFunction function, int dim, double noise) {
    public static Setup of(Value.Node spec) {
      return from(TYPE.check(spec, "evaluator"));
    }

    static Setup from(Args a) {
      SyntheticFunction f = SyntheticFunction.of(a.string("function"), a.pathOf("function"));
      int dim = f.dimension(a.smallInt("dim"), a.pathOf("dim"));
      return new Setup(f, dim, a.number("noise"));
    }

    public Value space() {
      return function.space(dim);
    }

    /** The noiseless value at a concrete point {x0: .., x1: ..}. */
    public double value(Value concrete) {
      if (!(concrete instanceof Value.Node n)) {
        throw new SpecError("point", "a node {x0: .., x1: ..}", String.valueOf(concrete));
      }
      double[] x = new double[dim];
      for (int i = 0; i < dim; i++) {
        Value v = n.arg("x" + i);
        if (v instanceof Value.FloatVal fv) {
          x[i] = fv.value();
        } else if (v instanceof Value.IntVal iv) {
          x[i] = iv.value();
        } else {
          throw new SpecError("point.x" + i, "a number", String.valueOf(v));
        }
      }
      return function.value(x);
    }
  }

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public String selectsOn(Args args) {
    return "the function's value (a synthetic benchmark: no data)";
  }

  @Override
  public void checkPoint(Args args, Value concrete) {
    Setup.from(args).value(concrete);
  }

  @Override
  public Evaluator create(Args args, Path dataDir) {
    Setup s = Setup.from(args);
    long delay = args.integer("delay_ms");
    return (concrete, ctx) -> {
      if (delay > 0) {
        Thread.sleep(delay);
      }
      double y = s.value(concrete);
      if (s.noise() > 0) {
        y += s.noise() * new SplittableRandom(ctx.seed()).nextGaussian();
      }
      return Metrics.of(y);
    };
  }

  @Override
  public Value defaultSpace(Args args) {
    return Setup.from(args).space();
  }
}
