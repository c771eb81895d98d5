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
 * coordinates as extra channels. Arguments: burgers|darcy TRAIN TEST EPOCHS SEED.
 */
public final class OperatorBench {
  private OperatorBench() {}

  public static void main(String[] args) {
    String task = args[0];
    int ntrain = Integer.parseInt(args[1]);
    int ntest = Integer.parseInt(args[2]);
    int epochs = Integer.parseInt(args[3]);
    int seed = Integer.parseInt(args[4]);
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
    double solveSecs = (System.nanoTime() - t0) / 1e9;
    String fno =
        burgers
            ? "{_type: fno, width: 16, modes: 12, layers: 4, hidden: 64}"
            : "{_type: fno, width: 8, modes: 6, layers: 4, hidden: 32}";
    String cnn = burgers ? cnn1d(42) : cnn2d(36);
    for (String[] m : new String[][] {{"fno", fno}, {"cnn", cnn}}) {
      long t1 = System.nanoTime();
      try (NDManager nd = Engine.getEngine("PyTorch").newBaseManager()) {
        Value spec = SpecCodec.fromYaml(m[1]);
        OperatorFit fit = new OperatorFit(spec, train[0].xShape(), nd, seed);
        fit.train(train[0], epochs, 20, 1e-3, seed);
        System.out.printf(
            Locale.ROOT,
            "task %s model %s params %d train_rel_l2 %.4f test_rel_l2 %.4f test2x_rel_l2 %.4f"
                + " train_seconds %.1f solver_seconds %.1f%n",
            task,
            m[0],
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
}
