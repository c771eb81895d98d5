package org.gyrus.nn.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gyrus.core.SpecError;

/**
 * A fully connected ReLU network in plain doubles, the form the verifier reasons about: hidden
 * layers {@code relu(W x + b)}, a linear output layer, inputs restricted to the box {@code [lo,
 * hi]}. Weights are the float32 values of the trained network, held exactly as doubles.
 *
 * @param w per layer, {@code w[l][out][in]}
 * @param b per layer, {@code b[l][out]}
 * @param lo lower input bounds
 * @param hi upper input bounds
 */
public record ReluMlp(double[][][] w, double[][] b, double[] lo, double[] hi) {
  public ReluMlp {
    if (w.length != b.length || w.length < 1) {
      throw new IllegalArgumentException("need one bias per layer and at least one layer");
    }
    for (int l = 0; l < w.length; l++) {
      int in = l == 0 ? lo.length : w[l - 1].length;
      if (w[l].length != b[l].length || w[l][0].length != in) {
        throw new IllegalArgumentException("layer " + l + " has inconsistent shapes");
      }
    }
  }

  public int inputs() {
    return lo.length;
  }

  public int outputs() {
    return b[b.length - 1].length;
  }

  /** Hidden (ReLU) layers: all but the last. */
  public int hiddenLayers() {
    return w.length - 1;
  }

  public int width(int layer) {
    return b[layer].length;
  }

  /** Pre-activations of every layer, the output logits last. */
  public double[][] preActivations(double[] x) {
    double[][] z = new double[w.length][];
    double[] a = x;
    for (int l = 0; l < w.length; l++) {
      z[l] = affine(l, a);
      a = l < w.length - 1 ? relu(z[l]) : z[l];
    }
    return z;
  }

  public double[] logits(double[] x) {
    double[][] z = preActivations(x);
    return z[z.length - 1];
  }

  /** The class with the largest logit (the lowest index among ties). */
  public int predict(double[] x) {
    return argMax(logits(x));
  }

  static int argMax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  private double[] affine(int l, double[] a) {
    double[] z = new double[b[l].length];
    for (int o = 0; o < z.length; o++) {
      double s = b[l][o];
      double[] row = w[l][o];
      for (int i = 0; i < a.length; i++) {
        s += row[i] * a[i];
      }
      z[o] = s;
    }
    return z;
  }

  private static double[] relu(double[] z) {
    double[] r = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      r[i] = Math.max(0, z[i]);
    }
    return r;
  }

  /**
   * Reads the weights of a trained DJL block compiled from a spec of {@code flatten} and {@code
   * dense} layers with ReLU activations (plus the dense head): parameters come in (weight, bias)
   * pairs in layer order, DJL's weights as {@code (out, in)}.
   */
  public static ReluMlp fromBlock(Block block, double[] lo, double[] hi) {
    List<double[][]> ws = new ArrayList<>();
    List<double[]> bs = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      NDArray a = p.getValue().getArray();
      float[] v = a.toFloatArray();
      if (p.getValue().getType() == Parameter.Type.WEIGHT && a.getShape().dimension() == 2) {
        int out = (int) a.getShape().get(0);
        int in = (int) a.getShape().get(1);
        double[][] m = new double[out][in];
        for (int o = 0; o < out; o++) {
          for (int i = 0; i < in; i++) {
            m[o][i] = v[o * in + i];
          }
        }
        ws.add(m);
      } else if (p.getValue().getType() == Parameter.Type.BIAS && ws.size() == bs.size() + 1) {
        bs.add(toDoubles(v));
      } else {
        throw new SpecError(
            p.getKey(), "a ReLU MLP (dense layers with biases only), got parameter " + p.getKey());
      }
    }
    return new ReluMlp(ws.toArray(double[][][]::new), bs.toArray(double[][]::new), lo, hi);
  }

  private static double[] toDoubles(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  private static final int MAGIC = 0x52654c55; // "ReLU"

  /**
   * Writes the network (shapes, weights, input box) so a later analysis can reuse the exact network
   * instead of retraining it.
   */
  public void write(Path path) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(path)))) {
      out.writeInt(MAGIC);
      out.writeInt(w.length);
      out.writeInt(inputs());
      for (int l = 0; l < w.length; l++) {
        out.writeInt(b[l].length);
      }
      for (int l = 0; l < w.length; l++) {
        for (double[] row : w[l]) {
          for (double v : row) {
            out.writeDouble(v);
          }
        }
        for (double v : b[l]) {
          out.writeDouble(v);
        }
      }
      for (int i = 0; i < inputs(); i++) {
        out.writeDouble(lo[i]);
        out.writeDouble(hi[i]);
      }
    }
  }

  /** Reads a network written by {@link #write}. */
  public static ReluMlp read(Path path) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(path)))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(path + " is not a ReluMlp file");
      }
      int layers = in.readInt();
      int inputs = in.readInt();
      int[] widths = new int[layers];
      for (int l = 0; l < layers; l++) {
        widths[l] = in.readInt();
      }
      double[][][] w = new double[layers][][];
      double[][] b = new double[layers][];
      for (int l = 0; l < layers; l++) {
        int fanIn = l == 0 ? inputs : widths[l - 1];
        w[l] = new double[widths[l]][fanIn];
        for (double[] row : w[l]) {
          for (int i = 0; i < fanIn; i++) {
            row[i] = in.readDouble();
          }
        }
        b[l] = new double[widths[l]];
        for (int o = 0; o < widths[l]; o++) {
          b[l][o] = in.readDouble();
        }
      }
      double[] lo = new double[inputs];
      double[] hi = new double[inputs];
      for (int i = 0; i < inputs; i++) {
        lo[i] = in.readDouble();
        hi[i] = in.readDouble();
      }
      return new ReluMlp(w, b, lo, hi);
    }
  }

  /** Fraction of {@code xs} classified as {@code ys} (double-precision forward pass). */
  public double accuracy(double[][] xs, int[] ys) {
    int right = 0;
    for (int i = 0; i < xs.length; i++) {
      right += predict(xs[i]) == ys[i] ? 1 : 0;
    }
    return (double) right / xs.length;
  }

  /** A box of the same value range on every input. */
  public static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }
}
