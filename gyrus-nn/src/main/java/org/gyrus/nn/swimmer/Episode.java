package org.gyrus.nn.swimmer;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a policy on the swimmer from rest: torques = gear · action, updated every {@code dt}; the
 * score is the forward speed, the centre of mass's x displacement over the episode per second, in
 * body lengths per second.
 */
public record Episode(Swimmer swimmer, double gear, double dt, double seconds) {
  /** Forward speed and, when {@code path} is not null, the centre-of-mass path. */
  public double run(Policy p, double[] theta, List<double[]> path) {
    double[] q = swimmer.rest();
    double[] start = swimmer.centreOfMass(q);
    int steps = (int) Math.round(seconds / dt);
    int joints = swimmer.joints();
    double[] rates = new double[joints];
    for (int s = 0; s < steps; s++) {
      double[] angles = new double[joints];
      System.arraycopy(q, 3, angles, 0, joints);
      double[] a = p.act(theta, s * dt, angles, rates);
      double[] u = new double[joints];
      for (int j = 0; j < joints; j++) {
        u[j] = gear * Math.max(-1, Math.min(1, a[j]));
      }
      double[] next = swimmer.step(q, u, dt);
      for (int j = 0; j < joints; j++) {
        rates[j] = (next[3 + j] - q[3 + j]) / dt;
      }
      q = next;
      if (path != null && s % 10 == 0) {
        path.add(swimmer.centreOfMass(q));
      }
      if (!Double.isFinite(q[0])) {
        return -1e3;
      }
    }
    double bodyLength = swimmer.links() * 0.1;
    return (swimmer.centreOfMass(q)[0] - start[0]) / seconds / bodyLength;
  }

  public double run(Policy p, double[] theta) {
    return run(p, theta, null);
  }

  public List<double[]> path(Policy p, double[] theta) {
    List<double[]> path = new ArrayList<>();
    run(p, theta, path);
    return path;
  }
}
