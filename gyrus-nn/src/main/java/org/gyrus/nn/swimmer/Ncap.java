package org.gyrus.nn.swimmer;

/**
 * The C. elegans-inspired NCAP swimmer controller (B8) with 4 shared parameters, the same at every
 * joint: a head oscillator (square wave) excites the first joint's dorsal/ventral B-neurons
 * (w_osc); each later joint's B-neurons are excited by the bend of the joint before it on the same
 * side (w_prop, proprioception), which turns the head's rhythm into a travelling wave; each side's
 * muscle is excited by its own B-neuron (w_ipsi) and inhibited by the opposite one (w_contra).
 * Neurons are graded, clipped to [0, 1]; weights enter through |w| so each keeps its sign
 * (excitatory or inhibitory) as in the circuit. Parameters: (w_osc, w_prop, w_ipsi, w_contra).
 */
public final class Ncap implements Policy {
  private final int joints;
  private final double period;

  public Ncap(int joints, double period) {
    this.joints = joints;
    this.period = period;
  }

  @Override
  public int params() {
    return 4;
  }

  @Override
  public String name() {
    return "ncap";
  }

  @Override
  public double[] act(double[] theta, double t, double[] angles, double[] rates) {
    double osc = Math.sin(2 * Math.PI * t / period) >= 0 ? 1 : -1;
    double wOsc = Math.abs(theta[0]);
    double wProp = Math.abs(theta[1]);
    double wIpsi = Math.abs(theta[2]);
    double wContra = Math.abs(theta[3]);
    double[] u = new double[joints];
    for (int j = 0; j < joints; j++) {
      double dorsalIn;
      double ventralIn;
      if (j == 0) {
        dorsalIn = wOsc * Math.max(osc, 0);
        ventralIn = wOsc * Math.max(-osc, 0);
      } else {
        dorsalIn = wProp * Math.max(angles[j - 1], 0);
        ventralIn = wProp * Math.max(-angles[j - 1], 0);
      }
      double bd = clip(dorsalIn);
      double bv = clip(ventralIn);
      double md = clip(wIpsi * bd - wContra * bv);
      double mv = clip(wIpsi * bv - wContra * bd);
      u[j] = md - mv;
    }
    return u;
  }

  private static double clip(double x) {
    return Math.max(0, Math.min(1, x));
  }
}
