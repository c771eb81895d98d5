package org.gyrus.search.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.Evaluator;
import org.gyrus.search.EvaluatorFactory;
import org.gyrus.search.Metrics;

/**
 * {@code evaluator: {_type: synthetic, function: branin, dim: D, noise: SIGMA}}: a standard test
 * function at the point {@code {x0: .., x1: ..}}, plus Gaussian noise of standard deviation SIGMA
 * drawn from the trial's seed (so a rerun of a trial gives the same value). Minimise it.
 */
public final class SyntheticEvaluator implements EvaluatorFactory {
  private static final List<String> OPTIONS = List.of("function", "dim", "noise");

  /** A parsed spec: the function, its dimension and the noise level. */
  public record Setup(SyntheticFunction function, int dim, double noise) {
    public static Setup of(Value.Node spec) {
      for (String k : spec.args().keySet()) {
        if (!OPTIONS.contains(k)) {
          throw new SpecError("evaluator." + k, "one of the options " + OPTIONS, "'" + k + "'");
        }
      }
      if (!(spec.arg("function") instanceof Value.StrVal name)) {
        throw new SpecError(
            "evaluator.function",
            "a function name, one of " + SyntheticFunction.names(),
            String.valueOf(spec.arg("function")));
      }
      SyntheticFunction f = SyntheticFunction.of(name.value(), "evaluator.function");
      Value dimArg = spec.arg("dim");
      if (dimArg != null && !(dimArg instanceof Value.IntVal)) {
        throw new SpecError("evaluator.dim", "a whole number", dimArg.toString());
      }
      int dim = f.dimension(spec.intArg("dim", 0), "evaluator.dim");
      double noise = spec.floatArg("noise", 0);
      if (!(noise >= 0 && noise < 1e12)) {
        throw new SpecError("evaluator.noise", "a standard deviation >= 0", String.valueOf(noise));
      }
      return new Setup(f, dim, noise);
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
  public String name() {
    return "synthetic";
  }

  @Override
  public String description() {
    return "a standard test function to minimise ("
        + String.join(", ", SyntheticFunction.names())
        + ")";
  }

  @Override
  public Evaluator create(Value.Node spec, Path dataDir) {
    Setup s = Setup.of(spec);
    return (concrete, ctx) -> {
      double y = s.value(concrete);
      if (s.noise() > 0) {
        y += s.noise() * new SplittableRandom(ctx.seed()).nextGaussian();
      }
      return Metrics.of(y);
    };
  }

  @Override
  public Value defaultSpace(Value.Node spec) {
    return Setup.of(spec).space();
  }
}
