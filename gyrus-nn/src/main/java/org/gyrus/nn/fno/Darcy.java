package org.gyrus.nn.fno;

import java.util.SplittableRandom;

/**
 * 2-D Darcy flow -∇·(a ∇u) = 1 on the unit square, u = 0 on the boundary, by the 5-point finite
 * difference scheme (harmonic means of a on cell faces) and conjugate gradients. Permeability: a
 * Gaussian random field ψ with spectrum (π²|k|² + 9)^-2 (cosine series), a = 12 where ψ ≥ 0 and 3
 * elsewhere (FNO's data).
 */
public final class Darcy {
  private Darcy() {}

  /** Random field coefficients (K×K) for {@link #permeability}. */
  public static double[] field(int modes, SplittableRandom rng) {
    double[] c = new double[modes * modes];
    for (int i = 0; i < modes; i++) {
      for (int j = 0; j < modes; j++) {
        if (i + j > 0) {
          c[i * modes + j] =
              rng.nextGaussian() * Math.pow(Math.PI * Math.PI * (i * i + j * j) + 9, -1);
        }
      }
    }
    return c;
  }

  /** The permeability of field coefficients on an s×s grid of nodes over [0,1]². */
  public static double[] permeability(double[] coef, int modes, int s) {
    double[] a = new double[s * s];
    for (int p = 0; p < s; p++) {
      for (int q = 0; q < s; q++) {
        double x = (double) p / (s - 1);
        double y = (double) q / (s - 1);
        double psi = 0;
        for (int i = 0; i < modes; i++) {
          double ci = Math.cos(Math.PI * i * x);
          for (int j = 0; j < modes; j++) {
            psi += coef[i * modes + j] * ci * Math.cos(Math.PI * j * y);
          }
        }
        a[p * s + q] = psi >= 0 ? 12 : 3;
      }
    }
    return a;
  }

  /** u on the s×s nodes (boundary zero). */
  public static double[] solve(double[] a, int s) {
    int m = s - 2;
    double h2 = 1.0 / ((s - 1) * (s - 1));
    double[] b = new double[m * m];
    java.util.Arrays.fill(b, h2);
    double[] x = new double[m * m];
    double[] r = b.clone();
    double[] p = r.clone();
    double rr = dot(r, r);
    for (int it = 0; it < 10 * m * m && rr > 1e-24; it++) {
      double[] ap = apply(a, s, p);
      double alpha = rr / dot(p, ap);
      for (int i = 0; i < x.length; i++) {
        x[i] += alpha * p[i];
        r[i] -= alpha * ap[i];
      }
      double next = dot(r, r);
      for (int i = 0; i < p.length; i++) {
        p[i] = r[i] + next / rr * p[i];
      }
      rr = next;
    }
    double[] u = new double[s * s];
    for (int i = 0; i < m; i++) {
      System.arraycopy(x, i * m, u, (i + 1) * s + 1, m);
    }
    return u;
  }

  /** The FD operator on interior unknowns (zero boundary). */
  private static double[] apply(double[] a, int s, double[] v) {
    int m = s - 2;
    double[] out = new double[m * m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        int p = i + 1;
        int q = j + 1;
        double c = a[p * s + q];
        double sum = 0;
        double diag = 0;
        int[][] nb = {{p - 1, q}, {p + 1, q}, {p, q - 1}, {p, q + 1}};
        for (int[] n : nb) {
          double face = 2 * c * a[n[0] * s + n[1]] / (c + a[n[0] * s + n[1]]);
          diag += face;
          int ii = n[0] - 1;
          int jj = n[1] - 1;
          if (ii >= 0 && ii < m && jj >= 0 && jj < m) {
            sum += face * v[ii * m + jj];
          }
        }
        out[i * m + j] = diag * v[i * m + j] - sum;
      }
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
