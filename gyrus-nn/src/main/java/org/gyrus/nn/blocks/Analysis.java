package org.gyrus.nn.blocks;

import ai.djl.ndarray.types.Shape;

/**
 * What a spec node does to one example, known before anything is built: its output shape (without
 * the batch axis), its trainable parameter count and its forward FLOPs (a multiply-add counts 2).
 */
public record Analysis(Shape output, long params, long flops) {
  public Analysis plus(long moreParams, long moreFlops) {
    return new Analysis(output, params + moreParams, flops + moreFlops);
  }
}
