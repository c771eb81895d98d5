package org.gyrus.nn.swimmer;

/** A swimmer controller with a flat parameter vector (what evolution strategies perturb). */
public interface Policy {
  int params();

  /**
   * Joint torques in [−1, 1] (scaled by the actuator gear) at time t from joint angles and rates.
   */
  double[] act(double[] theta, double t, double[] angles, double[] rates);

  /** Short name for plots and rows. */
  String name();
}
