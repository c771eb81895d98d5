package org.gyrus.nesy;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.gyrus.core.Value;
import org.gyrus.nn.Convs;
import org.gyrus.nn.blocks.CompiledModel;

/**
 * The network behind {@code digit(Img, D)}: DeepProbLog's MNIST_Net (LeNet-style: conv 5x5 6 → pool
 * → conv 5x5 16 → pool → 120 → 84 → 10 logits), the same network Scallop and DeepStochLog use for
 * MNIST-addition.
 */
public final class DigitNet {
  private DigitNet() {}

  /** Any model spec over 1×28×28 images, compiled by gyrus-nn (a head to K logits is added). */
  public static Block fromSpec(Value spec, int classes) {
    return CompiledModel.classifier(spec, new Shape(1, 28, 28), classes).block();
  }

  public static SequentialBlock lenet(int classes) {
    return new SequentialBlock()
        .add(Convs.conv2d(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(6)))
        .add(Pool.maxPool2dBlock(new Shape(2, 2)))
        .add(Activation.reluBlock())
        .add(Convs.conv2d(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(16)))
        .add(Pool.maxPool2dBlock(new Shape(2, 2)))
        .add(Activation.reluBlock())
        .add(Blocks.batchFlattenBlock(16 * 4 * 4))
        .add(Linear.builder().setUnits(120).build())
        .add(Activation.reluBlock())
        .add(Linear.builder().setUnits(84).build())
        .add(Activation.reluBlock())
        .add(Linear.builder().setUnits(classes).build());
  }
}
