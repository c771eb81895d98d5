package org.gyrus.nn.explain;

import java.util.List;

/**
 * Mines one NAP per class from that class's training inputs: a neuron of a chosen layer is in NAP_c
 * as active when it is active on at least a fraction {@code delta} of them, as inactive when
 * inactive on at least {@code delta} of them (the paper's δ relaxation; δ = 1 keeps only neurons
 * that never change).
 */
public final class NapMiner {
  private NapMiner() {}

  /**
   * @param layers the hidden layers the patterns cover (indices into the network's hidden layers)
   * @param xs inputs, {@code ys} their labels
   */
  public static Nap[] mine(
      ReluMlp net, List<Integer> layers, double delta, double[][] xs, int[] ys) {
    if (!(delta > 0.5 && delta <= 1)) {
      throw new IllegalArgumentException("delta must be in (0.5, 1], got " + delta);
    }
    int classes = net.outputs();
    int hidden = net.hiddenLayers();
    for (int l : layers) {
      if (l < 0 || l >= hidden) {
        throw new IllegalArgumentException(
            "layer " + l + " is not a hidden layer (0.." + hidden + ")");
      }
    }
    int[][][] active = new int[classes][hidden][];
    int[] count = new int[classes];
    for (int c = 0; c < classes; c++) {
      for (int l = 0; l < hidden; l++) {
        active[c][l] = new int[net.width(l)];
      }
    }
    for (int i = 0; i < xs.length; i++) {
      double[][] z = net.preActivations(xs[i]);
      int c = ys[i];
      count[c]++;
      for (int l = 0; l < hidden; l++) {
        for (int j = 0; j < z[l].length; j++) {
          active[c][l][j] += z[l][j] > 0 ? 1 : 0;
        }
      }
    }
    Nap[] naps = new Nap[classes];
    for (int c = 0; c < classes; c++) {
      int[][] s = new int[hidden][];
      for (int l = 0; l < hidden; l++) {
        s[l] = new int[net.width(l)];
        if (!layers.contains(l) || count[c] == 0) {
          continue;
        }
        for (int j = 0; j < s[l].length; j++) {
          double on = (double) active[c][l][j] / count[c];
          s[l][j] = on >= delta ? Nap.ACTIVE : (1 - on >= delta ? Nap.INACTIVE : Nap.FREE);
        }
      }
      naps[c] = new Nap(s);
    }
    return naps;
  }
}
