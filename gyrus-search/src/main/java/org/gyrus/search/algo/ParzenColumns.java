package org.gyrus.search.algo;

/**
 * {@link Parzen#logDensity} over many observations, laid out by coordinate: each row's log weight,
 * each coordinate's values and log normalisers in flat arrays, so a candidate costs a few passes of
 * plain arithmetic over arrays (which the JIT turns into vector code) and one exponential per row
 * that can matter. Rows more than {@link #NEGLIGIBLE} below the largest term are skipped: together
 * they are below 1e-12 of the sum even at millions of rows. Same kernels, weights and prior as the
 * Parzen; only the rounding differs (about 1e-14 relative).
 */
final class ParzenColumns {
  static final double NEGLIGIBLE = 40;
  private final Parzen density;
  private final int n;
  private final int d;
  private final double[] logWeight;
  private final double[][] centre; // [j][i]: the kernel's centre (the prior's where inactive)
  private final double[][] invScale; // [j][i] where a column has inactive rows, else null
  private final double[][] logNorm; // [j][i]
  private final int[][] option; // [j][i] for choices: option index, -1 where inactive
  private final double[] terms;

  ParzenColumns(Parzen density, double[][] obs) {
    this.density = density;
    n = obs.length;
    d = n == 0 ? 0 : obs[0].length;
    logWeight = new double[n];
    for (int i = 0; i < n; i++) {
      logWeight[i] = Math.log(density.weightOf(i));
    }
    centre = new double[d][];
    invScale = new double[d][];
    logNorm = new double[d][];
    option = new int[d][];
    for (int j = 0; j < d; j++) {
      if (density.choices(j) > 0) {
        option[j] = new int[n];
        for (int i = 0; i < n; i++) {
          double o = obs[i][j];
          option[j][i] = o == o ? (int) o : -1;
        }
      } else {
        numericColumn(obs, j);
      }
    }
    terms = new double[n];
  }

  private void numericColumn(double[][] obs, int j) {
    centre[j] = new double[n];
    logNorm[j] = new double[n];
    boolean anyInactive = false;
    for (int i = 0; i < n; i++) {
      double o = obs[i][j];
      anyInactive |= o != o;
      centre[j][i] = o == o ? o : density.priorCentre(j);
      logNorm[j][i] = density.logNormOf(i, j);
    }
    if (anyInactive) {
      invScale[j] = new double[n];
      for (int i = 0; i < n; i++) {
        double o = obs[i][j];
        invScale[j][i] = 1 / (o == o ? density.sigma(j) : density.priorScale(j));
      }
    }
  }

  /** The log density at x (NaN coordinates: inactive, left out as in the Parzen). */
  double logDensity(double[] x) {
    double[] t = terms;
    System.arraycopy(logWeight, 0, t, 0, n);
    for (int j = 0; j < d; j++) {
      double xj = x[j];
      if (xj != xj) {
        continue;
      }
      if (option[j] != null) {
        addChoice(t, j, xj);
      } else if (invScale[j] == null) {
        double inv = 1 / density.sigma(j);
        double[] c = centre[j];
        double[] nrm = logNorm[j];
        for (int i = 0; i < n; i++) {
          double z = (xj - c[i]) * inv;
          t[i] -= 0.5 * z * z + nrm[i];
        }
      } else {
        double[] c = centre[j];
        double[] s = invScale[j];
        double[] nrm = logNorm[j];
        for (int i = 0; i < n; i++) {
          double z = (xj - c[i]) * s[i];
          t[i] -= 0.5 * z * z + nrm[i];
        }
      }
    }
    double prior = density.logPriorTerm(x);
    double max = prior;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, t[i]);
    }
    double floor = max - NEGLIGIBLE;
    double sum = Math.exp(prior - max);
    for (int i = 0; i < n; i++) {
      if (t[i] > floor) {
        sum += Math.exp(t[i] - max);
      }
    }
    return max + Math.log(sum);
  }

  private void addChoice(double[] t, int j, double xj) {
    double match = density.logMatch(j);
    double miss = density.logMiss(j);
    double inactive = -Math.log(density.choices(j));
    int[] opt = option[j];
    int x = (int) xj;
    for (int i = 0; i < n; i++) {
      int o = opt[i];
      t[i] += o == x ? match : o < 0 ? inactive : miss;
    }
  }
}
