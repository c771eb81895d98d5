package org.gyrus.nn.explain;

/**
 * Interval bounds of every hidden pre-activation over an input box, tightened by a pattern (an
 * active neuron's lower bound is raised to 0, an inactive one's output is 0). Computed in doubles;
 * the verifier only trusts a sign with a margin, so rounding cannot make it unsound.
 *
 * @param lo {@code lo[layer][neuron]} lower bounds of pre-activations (hidden layers only)
 * @param hi upper bounds
 * @param empty whether the pattern contradicts the bounds (no input in the box matches it)
 */
public record Bounds(double[][] lo, double[][] hi, boolean empty) {
  /** Margin below which a bound's sign is not trusted. */
  static final double MARGIN = 1e-7;

  public static Bounds of(ReluMlp net, double[] boxLo, double[] boxHi, Nap nap) {
    int hidden = net.hiddenLayers();
    double[][] lo = new double[hidden][];
    double[][] hi = new double[hidden][];
    double[] aLo = boxLo;
    double[] aHi = boxHi;
    boolean empty = false;
    for (int l = 0; l < hidden; l++) {
      int n = net.width(l);
      lo[l] = new double[n];
      hi[l] = new double[n];
      for (int j = 0; j < n; j++) {
        double[] r = range(net, l, j, aLo, aHi, nap);
        empty |= r[0] > r[1] + MARGIN;
        lo[l][j] = r[0];
        hi[l][j] = r[1];
      }
      aLo = relu(lo[l]);
      aHi = relu(hi[l]);
    }
    return new Bounds(lo, hi, empty);
  }

  /**
   * Interval bounds again for the layers after {@code layer}, from this record's (possibly
   * LP-tightened) bounds of {@code layer}, intersected with the bounds already held: both are
   * sound, so their intersection is.
   */
  Bounds repropagate(ReluMlp net, int layer, Nap nap) {
    boolean isEmpty = empty;
    for (int l = layer + 1; l < lo.length; l++) {
      double[] aLo = relu(lo[l - 1]);
      double[] aHi = relu(hi[l - 1]);
      for (int j = 0; j < lo[l].length; j++) {
        double[] r = range(net, l, j, aLo, aHi, nap);
        lo[l][j] = Math.max(lo[l][j], r[0]);
        hi[l][j] = Math.min(hi[l][j], r[1]);
        isEmpty |= lo[l][j] > hi[l][j] + MARGIN;
      }
    }
    return new Bounds(lo, hi, isEmpty);
  }

  /**
   * {lower, upper} of neuron j's pre-activation in layer l when its inputs lie in [aLo, aHi],
   * clipped by the pattern's sign for that neuron.
   */
  private static double[] range(ReluMlp net, int l, int j, double[] aLo, double[] aHi, Nap nap) {
    double[] row = net.w()[l][j];
    double sLo = net.b()[l][j];
    double sHi = sLo;
    for (int i = 0; i < row.length; i++) {
      double w = row[i];
      sLo += w >= 0 ? w * aLo[i] : w * aHi[i];
      sHi += w >= 0 ? w * aHi[i] : w * aLo[i];
    }
    int s = nap.state()[l][j];
    if (s == Nap.ACTIVE) {
      sLo = Math.max(sLo, 0);
    } else if (s == Nap.INACTIVE) {
      sHi = Math.min(sHi, 0);
    }
    return new double[] {sLo, sHi};
  }

  private static double[] relu(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.max(0, v[i]);
    }
    return out;
  }

  /** A deep copy (the LP tightening writes into its arrays). */
  Bounds copy() {
    double[][] l2 = new double[lo.length][];
    double[][] h2 = new double[hi.length][];
    for (int l = 0; l < lo.length; l++) {
      l2[l] = lo[l].clone();
      h2[l] = hi[l].clone();
    }
    return new Bounds(l2, h2, empty);
  }
}
