package org.gyrus.nn.explain;

import java.util.Arrays;

/**
 * Labels a unit with the concept whose pixel masks share the most information with the unit's
 * activation masks (B18 with a closed vocabulary; NetDissect's thresholding). A unit's activation
 * maps over the probe images are upsampled (nearest) to the image size and thresholded at their
 * {@code quantile} over all probe pixels; for each concept the 2×2 table of (unit on, concept
 * present) over all pixels of all probe images gives the mutual information in bits (and the IoU,
 * reported beside it).
 */
public final class ConceptLabeler {
  private final Scenes.Scene[] probes;
  private final double quantile;

  /**
   * One unit's label.
   *
   * @param concept index into {@link Scenes#CONCEPTS}, -1 when the unit never fires
   */
  public record Label(int concept, double mutualInformation, double iou) {
    public String name() {
      return concept < 0 ? "none" : Scenes.CONCEPTS.get(concept);
    }
  }

  public ConceptLabeler(Scenes.Scene[] probes, double quantile) {
    this.probes = probes;
    this.quantile = quantile;
  }

  /**
   * @param maps {@code maps[image][h*w]} the unit's activation map per probe image, square
   */
  public Label label(float[][] maps) {
    int side = (int) Math.round(Math.sqrt(maps[0].length));
    int s = Scenes.SIZE;
    float[] all = new float[maps.length * maps[0].length];
    for (int i = 0; i < maps.length; i++) {
      System.arraycopy(maps[i], 0, all, i * maps[0].length, maps[0].length);
    }
    Arrays.sort(all);
    float threshold = all[Math.min(all.length - 1, (int) (quantile * all.length))];
    if (!(all[all.length - 1] > threshold)) {
      return new Label(-1, 0, 0);
    }
    int k = Scenes.CONCEPTS.size();
    long[][] n = new long[k][4]; // index: 2 * on + present
    for (int i = 0; i < probes.length; i++) {
      for (int p = 0; p < s * s; p++) {
        int src = ((p / s) * side / s) * side + (p % s) * side / s;
        int on = maps[i][src] > threshold ? 1 : 0;
        boolean object = probes[i].object()[p];
        for (int c = 0; c < k; c++) {
          int present = object && probes[i].has(c) ? 1 : 0;
          n[c][2 * on + present]++;
        }
      }
    }
    int best = 0;
    double[] mi = new double[k];
    for (int c = 0; c < k; c++) {
      mi[c] = mutualInformation(n[c]);
      if (mi[c] > mi[best]) {
        best = c;
      }
    }
    long[] t = n[best];
    double iou = (double) t[3] / (t[3] + t[2] + t[1]);
    return new Label(best, mi[best], iou);
  }

  /** MI in bits of a 2×2 table {@code [off∧absent, off∧present, on∧absent, on∧present]}. */
  static double mutualInformation(long[] t) {
    double total = t[0] + t[1] + t[2] + t[3];
    double mi = 0;
    for (int on = 0; on < 2; on++) {
      for (int pr = 0; pr < 2; pr++) {
        double joint = t[2 * on + pr] / total;
        double pOn = (t[2 * on] + t[2 * on + 1]) / total;
        double pPr = (t[pr] + t[2 + pr]) / total;
        if (joint > 0) {
          mi += joint * Math.log(joint / (pOn * pPr)) / Math.log(2);
        }
      }
    }
    return mi;
  }
}
