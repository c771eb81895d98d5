package org.gyrus.search.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.gyrus.core.SpecError;
import org.gyrus.core.Suggest;
import org.gyrus.core.Value;
import org.gyrus.core.Values;

/**
 * Standard test functions for black-box minimisation (definitions and optima from the Virtual
 * Library of Simulation Experiments, Surjanovic and Bingham). A function has a fixed dimension
 * (Branin, Hartmann, Six-Hump Camel) or any dimension from 2 to 20 on a per-coordinate box.
 */
public record SyntheticFunction(
    String name,
    int fixedDim, // 0: any dimension in [MIN_DIM, MAX_DIM]
    int defaultDim,
    double[][] box, // per coordinate {lo, hi}; for variable dimension one row used for all
    ToDoubleFunction<double[]> f) {

  public static final int MIN_DIM = 2;
  public static final int MAX_DIM = 20;
  private static final Map<String, SyntheticFunction> ALL = new LinkedHashMap<>();

  static {
    add(new SyntheticFunction("branin", 2, 2, new double[][] {{-5, 10}, {0, 15}}, F::branin));
    add(new SyntheticFunction("hartmann3", 3, 3, unit(3), F::hartmann3));
    add(new SyntheticFunction("hartmann6", 6, 6, unit(6), F::hartmann6));
    add(new SyntheticFunction("rosenbrock", 0, 5, new double[][] {{-5, 10}}, F::rosenbrock));
    add(new SyntheticFunction("ackley", 0, 5, new double[][] {{-32.768, 32.768}}, F::ackley));
    add(new SyntheticFunction("levy", 0, 5, new double[][] {{-10, 10}}, F::levy));
    add(
        new SyntheticFunction(
            "styblinski_tang", 0, 5, new double[][] {{-5, 5}}, F::styblinskiTang));
    add(new SyntheticFunction("michalewicz", 0, 5, new double[][] {{0, Math.PI}}, F::michalewicz));
    add(new SyntheticFunction("rastrigin", 0, 5, new double[][] {{-5.12, 5.12}}, F::rastrigin));
    add(
        new SyntheticFunction(
            "six_hump_camel", 2, 2, new double[][] {{-3, 3}, {-2, 2}}, F::sixHumpCamel));
    add(new SyntheticFunction("griewank", 0, 5, new double[][] {{-600, 600}}, F::griewank));
  }

  private static void add(SyntheticFunction s) {
    ALL.put(s.name, s);
  }

  private static double[][] unit(int d) {
    double[][] b = new double[d][];
    Arrays.setAll(b, i -> new double[] {0, 1});
    return b;
  }

  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  /** The function of that name; unknown names fail with the list and a suggestion. */
  public static SyntheticFunction of(String name, String where) {
    SyntheticFunction s = ALL.get(name);
    if (s == null) {
      throw new SpecError(
          where, "one of " + names() + " " + Suggest.closest(name, ALL.keySet()), "'" + name + "'");
    }
    return s;
  }

  /** The dimension to use: the fixed one, or {@code requested} (0: the default) checked. */
  public int dimension(long requested, String where) {
    if (fixedDim > 0) {
      if (requested != 0 && requested != fixedDim) {
        throw new SpecError(where, name + " has dimension " + fixedDim, Long.toString(requested));
      }
      return fixedDim;
    }
    if (requested == 0) {
      return defaultDim;
    }
    if (requested < MIN_DIM || requested > MAX_DIM) {
      throw new SpecError(
          where, "a dimension from " + MIN_DIM + " to " + MAX_DIM, Long.toString(requested));
    }
    return (int) requested;
  }

  public double lo(int i) {
    return box[fixedDim > 0 ? i : 0][0];
  }

  public double hi(int i) {
    return box[fixedDim > 0 ? i : 0][1];
  }

  public double value(double[] x) {
    return f.applyAsDouble(x);
  }

  /** The search space: {@code {_type: point, x0: floatRange, ..., x(d-1): floatRange}}. */
  public Value space(int dim) {
    Object[] args = new Object[2 * dim];
    for (int i = 0; i < dim; i++) {
      args[2 * i] = "x" + i;
      args[2 * i + 1] = Values.floatRange(lo(i), hi(i), false);
    }
    return Value.Node.of("point", args);
  }

  /** The global minimum value in dimension d, or NaN where no value is established. */
  public double minimum(int d) {
    return switch (name) {
      case "branin" -> 0.397887357729738;
      case "hartmann3" -> -3.862779787332660;
      case "hartmann6" -> -3.322368011391339;
      case "styblinski_tang" -> -39.16616570377142 * d;
      case "michalewicz" -> d == 2 ? -1.801303410098554 : d == 5 ? -4.687658 : Double.NaN;
      case "six_hump_camel" -> -1.031628453489877;
      default -> 0.0;
    };
  }

  /** A minimiser in dimension d (one of them where there are several), or null if unknown. */
  public double[] argmin(int d) {
    double[] x = new double[d];
    switch (name) {
      case "branin" -> x = new double[] {Math.PI, 2.275};
      case "hartmann3" -> x = new double[] {0.114614, 0.555649, 0.852547};
      case "hartmann6" ->
          x = new double[] {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573};
      case "rosenbrock", "levy" -> Arrays.fill(x, 1.0);
      case "styblinski_tang" -> Arrays.fill(x, -2.903534027771178);
      case "michalewicz" -> x = d == 2 ? new double[] {2.202905520, 1.570796327} : null;
      case "six_hump_camel" -> x = new double[] {0.0898420131, -0.7126564030};
      default -> {} // zeros
    }
    return x;
  }

  /** The formulas. */
  static final class F {
    private F() {}

    static double branin(double[] x) {
      double b = 5.1 / (4 * Math.PI * Math.PI);
      double c = 5 / Math.PI;
      double t = 1 / (8 * Math.PI);
      double u = x[1] - b * x[0] * x[0] + c * x[0] - 6;
      return u * u + 10 * (1 - t) * Math.cos(x[0]) + 10;
    }

    private static final double[] H_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] H3_A = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
    private static final double[][] H3_P = {
      {0.3689, 0.1170, 0.2673}, {0.4699, 0.4387, 0.7470},
      {0.1091, 0.8732, 0.5547}, {0.0381, 0.5743, 0.8828}
    };
    private static final double[][] H6_A = {
      {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
      {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}
    };
    private static final double[][] H6_P = {
      {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
      {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
      {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
      {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}
    };

    static double hartmann(double[] x, double[][] a, double[][] p) {
      double s = 0;
      for (int i = 0; i < 4; i++) {
        double e = 0;
        for (int j = 0; j < x.length; j++) {
          double d = x[j] - p[i][j];
          e += a[i][j] * d * d;
        }
        s += H_ALPHA[i] * Math.exp(-e);
      }
      return -s;
    }

    static double hartmann3(double[] x) {
      return hartmann(x, H3_A, H3_P);
    }

    static double hartmann6(double[] x) {
      return hartmann(x, H6_A, H6_P);
    }

    static double rosenbrock(double[] x) {
      double s = 0;
      for (int i = 0; i + 1 < x.length; i++) {
        double a = x[i + 1] - x[i] * x[i];
        double b = x[i] - 1;
        s += 100 * a * a + b * b;
      }
      return s;
    }

    static double ackley(double[] x) {
      double sq = 0;
      double cos = 0;
      for (double v : x) {
        sq += v * v;
        cos += Math.cos(2 * Math.PI * v);
      }
      int d = x.length;
      return -20 * Math.exp(-0.2 * Math.sqrt(sq / d)) - Math.exp(cos / d) + 20 + Math.E;
    }

    static double levy(double[] x) {
      int d = x.length;
      double[] w = new double[d];
      for (int i = 0; i < d; i++) {
        w[i] = 1 + (x[i] - 1) / 4;
      }
      double s = sq(Math.sin(Math.PI * w[0]));
      for (int i = 0; i < d - 1; i++) {
        s += sq(w[i] - 1) * (1 + 10 * sq(Math.sin(Math.PI * w[i] + 1)));
      }
      return s + sq(w[d - 1] - 1) * (1 + sq(Math.sin(2 * Math.PI * w[d - 1])));
    }

    static double styblinskiTang(double[] x) {
      double s = 0;
      for (double v : x) {
        s += v * v * v * v - 16 * v * v + 5 * v;
      }
      return s / 2;
    }

    static double michalewicz(double[] x) {
      double s = 0;
      for (int i = 0; i < x.length; i++) {
        s += Math.sin(x[i]) * Math.pow(Math.sin((i + 1) * x[i] * x[i] / Math.PI), 20);
      }
      return -s;
    }

    static double rastrigin(double[] x) {
      double s = 10 * x.length;
      for (double v : x) {
        s += v * v - 10 * Math.cos(2 * Math.PI * v);
      }
      return s;
    }

    static double sixHumpCamel(double[] x) {
      double a = x[0] * x[0];
      return (4 - 2.1 * a + a * a / 3) * a + x[0] * x[1] + (-4 + 4 * x[1] * x[1]) * x[1] * x[1];
    }

    static double griewank(double[] x) {
      double s = 0;
      double p = 1;
      for (int i = 0; i < x.length; i++) {
        s += x[i] * x[i] / 4000;
        p *= Math.cos(x[i] / Math.sqrt(i + 1));
      }
      return s - p + 1;
    }

    private static double sq(double v) {
      return v * v;
    }
  }
}
