package org.gyrus.nn.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gyrus.nn.train.Lbfgs;

/**
 * A KAN made of closed-form edges: every unpruned edge snapped to its best library fit, the
 * constants (a, b, c, d per edge, bias per node) then tuned jointly by L-BFGS on the data (pykan's
 * {@code auto_symbolic} followed by training the affine parameters). A network of KAN layers only.
 */
public final class SymbolicKan {
  private final int inputs;
  private final List<Symbolic.Fit[][]> edges;
  private final double[] constants;

  private SymbolicKan(int inputs, List<Symbolic.Fit[][]> edges, double[] constants) {
    this.inputs = inputs;
    this.edges = edges;
    this.constants = constants;
  }

  /** Snaps every edge of net on the samples x (N, inputs). */
  public static SymbolicKan snap(KanNet net, NDArray x) {
    List<Symbolic.Fit[][]> layers = new ArrayList<>();
    List<Double> consts = new ArrayList<>();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      List<KanLayer> ls = net.kanLayers();
      List<NDArray> ins = net.kanInputs(x);
      for (int l = 0; l < ls.size(); l++) {
        KanLayer layer = ls.get(l);
        int n = (int) x.getShape().get(0);
        double[] xin = ins.get(l).toDoubleArray();
        double[] phi = layer.edges(net.store(), ins.get(l), false).toDoubleArray();
        double[] mask = layer.mask.getArray().toDoubleArray();
        Symbolic.Fit[][] fits = new Symbolic.Fit[layer.in][layer.out];
        for (int i = 0; i < layer.in; i++) {
          for (int j = 0; j < layer.out; j++) {
            if (mask[i * layer.out + j] == 0) {
              continue;
            }
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int r = 0; r < n; r++) {
              xs[r] = xin[r * layer.in + i];
              ys[r] = phi[(r * layer.in + i) * layer.out + j];
            }
            fits[i][j] = Symbolic.best(xs, ys);
          }
        }
        double[] bias =
            layer.bias == null ? new double[layer.out] : layer.bias.getArray().toDoubleArray();
        for (int j = 0; j < layer.out; j++) {
          consts.add(bias[j]);
        }
        layers.add(fits);
      }
    }
    double[] c = new double[consts.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = consts.get(i);
    }
    SymbolicKan s = new SymbolicKan(net.inputs(), layers, null);
    return new SymbolicKan(net.inputs(), layers, s.pack(c));
  }

  /** All constants in one vector: per layer, every edge's (a, b, c, d), then node biases. */
  private double[] pack(double[] biases) {
    List<Double> v = new ArrayList<>();
    int bi = 0;
    for (Symbolic.Fit[][] fits : edges) {
      for (Symbolic.Fit[] row : fits) {
        for (Symbolic.Fit f : row) {
          if (f != null) {
            v.add(f.a());
            v.add(f.b());
            v.add(f.c());
            v.add(f.d());
          }
        }
      }
      for (int j = 0; j < fits[0].length; j++) {
        v.add(biases[bi++]);
      }
    }
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i);
    }
    return out;
  }

  /** The network's outputs at one point under the constants w. */
  private double[] eval(double[] w, double[] point) {
    double[] h = point;
    int k = 0;
    for (Symbolic.Fit[][] fits : edges) {
      double[] next = new double[fits[0].length];
      for (int i = 0; i < fits.length; i++) {
        for (int j = 0; j < fits[i].length; j++) {
          Symbolic.Fit f = fits[i][j];
          if (f != null) {
            next[j] += w[k] * f.fn().f().applyAsDouble(w[k + 1] * h[i] + w[k + 2]) + w[k + 3];
            k += 4;
          }
        }
      }
      for (int j = 0; j < next.length; j++) {
        next[j] += w[k++];
      }
      h = next;
    }
    return h;
  }

  /** Mean squared error of output 0 on rows of x (n × inputs) against y. */
  public double mse(double[] w, double[] x, double[] y) {
    double s = 0;
    for (int r = 0; r < y.length; r++) {
      double[] p = new double[inputs];
      System.arraycopy(x, r * inputs, p, 0, inputs);
      double e = eval(w, p)[0] - y[r];
      s += e * e;
    }
    return s / y.length;
  }

  public double rmse(double[] x, double[] y) {
    return Math.sqrt(mse(constants, x, y));
  }

  /** Tunes every constant by L-BFGS (central-difference gradients) on (x, y). */
  public double tune(double[] x, double[] y, int iterations) {
    Lbfgs.Objective f =
        (w, g) -> {
          for (int i = 0; i < w.length; i++) {
            double h = 1e-7 * Math.max(1, Math.abs(w[i]));
            double keep = w[i];
            w[i] = keep + h;
            double up = mse(w, x, y);
            w[i] = keep - h;
            double down = mse(w, x, y);
            w[i] = keep;
            g[i] = (up - down) / (2 * h);
          }
          return mse(w, x, y);
        };
    return new Lbfgs(10).minimise(f, constants, iterations);
  }

  /** Output 0 as a formula in x1..xd with the current constants. */
  public String formula() {
    String[] names = new String[inputs];
    for (int i = 0; i < inputs; i++) {
      names[i] = "x" + (i + 1);
    }
    int k = 0;
    for (Symbolic.Fit[][] fits : edges) {
      String[] next = new String[fits[0].length];
      for (int j = 0; j < next.length; j++) {
        next[j] = "";
      }
      for (int i = 0; i < fits.length; i++) {
        for (int j = 0; j < fits[i].length; j++) {
          Symbolic.Fit f = fits[i][j];
          if (f != null) {
            Symbolic.Fit tuned =
                new Symbolic.Fit(
                    f.fn(), constants[k], constants[k + 1], constants[k + 2], constants[k + 3], 1);
            k += 4;
            String arg = names[i].contains(" ") ? "(" + names[i] + ")" : names[i];
            next[j] += (next[j].isEmpty() ? "" : " + ") + tuned.format(arg);
          }
        }
      }
      for (int j = 0; j < next.length; j++) {
        next[j] += String.format(Locale.ROOT, " %+.4g", constants[k++]);
      }
      names = next;
    }
    return names[0];
  }

  /** The library function chosen for each edge, layer by layer ("-" for a pruned edge). */
  public List<String> functions() {
    List<String> out = new ArrayList<>();
    for (Symbolic.Fit[][] fits : edges) {
      for (Symbolic.Fit[] row : fits) {
        for (Symbolic.Fit f : row) {
          out.add(f == null ? "-" : f.fn().name());
        }
      }
    }
    return out;
  }
}
