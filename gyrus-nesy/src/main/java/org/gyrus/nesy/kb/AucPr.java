package org.gyrus.nesy.kb;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the precision-recall curve as average precision: sum over score thresholds (ties form
 * one threshold) of (recall step) x precision, without interpolation. This is what the NTP / GNTP /
 * CTP Countries evaluation reports (scikit-learn's average_precision_score over the pooled scores
 * of all test countries and regions).
 */
public final class AucPr {
  private AucPr() {}

  public static double averagePrecision(double[] scores, boolean[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException("scores and labels differ in length");
    }
    int positives = 0;
    for (boolean l : labels) {
      positives += l ? 1 : 0;
    }
    if (positives == 0) {
      return Double.NaN;
    }
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    double ap = 0;
    int tp = 0;
    int seen = 0;
    double lastRecall = 0;
    for (int k = 0; k < order.length; ) {
      double s = scores[order[k]];
      while (k < order.length && scores[order[k]] == s) {
        tp += labels[order[k]] ? 1 : 0;
        seen++;
        k++;
      }
      double recall = (double) tp / positives;
      ap += (recall - lastRecall) * ((double) tp / seen);
      lastRecall = recall;
    }
    return ap;
  }
}
