package org.gyrus.nn.train;

/** Learning rate as a function of progress through training. */
public final class Schedule {
  private Schedule() {}

  /**
   * @param epoch fractional epoch (step / steps per epoch)
   * @param total planned epochs
   */
  public static double lr(Recipe r, double epoch, int total) {
    double t = Math.min(1.0, epoch / Math.max(1, total));
    return switch (r.schedule()) {
      case "step" -> r.lr() * Math.pow(r.gamma(), Math.floor(epoch / r.stepEvery()));
      case "cosine" -> r.lr() * 0.5 * (1 + Math.cos(Math.PI * t));
      // sharpDARTS: lr * (p^(cos-fraction) - 1) / (p - 1), a sharper fall than cosine
      case "cosine_power" ->
          r.lr() * (Math.pow(r.power(), 0.5 * (1 + Math.cos(Math.PI * t))) - 1) / (r.power() - 1);
      default -> r.lr();
    };
  }

  /** Standard deviation of annealed gradient noise at step t (Neelakantan et al.): γ = 0.55. */
  public static double noiseStd(double eta, long step) {
    return Math.sqrt(eta / Math.pow(1 + step, 0.55));
  }
}
