package org.gyrus.nn.moe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.train.StepForward;

/**
 * The optional MoE load-balance loss as a training-step hook ({@code Trainer.withForward}): the
 * model's own forward pass plus {@code weight} × Σ over its {@code moe} layers of their
 * Switch-style balance term, which is 1 when routing is uniform and the gates' only gradient.
 */
public final class LoadBalance implements StepForward {
  private final float weight;
  private List<MoeLayer> layers;

  public LoadBalance(float weight) {
    this.weight = weight;
  }

  @Override
  public Step forward(Block model, ParameterStore ps, NDArray x) {
    if (layers == null) {
      layers = Carve.moes(model);
    }
    NDArray logits = model.forward(ps, new NDList(x), true).singletonOrThrow();
    NDArray extra = null;
    for (MoeLayer l : layers) {
      NDArray b = l.lastBalanceLoss();
      if (b != null) {
        extra = extra == null ? b : extra.add(b);
      }
    }
    return new Step(logits, extra == null ? null : Scalars.mul(extra, weight));
  }
}
