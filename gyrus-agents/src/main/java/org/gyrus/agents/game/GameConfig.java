package org.gyrus.agents.game;

import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;

/**
 * One referential game: message of {@code length} tokens from a vocabulary of {@code vocab}
 * codebook vectors of width {@code codeDim}; the listener picks the target among {@code
 * distractors} + 1 candidates. Speaker and listener encoders are gyrus-nn specs (heads to the
 * needed widths are added by the compiler).
 *
 * @param speaker image (1x28x28) to body; a head to length*codeDim continuous values is added
 * @param listenerImage image to body; a head to {@code embed} units is added
 * @param listenerMessage the quantised message (length*codeDim) to body; head to {@code embed}
 * @param beta weight of the commitment loss
 * @param restartEvery every this many steps, codes unused since the last restart are moved onto
 *     random encoder outputs of the current batch (0 = never)
 */
public record GameConfig(
    int length,
    int vocab,
    int codeDim,
    int distractors,
    int embed,
    Value speaker,
    Value listenerImage,
    Value listenerMessage,
    int steps,
    int batch,
    double lr,
    double beta,
    int restartEvery,
    long seed) {

  public GameConfig {
    positive("length", length);
    positive("vocab", vocab);
    positive("codeDim", codeDim);
    positive("distractors", distractors);
    positive("embed", embed);
    positive("steps", steps);
    positive("batch", batch);
    if (!(lr > 0) || !(beta >= 0) || restartEvery < 0) {
      throw new IllegalArgumentException(
          "game: lr > 0, beta >= 0 and restartEvery >= 0 expected, got lr="
              + lr
              + " beta="
              + beta
              + " restartEvery="
              + restartEvery);
    }
  }

  private static void positive(String name, int v) {
    if (v < 1) {
      throw new IllegalArgumentException("game: " + name + " must be >= 1, got " + v);
    }
  }

  /** An MLP body: flatten, dense(width, relu). */
  public static Value mlp(int width) {
    return ListVal.of(Node.of("flatten"), Node.of("dense", "units", width, "activation", "relu"));
  }

  /** Defaults: 128-unit MLP encoders, 16-wide codes, 64-wide embeddings, Adam 1e-3, beta 0.25. */
  public static GameConfig of(int length, int vocab, int distractors, int steps, long seed) {
    return new GameConfig(
        length,
        vocab,
        16,
        distractors,
        64,
        mlp(128),
        mlp(128),
        mlp(128),
        steps,
        64,
        1e-3,
        0.25,
        100,
        seed);
  }

  public GameConfig withSteps(int s) {
    return new GameConfig(
        length,
        vocab,
        codeDim,
        distractors,
        embed,
        speaker,
        listenerImage,
        listenerMessage,
        s,
        batch,
        lr,
        beta,
        restartEvery,
        seed);
  }

  public GameConfig withRestartEvery(int r) {
    return new GameConfig(
        length,
        vocab,
        codeDim,
        distractors,
        embed,
        speaker,
        listenerImage,
        listenerMessage,
        steps,
        batch,
        lr,
        beta,
        r,
        seed);
  }
}
