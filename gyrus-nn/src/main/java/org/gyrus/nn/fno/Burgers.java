package org.gyrus.nn.fno;

import java.util.SplittableRandom;

/**
 * 1-D viscous Burgers u_t + u u_x = ν u_xx on the periodic unit interval, pseudo-spectral: the
 * nonlinear term explicit (2/3 de-aliased), diffusion implicit, in Fourier space. Initial states
 * are Gaussian random fields with spectrum ∝ (4π²k² + τ²)^-γ (FNO's data: γ=2, τ=5).
 */
public final class Burgers {
  private Burgers() {}

  /** A random initial state on n points (n a power of two). */
  public static double[] initial(int n, SplittableRandom rng) {
    double[] re = new double[n];
    double[] im = new double[n];
    for (int k = 1; k < n / 2; k++) {
      double amp = 25 * Math.pow(4 * Math.PI * Math.PI * k * k + 25, -1.0) * n / Math.sqrt(2);
      re[k] = amp * rng.nextGaussian();
      im[k] = amp * rng.nextGaussian();
      re[n - k] = re[k];
      im[n - k] = -im[k];
    }
    Fft.transform(re, im, true);
    return re;
  }

  /** u at time t from u0 (n points), viscosity nu, steps of dt. */
  public static double[] solve(double[] u0, double nu, double t, double dt) {
    int n = u0.length;
    double[] ur = u0.clone();
    double[] ui = new double[n];
    Fft.transform(ur, ui, false);
    int steps = (int) Math.round(t / dt);
    int cut = n / 3;
    for (int s = 0; s < steps; s++) {
      // u and u_x in real space
      double[] ar = ur.clone();
      double[] ai = ui.clone();
      double[] dr = new double[n];
      double[] di = new double[n];
      for (int k = 0; k < n; k++) {
        int kk = k <= n / 2 ? k : k - n;
        double w = 2 * Math.PI * kk;
        dr[k] = -w * ui[k];
        di[k] = w * ur[k];
      }
      Fft.transform(ar, ai, true);
      Fft.transform(dr, di, true);
      double[] nr = new double[n];
      double[] ni = new double[n];
      for (int j = 0; j < n; j++) {
        nr[j] = ar[j] * dr[j];
      }
      Fft.transform(nr, ni, false);
      for (int k = 0; k < n; k++) {
        int kk = k <= n / 2 ? k : k - n;
        double nonlinear = Math.abs(kk) < cut ? 1 : 0;
        double denom = 1 + dt * nu * 4 * Math.PI * Math.PI * kk * kk;
        ur[k] = (ur[k] - dt * nonlinear * nr[k]) / denom;
        ui[k] = (ui[k] - dt * nonlinear * ni[k]) / denom;
      }
    }
    Fft.transform(ur, ui, true);
    return ur;
  }
}
