package org.gyrus.nas.oneshot;

/**
 * One differentiable search: the supernet's size (C channels, N cells per stage, images resized to
 * imageSize²), the data (images for the weights and as many for the architecture), the schedule,
 * and the method's switches.
 *
 * @param weighting {@code softmax} (DARTS) or {@code maxw} (sharpDARTS: w + 1 − max w per edge)
 * @param schedule {@code cosine} (DARTS) or {@code cospower} (sharpDARTS, power 10)
 * @param auxSkip DARTS-'s auxiliary skip: β·x added on every edge, β from 1 down to 0
 */
public record DartsConfig(
    int channels,
    int cellsPerStage,
    int imageSize,
    int images,
    int epochs,
    int batch,
    double weightLr,
    double weightLrMin,
    double archLr,
    String weighting,
    String schedule,
    boolean auxSkip,
    long seed) {
  public DartsConfig {
    if (!weighting.equals("softmax") && !weighting.equals("maxw")) {
      throw new IllegalArgumentException("weighting: softmax or maxw, got '" + weighting + "'");
    }
    if (!schedule.equals("cosine") && !schedule.equals("cospower")) {
      throw new IllegalArgumentException("schedule: cosine or cospower, got '" + schedule + "'");
    }
    if (imageSize != 32 && imageSize != 16 && imageSize != 8) {
      throw new IllegalArgumentException("imageSize: 32, 16 or 8, got " + imageSize);
    }
    if (channels < 1 || cellsPerStage < 1 || images < batch || epochs < 1 || batch < 1) {
      throw new IllegalArgumentException("sizes must be positive and images >= batch");
    }
  }

  /**
   * The named methods: darts (softmax, cosine), sharpdarts (Max-W, cosine power annealing), each
   * with "-guard" for DARTS-'s auxiliary skip.
   */
  public static DartsConfig method(
      String name, int channels, int n, int size, int images, int epochs, long seed) {
    if (!java.util.List.of("darts", "darts-guard", "sharpdarts", "sharpdarts-guard")
        .contains(name)) {
      throw new IllegalArgumentException(
          "method: darts, darts-guard, sharpdarts or sharpdarts-guard, got '" + name + "'");
    }
    boolean sharp = name.startsWith("sharpdarts");
    return new DartsConfig(
        channels,
        n,
        size,
        images,
        epochs,
        64,
        0.025,
        0.001,
        3e-3,
        sharp ? "maxw" : "softmax",
        sharp ? "cospower" : "cosine",
        name.endsWith("-guard"),
        seed);
  }

  /** The weights' learning rate at progress {@code p} in [0, 1]. */
  public double lr(double p) {
    double cos = (1 + Math.cos(Math.PI * p)) / 2;
    if (schedule.equals("cosine")) {
      return weightLrMin + (weightLr - weightLrMin) * cos;
    }
    double power = 10;
    return weightLrMin + (weightLr - weightLrMin) * (Math.pow(power, cos) - 1) / (power - 1);
  }
}
