package org.gyrus.nn.explain;

import java.util.Arrays;

/**
 * Proofs from the last layers alone. Every input of a NAP region sends the outputs {@code a_{s-1}}
 * of hidden layer {@code s-1} into the box their (sound) pre-activation bounds give, and from there
 * through the layers {@code s..} whose neurons the pattern and the bounds mostly fix. So the exact
 * MILP over the tail network alone, with that box as its input domain, the pattern's sign
 * constraints and the bounds of its layers, maximises {@code y_rival - y_target} over a superset of
 * the region: an optimum below the margin proves the rival for the whole network. When the deep
 * layers are almost all fixed (B17's network: layers 3-4 nearly all off) the tail is an LP or a
 * MILP with a handful of binaries, where the whole network's MILP has hundreds. A tail optimum
 * above the margin proves nothing (its maximiser need not come from any input).
 */
final class TailBound {
  private TailBound() {}

  /** The tail from hidden layer {@code s} (s = hidden layers: the output layer alone). */
  record Tail(ReluMlp net, Nap nap, Bounds bounds) {}

  static Tail tail(ReluMlp net, Nap nap, Bounds b, int s) {
    int hidden = net.hiddenLayers();
    if (s < 1 || s > hidden) {
      throw new IllegalArgumentException("tail start " + s + " not in 1.." + hidden);
    }
    int width = net.width(s - 1);
    double[] lo = new double[width];
    double[] hi = new double[width];
    for (int k = 0; k < width; k++) {
      boolean off = nap.state()[s - 1][k] == Nap.INACTIVE || b.hi()[s - 1][k] <= 0;
      lo[k] = off ? 0 : Math.max(0, b.lo()[s - 1][k]);
      hi[k] = off ? 0 : Math.max(lo[k], b.hi()[s - 1][k]);
    }
    ReluMlp t =
        new ReluMlp(
            Arrays.copyOfRange(net.w(), s, hidden + 1),
            Arrays.copyOfRange(net.b(), s, hidden + 1),
            lo,
            hi);
    return new Tail(
        t,
        new Nap(Arrays.copyOfRange(nap.state(), s, hidden)),
        new Bounds(
            Arrays.copyOfRange(b.lo(), s, hidden), Arrays.copyOfRange(b.hi(), s, hidden), false));
  }

  /**
   * Whether some tail, tried from the shortest (the output layer over the last hidden layer's box)
   * to the one from hidden layer 1, proves that no input of the region has {@code y_rival >=
   * y_target}; the tails share {@code ms} milliseconds equally, each stops early when proven.
   *
   * @param b pre-activation bounds sound for the region (box ∩ pattern) of the whole network
   */
  static boolean proves(ReluMlp net, Nap nap, Bounds b, int target, int rival, long ms) {
    long deadline = System.nanoTime() + ms * 1_000_000L;
    int hidden = net.hiddenLayers();
    for (int s = hidden; s >= 1; s--) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return false;
      }
      Tail t = tail(net, nap, b, s);
      MilpVerifier m = new MilpVerifier(t.net(), left, false);
      MilpVerifier.Outcome o =
          m.rival(t.net().lo(), t.net().hi(), t.nap(), t.bounds(), target, rival, left / s);
      if (o.status() == Verdict.Status.PROVEN) {
        return true;
      }
    }
    return false;
  }
}
