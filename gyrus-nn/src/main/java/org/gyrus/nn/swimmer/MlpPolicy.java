package org.gyrus.nn.swimmer;

/**
 * A tanh MLP policy: inputs joint angles, joint rates and the phase (sin, cos) of a clock with the
 * oscillator's period (the same timing NCAP's oscillator gets), {@code hidden} units in each of two
 * layers, tanh outputs (one torque per joint).
 */
public final class MlpPolicy implements Policy {
  private final int joints;
  private final int hidden;
  private final double period;

  public MlpPolicy(int joints, int hidden, double period) {
    this.joints = joints;
    this.hidden = hidden;
    this.period = period;
  }

  private int inputs() {
    return 2 * joints + 2;
  }

  @Override
  public int params() {
    return inputs() * hidden + hidden + hidden * hidden + hidden + hidden * joints + joints;
  }

  @Override
  public String name() {
    return "mlp" + hidden;
  }

  @Override
  public double[] act(double[] theta, double t, double[] angles, double[] rates) {
    double[] x = new double[inputs()];
    System.arraycopy(angles, 0, x, 0, joints);
    for (int j = 0; j < joints; j++) {
      x[joints + j] = 0.1 * rates[j];
    }
    x[2 * joints] = Math.sin(2 * Math.PI * t / period);
    x[2 * joints + 1] = Math.cos(2 * Math.PI * t / period);
    int[] at = {0};
    double[] h1 = layer(theta, at, x, hidden);
    double[] h2 = layer(theta, at, h1, hidden);
    return layer(theta, at, h2, joints);
  }

  /** tanh(W x + b) reading W (out × in) then b from theta at at[0]. */
  private static double[] layer(double[] theta, int[] at, double[] x, int out) {
    double[] y = new double[out];
    int w = at[0];
    int b = w + out * x.length;
    for (int o = 0; o < out; o++) {
      double s = theta[b + o];
      for (int i = 0; i < x.length; i++) {
        s += theta[w + o * x.length + i] * x[i];
      }
      y[o] = Math.tanh(s);
    }
    at[0] = b + out;
    return y;
  }
}
