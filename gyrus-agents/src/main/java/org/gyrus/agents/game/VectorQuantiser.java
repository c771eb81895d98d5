package org.gyrus.agents.game;

import ai.djl.ndarray.NDArray;
import org.gyrus.nn.Scalars;

/**
 * The VQ-VAE bottleneck (van den Oord et al. 2017) used by the speaker: each continuous vector is
 * replaced by its nearest codebook row. The forward value is the codebook row; the backward pass
 * copies the gradient straight through to the continuous vector. The codebook learns from its own
 * loss, the encoder is kept close to its codes by the commitment loss.
 */
public final class VectorQuantiser {
  private VectorQuantiser() {}

  /**
   * What quantising a batch gives.
   *
   * @param straightThrough forward value = codebook rows, gradient = identity to the inputs
   * @param quantised the codebook rows themselves (gradient reaches the codebook)
   * @param codes the chosen row per vector, shape of the input without its last axis
   * @param codebookLoss mean ||sg(z_e) - e||^2 (moves the codebook)
   * @param commitmentLoss mean ||z_e - sg(e)||^2 (moves the encoder)
   */
  public record Result(
      NDArray straightThrough,
      NDArray quantised,
      NDArray codes,
      NDArray codebookLoss,
      NDArray commitmentLoss) {}

  /**
   * Quantises {@code ze} of shape (..., d) against a codebook of shape (K, d).
   *
   * @throws IllegalArgumentException when the last axes differ
   */
  public static Result quantise(NDArray ze, NDArray codebook) {
    long d = codebook.getShape().get(1);
    long k = codebook.getShape().get(0);
    if (ze.getShape().get(ze.getShape().dimension() - 1) != d) {
      throw new IllegalArgumentException(
          "quantiser: vectors of width "
              + ze.getShape()
              + " against a codebook "
              + codebook.getShape());
    }
    NDArray flat = ze.reshape(-1, d);
    NDArray codes = nearest(flat.stopGradient(), codebook.stopGradient());
    // one-hot product rather than a gather: the gradient reaches the chosen rows only
    NDArray zq = codes.oneHot((int) k).toType(ze.getDataType(), false).matMul(codebook);
    zq = zq.reshape(ze.getShape());
    NDArray st = ze.add(zq.sub(ze).stopGradient());
    NDArray codebookLoss = zq.sub(ze.stopGradient()).square().mean();
    NDArray commitment = ze.sub(zq.stopGradient()).square().mean();
    long[] outer = new long[ze.getShape().dimension() - 1];
    for (int i = 0; i < outer.length; i++) {
      outer[i] = ze.getShape().get(i);
    }
    return new Result(st, zq, codes.reshape(outer), codebookLoss, commitment);
  }

  /** Index of the nearest codebook row (squared Euclidean) for each row of {@code flat}. */
  public static NDArray nearest(NDArray flat, NDArray codebook) {
    NDArray dist =
        flat.square()
            .sum(new int[] {1}, true)
            .sub(Scalars.mul(flat.matMul(codebook.transpose()), 2))
            .add(codebook.square().sum(new int[] {1}).reshape(1, -1));
    return dist.argMin(1);
  }
}
