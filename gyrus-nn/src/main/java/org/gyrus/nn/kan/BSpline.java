package org.gyrus.nn.kan;

import ai.djl.ndarray.NDArray;

/** B-spline bases by the Cox–de Boor recursion, as engine arrays so autograd reaches the input. */
public final class BSpline {
  private BSpline() {}

  /**
   * The order-k bases of every input on its own knot vector.
   *
   * @param x (N, in)
   * @param knots (in, M), non-decreasing per row; M = G + 2k + 1 for G grid intervals
   * @return (N, in, M - 1 - k) = (N, in, G + k); zero outside [t_k, t_{G+k})
   */
  public static NDArray basis(NDArray x, NDArray knots, int k) {
    NDArray xe = x.expandDims(2);
    NDArray t = knots.expandDims(0);
    NDArray b =
        xe.gte(t.get(":, :, :-1"))
            .logicalAnd(xe.lt(t.get(":, :, 1:")))
            .toType(x.getDataType(), false);
    for (int p = 1; p <= k; p++) {
      NDArray tl = t.get(":, :, :-" + (p + 1));
      NDArray tr = t.get(":, :, " + p + ":-1");
      NDArray tl1 = t.get(":, :, 1:-" + p);
      NDArray tr1 = t.get(":, :, " + (p + 1) + ":");
      NDArray left = xe.sub(tl).div(tr.sub(tl)).mul(b.get(":, :, :-1"));
      NDArray right = tr1.sub(xe).div(tr1.sub(tl1)).mul(b.get(":, :, 1:"));
      b = left.add(right);
    }
    return b;
  }

  /** G+2k+1 knots: G uniform intervals on [lo, hi] extended by k intervals each side. */
  public static double[] uniformKnots(double lo, double hi, int g, int k) {
    double h = (hi - lo) / g;
    double[] t = new double[g + 2 * k + 1];
    for (int j = 0; j < t.length; j++) {
      t[j] = lo + (j - k) * h;
    }
    return t;
  }

  /**
   * pykan's grid from samples: G+1 points mixing sample quantiles (weight 1-eps) with a uniform
   * grid over the sample range (weight eps), extended by k uniform intervals each side.
   */
  public static double[] knotsFromSamples(double[] sortedSamples, int g, int k, double eps) {
    int n = sortedSamples.length;
    double lo = sortedSamples[0];
    double hi = sortedSamples[n - 1];
    if (hi - lo < 1e-9) {
      lo -= 0.5;
      hi += 0.5;
    }
    double h = (hi - lo) / g;
    double[] t = new double[g + 2 * k + 1];
    for (int i = 0; i <= g; i++) {
      int q = (int) Math.min(n - 1, Math.round((double) i * (n - 1) / g));
      double adaptive = sortedSamples[q];
      double uniform = lo + i * h;
      t[i + k] = eps * uniform + (1 - eps) * adaptive;
    }
    // the last interval is half-open: nudge the top knot so the largest sample is inside
    t[g + k] = Math.max(t[g + k], hi + 1e-9 * (1 + Math.abs(hi)));
    for (int j = 1; j <= k; j++) {
      t[k - j] = t[k] - j * h;
      t[g + k + j] = t[g + k] + j * h;
    }
    return t;
  }
}
