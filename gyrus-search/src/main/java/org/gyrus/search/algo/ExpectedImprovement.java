package org.gyrus.search.algo;

/**
 * Expected improvement over {@code best} of a normal N(mean, sd^2), for maximisation, and its log
 * computed without underflow far below the incumbent (where EI itself rounds to zero and a search
 * over it would see a flat landscape).
 */
final class ExpectedImprovement {
  private ExpectedImprovement() {}

  static double ei(double mean, double sd, double best) {
    double z = (mean - best) / sd;
    return sd * (z * Normal.cdf(z) + Normal.pdf(z));
  }

  static double logEi(double mean, double sd, double best) {
    double z = (mean - best) / sd;
    return Math.log(sd) + logH(z);
  }

  /**
   * log(z Phi(z) + phi(z)). Below z = -3 the sum cancels, so it is computed as phi(t) (1 - t R(t))
   * with t = -z and the Mills ratio R(t) = Phi(-t) / phi(t) from its continued fraction.
   */
  static double logH(double z) {
    if (z > -3) {
      return Math.log(z * Normal.cdf(z) + Normal.pdf(z));
    }
    double t = -z;
    double f = t;
    for (int k = 120; k >= 1; k--) {
      f = t + k / f;
    }
    double mills = 1 / f;
    return -0.5 * t * t - 0.5 * Math.log(2 * Math.PI) + Math.log1p(-t * mills);
  }
}
