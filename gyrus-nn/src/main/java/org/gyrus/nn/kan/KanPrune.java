package org.gyrus.nn.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.List;

/**
 * Pruning by edge importance: an edge's score is the mean |φ_ij| over the samples divided by the
 * largest score in its layer; edges below the threshold are masked out (their mask entry set to 0),
 * and a hidden node whose incoming or outgoing edges are all masked loses the others too.
 */
public final class KanPrune {
  private KanPrune() {}

  /** Masks weak edges of every KAN layer on samples x; returns the number of edges masked. */
  public static int prune(KanNet net, NDArray x, double threshold) {
    int pruned = 0;
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      List<KanLayer> ls = net.kanLayers();
      List<NDArray> ins = net.kanInputs(x);
      for (int l = 0; l < ls.size(); l++) {
        KanLayer layer = ls.get(l);
        double[] score =
            layer.edges(net.store(), ins.get(l), false).abs().mean(new int[] {0}).toDoubleArray();
        double max = 0;
        for (double s : score) {
          max = Math.max(max, s);
        }
        double[] mask = layer.mask.getArray().toDoubleArray();
        for (int e = 0; e < mask.length; e++) {
          if (mask[e] != 0 && score[e] < threshold * max) {
            mask[e] = 0;
            pruned++;
          }
        }
        KanNet.set(layer.mask, mask);
      }
      for (int l = 0; l + 1 < ls.size(); l++) {
        pruned += dropDeadNodes(ls.get(l), ls.get(l + 1));
      }
    }
    return pruned;
  }

  /** Hidden node j between layers a and b: dead when all its in- or out-edges are masked. */
  private static int dropDeadNodes(KanLayer a, KanLayer b) {
    double[] ma = a.mask.getArray().toDoubleArray();
    double[] mb = b.mask.getArray().toDoubleArray();
    int pruned = 0;
    for (int j = 0; j < a.out; j++) {
      boolean anyIn = false;
      for (int i = 0; i < a.in; i++) {
        anyIn |= ma[i * a.out + j] != 0;
      }
      boolean anyOut = false;
      for (int k = 0; k < b.out; k++) {
        anyOut |= mb[j * b.out + k] != 0;
      }
      if (anyIn != anyOut) {
        for (int i = 0; i < a.in; i++) {
          pruned += ma[i * a.out + j] != 0 ? 1 : 0;
          ma[i * a.out + j] = 0;
        }
        for (int k = 0; k < b.out; k++) {
          pruned += mb[j * b.out + k] != 0 ? 1 : 0;
          mb[j * b.out + k] = 0;
        }
      }
    }
    KanNet.set(a.mask, ma);
    KanNet.set(b.mask, mb);
    return pruned;
  }

  /** Edges still active, per KAN layer. */
  public static int[] activeEdges(KanNet net) {
    List<KanLayer> ls = net.kanLayers();
    int[] n = new int[ls.size()];
    for (int l = 0; l < ls.size(); l++) {
      for (double m : ls.get(l).mask.getArray().toDoubleArray()) {
        n[l] += m != 0 ? 1 : 0;
      }
    }
    return n;
  }
}
