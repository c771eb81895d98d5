package org.gyrus.nn.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.List;
import org.gyrus.nn.Scalars;

/**
 * S-KAN layer: every edge has one function per candidate space (B-spline, Chebyshev, Fourier,
 * wavelet), each a learned combination of n basis functions, and output node j mixes its edges'
 * candidates with softmax(α_j). {@link #prune} keeps the best-weighted space per node (a fixed
 * one-hot choice), after which the layer is a KAN with one basis family per node.
 */
public final class SkanLayer extends AbstractBlock {
  /** Candidate spaces, in the order of the mixing weights. */
  public static final List<String> SPACES = List.of("bspline", "chebyshev", "fourier", "wavelet");

  final int in;
  final int out;
  final int n;
  final double lo;
  final double hi;
  final Parameter coef;
  final Parameter alpha;
  final Parameter choice;
  final Parameter bias;

  public SkanLayer(int in, int out, int n, double lo, double hi) {
    this.in = in;
    this.out = out;
    this.n = n;
    this.lo = lo;
    this.hi = hi;
    int s = SPACES.size();
    float scale = (float) (0.3 / Math.sqrt(n));
    coef =
        addParameter(
            param("coef", new Shape(s, in, n, out), (m, sh, d) -> m.randomNormal(0, scale, sh, d)));
    alpha = addParameter(param("alpha", new Shape(out, s), Initializer.ZEROS));
    choice =
        addParameter(
            Parameter.builder()
                .setName("choice")
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape(out, s))
                .optInitializer(Initializer.ONES)
                .optRequiresGrad(false)
                .build());
    bias = addParameter(param("bias", new Shape(out), Initializer.ZEROS));
  }

  private static Parameter param(String name, Shape shape, Initializer init) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.OTHER)
        .optShape(shape)
        .optInitializer(init)
        .build();
  }

  /** The basis of space s at x (N, in): (N, in, n). */
  NDArray basis(int s, NDArray x) {
    NDManager m = x.getManager();
    double mid = (hi + lo) / 2;
    double half = (hi - lo) / 2;
    NDArray u = Scalars.div(x.sub(mid), half); // [-1, 1] on the nominal range
    switch (SPACES.get(s)) {
      case "bspline":
        {
          double[] t = BSpline.uniformKnots(lo, hi, n - 3, 3);
          NDArray knots =
              m.create(t)
                  .reshape(1, t.length)
                  .tile(new long[] {in, 1})
                  .toType(x.getDataType(), false);
          return BSpline.basis(x, knots, 3);
        }
      case "chebyshev":
        {
          // T_k(tanh u) by the recurrence, bounded for any input
          NDArray v = u.tanh();
          NDArray[] tk = new NDArray[n];
          tk[0] = v.onesLike();
          if (n > 1) {
            tk[1] = v;
          }
          for (int k = 2; k < n; k++) {
            tk[k] = Scalars.mul(v.mul(tk[k - 1]), 2).sub(tk[k - 2]);
          }
          return NDArrays.stack(new NDList(tk), 2);
        }
      case "fourier":
        {
          NDArray[] f = new NDArray[n];
          for (int k = 0; k < n; k++) {
            double w = Math.PI * (k / 2 + 1);
            f[k] = k % 2 == 0 ? Scalars.mul(u, w).sin() : Scalars.mul(u, w).cos();
          }
          return NDArrays.stack(new NDList(f), 2);
        }
      default:
        {
          // Mexican hats centred on a uniform grid, width one grid step
          NDArray[] w = new NDArray[n];
          double step = 2.0 / Math.max(1, n - 1);
          for (int k = 0; k < n; k++) {
            NDArray z = Scalars.div(u.sub(-1 + k * step), step);
            NDArray z2 = z.square();
            w[k] = z2.neg().add(1).mul(Scalars.mul(z2, -0.5).exp());
          }
          return NDArrays.stack(new NDList(w), 2);
        }
    }
  }

  /** Mixing weights per node: softmax(α_j) over the spaces still allowed, (out, S). */
  NDArray weights(ParameterStore ps, NDArray x, boolean training) {
    NDArray a = ps.getValue(alpha, x.getDevice(), training);
    NDArray allowed = ps.getValue(choice, x.getDevice(), training);
    NDArray e = a.sub(a.max(new int[] {1}, true)).exp().mul(allowed);
    return e.div(e.sum(new int[] {1}, true));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray c = ps.getValue(coef, x.getDevice(), training);
    NDArray w = weights(ps, x, training);
    NDArray y = null;
    for (int s = 0; s < SPACES.size(); s++) {
      NDArray b = basis(s, x); // (N, in, n)
      NDArray g = b.transpose(1, 0, 2).matMul(c.get(s)).sum(new int[] {0}); // (N, out)
      NDArray term = g.mul(w.get(":, " + s));
      y = y == null ? term : y.add(term);
    }
    return new NDList(y.add(ps.getValue(bias, x.getDevice(), training)));
  }

  /**
   * The selection loss for a layer fitted to y directly: Σ_s w_js · MSE(candidate s alone), so each
   * space must fit on its own and the weights move to the space that fits best (the loss of the
   * mixture lets the spaces co-adapt and leaves the weights undecided).
   */
  public NDArray selectionLoss(ParameterStore ps, NDArray x, NDArray y) {
    NDArray c = ps.getValue(coef, x.getDevice(), true);
    NDArray w = weights(ps, x, true);
    NDArray b = ps.getValue(bias, x.getDevice(), true);
    NDArray total = null;
    for (int s = 0; s < SPACES.size(); s++) {
      NDArray g = basis(s, x).transpose(1, 0, 2).matMul(c.get(s)).sum(new int[] {0}).add(b);
      NDArray perNode = g.sub(y).square().mean(new int[] {0}); // (out)
      NDArray term = perNode.mul(w.get(":, " + s)).sum();
      total = total == null ? term : total.add(term);
    }
    return total;
  }

  /** Keeps the highest-weighted space of every node; returns the chosen space per node. */
  public String[] prune() {
    double[] a = alpha.getArray().toDoubleArray();
    double[] mask = new double[out * SPACES.size()];
    String[] chosen = new String[out];
    for (int j = 0; j < out; j++) {
      int best = 0;
      for (int s = 1; s < SPACES.size(); s++) {
        if (a[j * SPACES.size() + s] > a[j * SPACES.size() + best]) {
          best = s;
        }
      }
      mask[j * SPACES.size() + best] = 1;
      chosen[j] = SPACES.get(best);
    }
    KanNet.set(choice, mask);
    return chosen;
  }

  /** softmax(α) per node, row-major (out × spaces). */
  public double[] mixture() {
    double[] a = alpha.getArray().toDoubleArray();
    double[] w = new double[a.length];
    int s = SPACES.size();
    for (int j = 0; j < out; j++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < s; k++) {
        max = Math.max(max, a[j * s + k]);
      }
      double sum = 0;
      for (int k = 0; k < s; k++) {
        w[j * s + k] = Math.exp(a[j * s + k] - max);
        sum += w[j * s + k];
      }
      for (int k = 0; k < s; k++) {
        w[j * s + k] /= sum;
      }
    }
    return w;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), out)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {}
}
