package org.gyrus.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * How a training step turns a batch into logits, plus an extra loss term added to the mean
 * cross-entropy (e.g. guidance's representational alignment); {@link #PLAIN} is the model's own
 * forward pass and no extra term.
 */
@FunctionalInterface
public interface StepForward {
  Step forward(Block model, ParameterStore ps, NDArray x);

  /** The batch's logits and a scalar extra loss, or null for none. */
  record Step(NDArray logits, NDArray extraLoss) {}

  StepForward PLAIN =
      (model, ps, x) -> new Step(model.forward(ps, new NDList(x), true).singletonOrThrow(), null);
}
