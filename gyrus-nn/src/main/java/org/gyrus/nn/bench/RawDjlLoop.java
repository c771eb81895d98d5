package org.gyrus.nn.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;

/**
 * The reference point: the textbook DJL training loop (Model, Trainer, Adam, softmax cross-entropy,
 * GradientCollector) with DJL's own layers and nothing from Gyrus.
 */
final class RawDjlLoop {
  private RawDjlLoop() {}

  static SequentialBlock net(String model) {
    SequentialBlock b = new SequentialBlock();
    if (model.equals("mlp")) {
      b.add(Blocks.batchFlattenBlock(784))
          .add(Linear.builder().setUnits(256).build())
          .add(Activation.reluBlock())
          .add(Linear.builder().setUnits(10).build());
    } else {
      b.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(32).build())
          .add(Activation.reluBlock())
          .add(Pool.maxPool2dBlock(new Shape(2, 2)))
          .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(64).build())
          .add(Activation.reluBlock())
          .add(Pool.maxPool2dBlock(new Shape(2, 2)))
          .add(Blocks.batchFlattenBlock(64 * 5 * 5))
          .add(Linear.builder().setUnits(10).build());
    }
    return b;
  }

  /** Returns per-epoch training seconds; the last element of the list is the test accuracy. */
  static List<Double> run(String model, DataSplits data, int epochs, int batch, long seed) {
    List<Double> out = new ArrayList<>();
    try (Model m = Model.newInstance("raw")) {
      m.getNDManager().getEngine().setRandomSeed((int) seed);
      m.setBlock(net(model));
      DefaultTrainingConfig cfg =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
              .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
      try (Trainer trainer = m.newTrainer(cfg)) {
        Dataset train = data.train();
        trainer.initialize(new Shape(1, 1, 28, 28));
        NDManager nm = trainer.getManager();
        int per = train.exampleSize();
        float[] xb = new float[batch * per];
        float[] yb = new float[batch];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int e = 0; e < epochs; e++) {
          long t0 = System.nanoTime();
          int[] order = Dataset.permutation(train.size(), rng);
          for (int off = 0; off < order.length; off += batch) {
            int n = Math.min(batch, order.length - off);
            for (int i = 0; i < n; i++) {
              System.arraycopy(train.x(), order[off + i] * per, xb, i * per, per);
              yb[i] = train.y()[order[off + i]];
            }
            try (NDManager step = nm.newSubManager()) {
              NDArray x = step.create(FloatBuffer.wrap(xb, 0, n * per), new Shape(n, 1, 28, 28));
              NDArray y = step.create(FloatBuffer.wrap(yb, 0, n), new Shape(n));
              try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList pred = trainer.forward(new NDList(x));
                NDArray loss = trainer.getLoss().evaluate(new NDList(y), pred);
                gc.backward(loss);
              }
              trainer.step();
            }
          }
          out.add((System.nanoTime() - t0) / 1e9);
        }
        Dataset test = data.test();
        long correct = 0;
        for (int off = 0; off < test.size(); off += 1000) {
          int n = Math.min(1000, test.size() - off);
          try (NDManager step = nm.newSubManager()) {
            NDArray x =
                step.create(
                    FloatBuffer.wrap(test.x(), off * per, n * per), new Shape(n, 1, 28, 28));
            NDArray pred = trainer.evaluate(new NDList(x)).singletonOrThrow();
            long[] arg = pred.argMax(1).toLongArray();
            for (int i = 0; i < n; i++) {
              correct += arg[i] == test.y()[off + i] ? 1 : 0;
            }
          }
        }
        out.add((double) correct / test.size());
      }
    }
    return out;
  }
}
