package org.gyrus.nn.swimmer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Resistive-force swimmer: kinematics, energy balance, force/torque-free body, scallop theorem. */
class SwimmerTest {
  private static final Swimmer S = new Swimmer(5, 0.1, 1.0, 2.0, 1e-4, 0.01);

  private static double[] randomState(SplittableRandom rng, Swimmer s) {
    double[] q = new double[s.dof()];
    for (int i = 0; i < q.length; i++) {
      q[i] = rng.nextDouble(-1, 1);
    }
    return q;
  }

  private static double[] randomTorque(SplittableRandom rng, Swimmer s) {
    double[] u = new double[s.joints()];
    for (int i = 0; i < u.length; i++) {
      u[i] = rng.nextDouble(-0.1, 0.1);
    }
    return u;
  }

  @Test
  void jacobians_match_finite_differences_of_the_link_centres() {
    SplittableRandom rng = new SplittableRandom(1);
    double[] q = randomState(rng, S);
    double h = 1e-6;
    for (int i = 0; i < S.links(); i++) {
      double[][] j = S.jacobian(q, i);
      for (int a = 0; a < S.dof(); a++) {
        double[] p = q.clone();
        p[a] += h;
        double[] m = q.clone();
        m[a] -= h;
        double[] cp = S.centre(p, i);
        double[] cm = S.centre(m, i);
        assertThat(j[0][a]).isCloseTo((cp[0] - cm[0]) / (2 * h), Offset.offset(1e-8));
        assertThat(j[1][a]).isCloseTo((cp[1] - cm[1]) / (2 * h), Offset.offset(1e-8));
      }
    }
  }

  @Test
  void input_power_equals_the_power_dissipated_in_the_fluid() {
    SplittableRandom rng = new SplittableRandom(2);
    for (int trial = 0; trial < 20; trial++) {
      double[] q = randomState(rng, S);
      double[] u = randomTorque(rng, S);
      double[] qdot = S.velocity(q, u);
      double[] f = S.jointForce(q, u);
      double input = 0;
      for (int a = 0; a < qdot.length; a++) {
        input += f[a] * qdot[a];
      }
      // translational drag dissipation Σ −F_i·v_i, plus rotational c_r ω_i²
      double dissipated = 0;
      for (int i = 0; i < S.links(); i++) {
        double[][] j = S.jacobian(q, i);
        double vx = 0;
        double vy = 0;
        double w = 0;
        for (int a = 0; a < qdot.length; a++) {
          vx += j[0][a] * qdot[a];
          vy += j[1][a] * qdot[a];
          w += a >= 2 && a <= 2 + i ? qdot[a] : 0;
        }
        double[] drag = S.dragForce(q, qdot, i);
        dissipated += -(drag[0] * vx + drag[1] * vy) + 1e-4 * w * w;
      }
      assertThat(dissipated).isGreaterThan(0);
      assertThat(input).isCloseTo(dissipated, Offset.offset(1e-12 + 1e-9 * dissipated));
    }
  }

  @Test
  void internal_torques_leave_the_body_force_free_and_torque_free() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 20; trial++) {
      double[] q = randomState(rng, S);
      double[] qdot = S.velocity(q, randomTorque(rng, S));
      double fx = 0;
      double fy = 0;
      double torque = 0;
      for (int i = 0; i < S.links(); i++) {
        double[] f = S.dragForce(q, qdot, i);
        double[] c = S.centre(q, i);
        double w = 0;
        for (int a = 2; a <= 2 + i; a++) {
          w += qdot[a];
        }
        fx += f[0];
        fy += f[1];
        torque += (c[0] - q[0]) * f[1] - (c[1] - q[1]) * f[0] - 1e-4 * w;
      }
      assertThat(Math.abs(fx) + Math.abs(fy)).isLessThan(1e-12);
      assertThat(torque).isCloseTo(0, Offset.offset(1e-12));
    }
  }

  @Test
  void no_torque_and_no_bend_means_no_motion_and_motion_is_frame_independent() {
    assertThat(S.velocity(S.rest(), new double[S.joints()])).containsOnly(0.0);
    SplittableRandom rng = new SplittableRandom(4);
    double[] q = randomState(rng, S);
    double[] u = randomTorque(rng, S);
    double[] a = S.velocity(q, u);
    double[] moved = q.clone();
    double turn = 0.7;
    moved[0] = Math.cos(turn) * q[0] - Math.sin(turn) * q[1] + 3;
    moved[1] = Math.sin(turn) * q[0] + Math.cos(turn) * q[1] - 2;
    moved[2] += turn;
    double[] b = S.velocity(moved, u);
    Offset<Double> tol = Offset.offset(1e-9 * (1 + Math.abs(a[0]) + Math.abs(a[1])));
    assertThat(b[0]).isCloseTo(Math.cos(turn) * a[0] - Math.sin(turn) * a[1], tol);
    assertThat(b[1]).isCloseTo(Math.sin(turn) * a[0] + Math.cos(turn) * a[1], tol);
    for (int i = 2; i < a.length; i++) {
      assertThat(b[i]).isCloseTo(a[i], Offset.offset(1e-9 * (1 + Math.abs(a[i]))));
    }
  }

  @Test
  void a_reciprocal_stroke_goes_nowhere_and_a_travelling_one_swims() {
    // Purcell's scallop theorem: one hinge flapping back and forth gives no net motion.
    Swimmer two = new Swimmer(2, 0.1, 1.0, 2.0, 1e-4, 0.0);
    Swimmer three = new Swimmer(3, 0.1, 1.0, 2.0, 1e-4, 0.0);
    double scallop = drift(two, 0);
    double purcell = drift(three, Math.PI / 2);
    assertThat(Math.abs(scallop)).isLessThan(1e-5);
    assertThat(Math.abs(purcell)).isGreaterThan(1e-3);
  }

  /** Centre-of-mass displacement after 4 periods of sinusoidal torques (phase lag per joint). */
  private static double drift(Swimmer s, double lag) {
    double[] q = s.rest();
    double[] start = s.centreOfMass(q);
    double dt = 0.002;
    int steps = (int) Math.round(4 / dt);
    for (int k = 0; k < steps; k++) {
      double[] u = new double[s.joints()];
      for (int j = 0; j < u.length; j++) {
        u[j] = 0.02 * Math.sin(2 * Math.PI * (k + 0.5) * dt - j * lag);
      }
      q = s.step(q, u, dt);
    }
    double[] end = s.centreOfMass(q);
    return Math.hypot(end[0] - start[0], end[1] - start[1]);
  }

  @Test
  void ncap_has_four_shared_parameters_and_drives_a_wave_down_the_body() {
    Ncap ncap = new Ncap(5, 1.0);
    assertThat(ncap.params()).isEqualTo(4);
    double[] theta = {1, 2, 1, 0.5};
    double[] u = ncap.act(theta, 0.1, new double[] {0.3, -0.2, 0, 0, 0}, new double[5]);
    assertThat(u[0]).isEqualTo(1.0); // oscillator on the dorsal side at t = 0.1
    assertThat(u[1]).isCloseTo(0.6 - 0, Offset.offset(1e-12)); // bend 0.3 of joint 0, gain 2
    assertThat(u[2]).isCloseTo(-0.4, Offset.offset(1e-12));
    assertThat(new MlpPolicy(5, 16, 1.0).params()).isGreaterThanOrEqualTo(100 * 4);
  }

  @Test
  void evolution_strategies_improve_the_ncap_swimmer() {
    Episode e = new Episode(new Swimmer(4), 0.05, 0.02, 2.0);
    Ncap ncap = new Ncap(3, 1.0);
    double[] init = {0.2, 0.2, 0.2, 0.2};
    Es.Result r = Es.optimise(e, ncap, init, 8, 4, 0.1, 0.1, 0);
    assertThat(r.score()).isGreaterThan(e.run(ncap, init));
    assertThat(r.curve()[7]).isGreaterThanOrEqualTo(r.curve()[0]);
  }
}
