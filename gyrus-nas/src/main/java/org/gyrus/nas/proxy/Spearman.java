package org.gyrus.nas.proxy;

/** Spearman's rank correlation (ties take their mean rank; non-finite values rank lowest). */
public final class Spearman {
  private Spearman() {}

  public static double rho(double[] a, double[] b) {
    double[] ra = Ensemble.ranks(a);
    double[] rb = Ensemble.ranks(b);
    int n = a.length;
    double ma = (n - 1) / 2.0;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      sab += (ra[i] - ma) * (rb[i] - ma);
      saa += (ra[i] - ma) * (ra[i] - ma);
      sbb += (rb[i] - ma) * (rb[i] - ma);
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
