package org.gyrus.search.algo;

/** The standard normal distribution function. */
final class Normal {
  private Normal() {}

  /** Phi(z) via erfc with the Numerical Recipes Chebyshev fit (relative error below 1.2e-7). */
  static double cdf(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  /** The standard normal density. */
  static double pdf(double z) {
    return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  }

  /** Phi^{-1}(p) for p in (0, 1), by bisection on {@link #cdf} (accurate to ~1e-7). */
  static double quantile(double p) {
    double lo = -40;
    double hi = 40;
    for (int i = 0; i < 100; i++) {
      double mid = 0.5 * (lo + hi);
      if (cdf(mid) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r =
        t
            * Math.exp(
                -z * z
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
