package org.gyrus.nn.fno;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;

/**
 * FNO vs a CNN of about equal parameters on data from our solvers. Burgers: ν=0.1, t=1, solved on
 * 256 points, trained at 64 and tested at 64 and (zero-shot) 128. Darcy: solved on 41×41 nodes,
 * trained at 21×21 (every other node) and tested at 21 and (zero-shot) 41. Inputs carry the grid
 * coordinates as extra channels; Darcy's are normalised point by point as Li et al.'s ({@link
 * #normalised}). Darcy's domain is not periodic: its FNO pads the grid by PADDING (a fraction of
 * each axis, default 0.1 as Li et al.'s 9 cells at 85; Burgers, periodic, none). Arguments:
 * burgers|darcy TRAIN TEST EPOCHS SEED [PADDING].
 */
public final class OperatorBench {
  private OperatorBench() {}

  public static void main(String[] args) {
    String task = args[0];
    int ntrain = Integer.parseInt(args[1]);
    int ntest = Integer.parseInt(args[2]);
    int epochs = Integer.parseInt(args[3]);
    int seed = Integer.parseInt(args[4]);
    double padding = args.length > 5 ? Double.parseDouble(args[5]) : task.equals("darcy") ? 0.1 : 0;
    long t0 = System.nanoTime();
    boolean burgers = task.equals("burgers");
    int coarse = burgers ? 4 : 2;
    int fine = burgers ? 2 : 1;
    OperatorFit.Fields[] train = new OperatorFit.Fields[1];
    OperatorFit.Fields[] test = new OperatorFit.Fields[2];
    SplittableRandom rng = new SplittableRandom(seed);
    double[][][] all = burgers ? burgers(ntrain + ntest, rng) : darcy(ntrain + ntest, rng);
    train[0] = fields(all, 0, ntrain, coarse, burgers);
    test[0] = fields(all, ntrain, ntest, coarse, burgers);
    test[1] = fields(all, ntrain, ntest, fine, burgers);
    if (!burgers) {
      OperatorFit.Fields[] n = normalised(train[0], test[0], test[1]);
      train[0] = n[0];
      test[0] = n[1];
      test[1] = n[2];
    }
    double solveSecs = (System.nanoTime() - t0) / 1e9;
    String fno =
        (burgers
                ? "{_type: fno, width: 16, modes: 12, layers: 4, hidden: 64"
                : "{_type: fno, width: 8, modes: 6, layers: 4, hidden: 32")
            + ", padding: "
            + padding
            + "}";
    String cnn = burgers ? cnn1d(42) : cnn2d(36);
    for (String[] m : new String[][] {{"fno", fno}, {"cnn", cnn}}) {
      long t1 = System.nanoTime();
      try (NDManager nd = Engine.getEngine("PyTorch").newBaseManager()) {
        Value spec = SpecCodec.fromYaml(m[1]);
        OperatorFit fit = new OperatorFit(spec, train[0].xShape(), nd, seed);
        fit.train(train[0], epochs, 20, 1e-3, seed);
        System.out.printf(
            Locale.ROOT,
            "task %s model %s fno_padding %s params %d train_rel_l2 %.4f test_rel_l2 %.4f test2x_rel_l2 %.4f"
                + " train_seconds %.1f solver_seconds %.1f%n",
            task,
            m[0],
            padding,
            fit.params(),
            fit.evaluate(train[0]),
            fit.evaluate(test[0]),
            fit.evaluate(test[1]),
            (System.nanoTime() - t1) / 1e9,
            solveSecs);
      }
    }
  }

  static String cnn1d(int c) {
    String conv = "{_type: conv1d, filters: " + c + ", kernel: 5, padding: 2, activation: gelu}";
    return "["
        + conv
        + ", "
        + conv
        + ", "
        + conv
        + ", "
        + conv
        + ", {_type: conv1d, filters: 1,"
        + " kernel: 1}]";
  }

  static String cnn2d(int c) {
    String conv = "{_type: conv2d, filters: " + c + ", kernel: 3, padding: 1, activation: gelu}";
    return "["
        + conv
        + ", "
        + conv
        + ", "
        + conv
        + ", "
        + conv
        + ", {_type: conv2d, filters: 1,"
        + " kernel: 1}]";
  }

  /** {inputs, outputs} per example at the solver's resolution. */
  static double[][][] burgers(int n, SplittableRandom rng) {
    double[][][] d = new double[n][2][];
    for (int i = 0; i < n; i++) {
      d[i][0] = Burgers.initial(256, rng);
      d[i][1] = Burgers.solve(d[i][0], 0.1, 1.0, 1.0 / 1000);
    }
    return d;
  }

  static double[][][] darcy(int n, SplittableRandom rng) {
    double[][][] d = new double[n][2][];
    for (int i = 0; i < n; i++) {
      d[i][0] = Darcy.permeability(Darcy.field(16, rng), 16, 41);
      d[i][1] = Darcy.solve(d[i][0], 41);
    }
    return d;
  }

  /** Examples from..from+n, subsampled by stride, with coordinate channels added. */
  static OperatorFit.Fields fields(double[][][] d, int from, int n, int stride, boolean oneD) {
    int full = oneD ? 256 : 41;
    int s = oneD ? full / stride : (full - 1) / stride + 1;
    int pts = oneD ? s : s * s;
    int cin = oneD ? 2 : 3;
    float[] x = new float[n * cin * pts];
    float[] y = new float[n * pts];
    for (int e = 0; e < n; e++) {
      for (int p = 0; p < pts; p++) {
        int src = oneD ? p * stride : (p / s) * stride * full + (p % s) * stride;
        int base = e * cin * pts;
        x[base + p] = (float) (oneD ? d[from + e][0][src] : d[from + e][0][src] / 12);
        if (oneD) {
          x[base + pts + p] = (float) p / s;
        } else {
          x[base + pts + p] = (float) (p / s) / (s - 1);
          x[base + 2 * pts + p] = (float) (p % s) / (s - 1);
        }
        y[e * pts + p] = (float) (oneD ? d[from + e][1][src] : d[from + e][1][src] * 100);
      }
    }
    Shape xs = oneD ? new Shape(cin, s) : new Shape(cin, s, s);
    Shape ys = oneD ? new Shape(1, s) : new Shape(1, s, s);
    return new OperatorFit.Fields(x, xs, y, ys, n);
  }

  /**
   * Li et al.'s UnitGaussianNormalizer for Darcy: the permeability channel encoded as (a - mean) /
   * std and the solution predicted in those units (decoded before the loss), mean and std per grid
   * point over the training examples at the training grid. A test grid of another size gets them
   * interpolated from the training grid, so the zero-shot test uses nothing of the finer data.
   * Decoding with the std also pins u to its zero boundary values.
   */
  static OperatorFit.Fields[] normalised(OperatorFit.Fields train, OperatorFit.Fields... tests) {
    int s = (int) train.yShape().get(1);
    int pts = s * s;
    float[][] xs = moments(train.x(), train.n(), (int) train.xShape().size(), pts);
    float[][] ys = moments(train.y(), train.n(), pts, pts);
    OperatorFit.Fields[] out = new OperatorFit.Fields[tests.length + 1];
    out[0] = encoded(train, xs, ys);
    for (int i = 0; i < tests.length; i++) {
      int t = (int) tests[i].yShape().get(1);
      boolean same = t == s;
      float[][] tx = same ? xs : new float[][] {refine(xs[0], s), refine(xs[1], s)};
      float[][] ty = same ? ys : new float[][] {refine(ys[0], s), refine(ys[1], s)};
      out[i + 1] = encoded(tests[i], tx, ty);
    }
    return out;
  }

  /** {mean, std + 1e-5} per point of the first pts values of each example (stride apart). */
  private static float[][] moments(float[] v, int n, int stride, int pts) {
    float[][] m = new float[2][pts];
    for (int p = 0; p < pts; p++) {
      double sum = 0;
      double sq = 0;
      for (int e = 0; e < n; e++) {
        double x = v[e * stride + p];
        sum += x;
        sq += x * x;
      }
      double mean = sum / n;
      m[0][p] = (float) mean;
      m[1][p] = (float) (Math.sqrt(Math.max(0, sq / n - mean * mean)) + 1e-5);
    }
    return m;
  }

  private static OperatorFit.Fields encoded(OperatorFit.Fields f, float[][] xs, float[][] ys) {
    int pts = ys[0].length;
    int stride = (int) f.xShape().size();
    float[] x = f.x().clone();
    for (int e = 0; e < f.n(); e++) {
      for (int p = 0; p < pts; p++) {
        x[e * stride + p] = (x[e * stride + p] - xs[0][p]) / xs[1][p];
      }
    }
    return new OperatorFit.Fields(x, f.xShape(), f.y(), f.yShape(), f.n(), ys[0], ys[1]);
  }

  /** An s×s node grid's values bilinearly at the (2s-1)×(2s-1) grid of the same square. */
  static float[] refine(float[] c, int s) {
    int f = 2 * s - 1;
    float[] out = new float[f * f];
    for (int i = 0; i < f; i++) {
      for (int j = 0; j < f; j++) {
        int i0 = i / 2;
        int i1 = (i + 1) / 2;
        int j0 = j / 2;
        int j1 = (j + 1) / 2;
        out[i * f + j] = (c[i0 * s + j0] + c[i0 * s + j1] + c[i1 * s + j0] + c[i1 * s + j1]) / 4;
      }
    }
    return out;
  }
}
