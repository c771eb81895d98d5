package org.gyrus.nn.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.nn.Convs;

/**
 * NAS-Bench-201's network with {@link MixedCell}s, all sharing one set of op weights: a 3x3 stem to
 * C channels, three stages of N cells (C, 2C, 4C) joined by ResNet reduction blocks (stride 2),
 * then BN, ReLU, global average pooling and a dense classifier. Inputs: images (N,3,H,W) and the op
 * weights (6,5); output: logits.
 */
public final class Supernet extends AbstractBlock {
  private final Block stem;
  private final List<MixedCell> cells = new ArrayList<>();
  private final List<Block[]> reductions = new ArrayList<>();
  private final Block head;
  private final int cellsPerStage;
  private final int classes;

  public Supernet(int channels, int cellsPerStage, int classes) {
    this.cellsPerStage = cellsPerStage;
    this.classes = classes;
    stem = addChildBlock("stem", new SequentialBlock().add(conv(channels, 3, 1)).add(bn()));
    int c = channels;
    for (int stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        Block main =
            new SequentialBlock()
                .add(Activation::relu)
                .add(conv(2 * c, 3, 2))
                .add(bn())
                .add(Activation::relu)
                .add(conv(2 * c, 3, 1))
                .add(bn());
        Block shortcut =
            new SequentialBlock()
                .add(Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(conv(2 * c, 1, 1));
        addChildBlock("reduce" + stage + "_main", main);
        addChildBlock("reduce" + stage + "_short", shortcut);
        reductions.add(new Block[] {main, shortcut});
        c *= 2;
      }
      for (int k = 0; k < cellsPerStage; k++) {
        cells.add(addChildBlock("stage" + stage + "_cell" + k, new MixedCell(c)));
      }
    }
    head =
        addChildBlock(
            "head",
            new SequentialBlock()
                .add(bn())
                .add(Activation::relu)
                .add(x -> new NDList(x.head().mean(new int[] {3}).mean(new int[] {2})))
                .add(Linear.builder().setUnits(classes).build()));
  }

  private static Block conv(int filters, int kernel, int stride) {
    return Convs.conv2d(
        Conv2d.builder()
            .setKernelShape(new Shape(kernel, kernel))
            .setFilters(filters)
            .optStride(new Shape(stride, stride))
            .optPadding(new Shape(kernel / 2, kernel / 2))
            .optBias(false));
  }

  private static Block bn() {
    return BatchNorm.builder().build();
  }

  /**
   * Logits for images {@code x} under op weights (6,5); {@code active} as in MixedCell (null
   * weights with {@code active}: a single path).
   */
  public NDArray logits(
      ParameterStore ps, NDArray x, NDArray weights, boolean[][] active, boolean train) {
    NDArray h = stem.forward(ps, new NDList(x), train).head();
    int cell = 0;
    for (int stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        Block[] r = reductions.get(stage - 1);
        NDArray a = r[0].forward(ps, new NDList(h), train).head();
        NDArray b = r[1].forward(ps, new NDList(h), train).head();
        h = a.add(b);
      }
      for (int k = 0; k < cellsPerStage; k++) {
        h = cells.get(cell++).forward(ps, h, weights, active, train).head();
      }
    }
    return head.forward(ps, new NDList(h), train).head();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(logits(ps, inputs.get(0), inputs.get(1), null, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), classes)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    Shape s = inputs[0];
    stem.initialize(manager, dataType, s);
    s = stem.getOutputShapes(new Shape[] {s})[0];
    Shape w = new Shape(MixedCell.EDGES.length, MixedCell.OPS.size());
    int cell = 0;
    for (int stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        Block[] r = reductions.get(stage - 1);
        r[0].initialize(manager, dataType, s);
        r[1].initialize(manager, dataType, s);
        s = r[0].getOutputShapes(new Shape[] {s})[0];
      }
      for (int k = 0; k < cellsPerStage; k++) {
        cells.get(cell++).initialize(manager, dataType, s, w);
      }
    }
    head.initialize(manager, dataType, s);
  }
}
