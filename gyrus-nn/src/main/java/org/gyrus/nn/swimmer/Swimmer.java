package org.gyrus.nn.swimmer;

/**
 * A planar chain of {@code links} rigid links of length l swimming in a viscous fluid, in the
 * low-Reynolds (Stokes) limit of resistive-force theory: each link's centre feels the drag F =
 * −(c_t (v·t) t + c_n (v·n) n) (anisotropic, c_n > c_t, which is what makes undulation propel) and
 * the rotational drag −c_r ω; inertia is negligible, so the joint torques u balance the drag at
 * every instant: D(q) q̇ = B u, with D = Σ J_iᵀ C_i J_i + c_r a_iᵀ a_i the drag metric over
 * generalised coordinates q = (x, y, θ_0, φ_1..φ_{n−1}) (base point, first link's heading, joint
 * angles). The joint torques do work only on the joint angles; the body is force- and torque-free,
 * so it moves only by pushing on the fluid. dm_control's swimmer keeps inertia; this one is the
 * Stokes limit.
 */
public final class Swimmer {
  private final int links;
  private final double length;
  private final double ct;
  private final double cn;
  private final double cr;
  private final double stiffness;

  /** Defaults: link length 0.1, c_t = 1, c_n = 2 (slender rod ratio), c_r small, mild stiffness. */
  public Swimmer(int links) {
    this(links, 0.1, 1.0, 2.0, 1e-4, 0.01);
  }

  public Swimmer(int links, double length, double ct, double cn, double cr, double stiffness) {
    if (links < 2) {
      throw new IllegalArgumentException("swimmer: at least 2 links, got " + links);
    }
    this.links = links;
    this.length = length;
    this.ct = ct;
    this.cn = cn;
    this.cr = cr;
    this.stiffness = stiffness;
  }

  public int links() {
    return links;
  }

  public int joints() {
    return links - 1;
  }

  /** Number of generalised coordinates. */
  public int dof() {
    return links + 2;
  }

  /** Heading of link i. */
  double heading(double[] q, int i) {
    double th = q[2];
    for (int j = 1; j <= i; j++) {
      th += q[2 + j];
    }
    return th;
  }

  /** Centre of link i. */
  public double[] centre(double[] q, int i) {
    double x = q[0];
    double y = q[1];
    for (int k = 0; k < i; k++) {
      double th = heading(q, k);
      x += length * Math.cos(th);
      y += length * Math.sin(th);
    }
    double th = heading(q, i);
    return new double[] {x + 0.5 * length * Math.cos(th), y + 0.5 * length * Math.sin(th)};
  }

  /** Centre of mass (equal links). */
  public double[] centreOfMass(double[] q) {
    double[] c = new double[2];
    for (int i = 0; i < links; i++) {
      double[] p = centre(q, i);
      c[0] += p[0] / links;
      c[1] += p[1] / links;
    }
    return c;
  }

  /** J_i: d(centre_i)/dq, 2 × dof. */
  double[][] jacobian(double[] q, int i) {
    double[][] j = new double[2][dof()];
    j[0][0] = 1;
    j[1][1] = 1;
    // link k contributes a vector of length w_k at heading θ_k; θ_k depends on θ_0 and φ_1..φ_k
    for (int k = 0; k <= i; k++) {
      double w = k < i ? length : 0.5 * length;
      double th = heading(q, k);
      double dx = -w * Math.sin(th);
      double dy = w * Math.cos(th);
      for (int c = 0; c <= k; c++) {
        j[0][2 + c] += dx;
        j[1][2 + c] += dy;
      }
    }
    return j;
  }

  /** D(q): the drag metric, dof × dof, symmetric positive definite. */
  public double[][] dragMetric(double[] q) {
    int n = dof();
    double[][] d = new double[n][n];
    for (int i = 0; i < links; i++) {
      double th = heading(q, i);
      double tx = Math.cos(th);
      double ty = Math.sin(th);
      // C = c_t t tᵀ + c_n n nᵀ, n = (−ty, tx)
      double cxx = ct * tx * tx + cn * ty * ty;
      double cxy = (ct - cn) * tx * ty;
      double cyy = ct * ty * ty + cn * tx * tx;
      double[][] j = jacobian(q, i);
      for (int a = 0; a < n; a++) {
        double ca0 = cxx * j[0][a] + cxy * j[1][a];
        double ca1 = cxy * j[0][a] + cyy * j[1][a];
        for (int b = 0; b < n; b++) {
          d[a][b] += ca0 * j[0][b] + ca1 * j[1][b];
        }
      }
      // angular velocity of link i = θ̇_0 + Σ_{j≤i} φ̇_j
      for (int a = 2; a <= 2 + i; a++) {
        for (int b = 2; b <= 2 + i; b++) {
          d[a][b] += cr;
        }
      }
    }
    return d;
  }

  /** Generalised force of the joint torques u (joints) and the joints' passive springs. */
  public double[] jointForce(double[] q, double[] u) {
    double[] f = new double[dof()];
    for (int j = 0; j < joints(); j++) {
      f[3 + j] = u[j] - stiffness * q[3 + j];
    }
    return f;
  }

  /** q̇ solving D(q) q̇ = force. */
  public double[] velocity(double[] q, double[] u) {
    return Linear.solve(dragMetric(q), jointForce(q, u));
  }

  /** Drag force on link i's centre at velocity q̇ (for the momentum checks). */
  public double[] dragForce(double[] q, double[] qdot, int i) {
    double th = heading(q, i);
    double tx = Math.cos(th);
    double ty = Math.sin(th);
    double[][] j = jacobian(q, i);
    double vx = 0;
    double vy = 0;
    for (int a = 0; a < dof(); a++) {
      vx += j[0][a] * qdot[a];
      vy += j[1][a] * qdot[a];
    }
    double vt = vx * tx + vy * ty;
    double vn = -vx * ty + vy * tx;
    return new double[] {-ct * vt * tx + cn * vn * ty, -ct * vt * ty - cn * vn * tx};
  }

  /** One RK4 step of q̇ = D(q)⁻¹ B u with u held over the step. */
  public double[] step(double[] q, double[] u, double dt) {
    double[] k1 = velocity(q, u);
    double[] k2 = velocity(axpy(q, k1, dt / 2), u);
    double[] k3 = velocity(axpy(q, k2, dt / 2), u);
    double[] k4 = velocity(axpy(q, k3, dt), u);
    double[] next = q.clone();
    for (int i = 0; i < q.length; i++) {
      next[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    return next;
  }

  private static double[] axpy(double[] q, double[] v, double h) {
    double[] r = q.clone();
    for (int i = 0; i < q.length; i++) {
      r[i] += h * v[i];
    }
    return r;
  }

  /** Straight body at the origin, head (link 0) leading towards +x. */
  public double[] rest() {
    double[] q = new double[dof()];
    q[2] = Math.PI;
    return q;
  }
}
