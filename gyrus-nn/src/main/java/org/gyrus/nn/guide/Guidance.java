package org.gyrus.nn.guide;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.train.StepForward;

/**
 * Guidance (B19): the target trains on its own loss plus {@code weight} × Σ (1 − CKA) between each
 * mapped pair of layers, target layer t against guide layer g on the same batch. The guide is run
 * without training (its weights never change). Layers are numbered in the flattened sequence of a
 * compiled model: nested sequences are opened, every other block is one layer, and layer k's output
 * is the activation after it (the last layer's output is the logits).
 */
public final class Guidance implements StepForward {
  private final List<Block> guideLayers;
  private final ParameterStore guideStore;
  private final boolean targetHead;
  private final int[][] pairs;
  private final float weight;

  /**
   * {@code pairs}: {targetLayer, guideLayer} each, numbered as the specs list them (see {@link
   * #layers}); {@code guideBlock} is {@code guide} initialised (or trained) under {@code store}.
   */
  public Guidance(
      CompiledModel target,
      CompiledModel guide,
      Block guideBlock,
      ParameterStore store,
      int[][] pairs,
      float weight) {
    this.guideLayers = layers(guide, guideBlock); // fixed: opened once, not every step
    this.guideStore = store;
    this.targetHead = hasHead(target);
    this.pairs = pairs.clone();
    this.weight = weight;
  }

  @Override
  public Step forward(Block model, ParameterStore ps, NDArray x) {
    List<NDArray> target = activations(layers(model, targetHead), ps, x, true);
    List<NDArray> guided = activations(guideLayers, guideStore, x, false);
    NDArray extra = null;
    for (int[] p : pairs) {
      NDArray t = layer(target, p[0], "target");
      NDArray g = layer(guided, p[1], "guide").stopGradient();
      NDArray term = Cka.linear(t, g).neg().add(1);
      extra = extra == null ? term : extra.add(term);
    }
    NDArray logits = target.get(target.size() - 1);
    return new Step(logits, extra == null ? null : Scalars.mul(extra, weight));
  }

  private static NDArray layer(List<NDArray> acts, int k, String which) {
    if (k < 0 || k >= acts.size()) {
      throw new SpecError(
          "guidance." + which, "a layer in 0.." + (acts.size() - 1), Integer.toString(k));
    }
    return acts.get(k);
  }

  /** Every layer's output, in order, running {@code layers} one after the other from x. */
  public static List<NDArray> activations(
      List<Block> layers, ParameterStore ps, NDArray x, boolean training) {
    List<NDArray> out = new ArrayList<>();
    NDArray h = x;
    for (Block layer : layers) {
      h = layer.forward(ps, new NDList(h), training).singletonOrThrow();
      out.add(h);
    }
    return out;
  }

  /**
   * A compiled model's layers as its spec lists them: the body's items (a list, or a model's or
   * sequence's layers), then the head's items when {@link CompiledModel#classifier} added a head.
   */
  public static List<Block> layers(CompiledModel model, Block block) {
    return layers(block, hasHead(model));
  }

  private static List<Block> layers(Block block, boolean head) {
    if (!head) {
      return children(block);
    }
    List<Block> out = new ArrayList<>();
    for (var part : ((SequentialBlock) block).getChildren()) {
      out.addAll(children(part.getValue()));
    }
    return out;
  }

  private static List<Block> children(Block b) {
    List<Block> out = new ArrayList<>();
    if (b instanceof SequentialBlock seq) {
      seq.getChildren().forEach(c -> out.add(c.getValue()));
    } else {
      out.add(b);
    }
    return out;
  }

  /** Whether a head was appended: the body alone gives another shape than the whole. */
  private static boolean hasHead(CompiledModel m) {
    Shape body = SpecCompiler.standard().analyse(m.spec(), m.input(), "model").output();
    return !body.equals(m.output());
  }
}
