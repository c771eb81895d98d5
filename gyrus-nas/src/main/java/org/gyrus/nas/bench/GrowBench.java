package org.gyrus.nas.bench;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nas.grow.Grower;
import org.gyrus.nas.grow.KernelWiden;
import org.gyrus.nas.grow.Net;
import org.gyrus.nas.grow.Net2Deeper;
import org.gyrus.nas.grow.Net2Wider;
import org.gyrus.nas.grow.NetIo;
import org.gyrus.nas.grow.SkipInsert;
import org.gyrus.nn.blocks.Notation;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.Recipe;

/**
 * Grown vs from scratch (S5): a small CNN seed is trained, then grown by the REINFORCE controller
 * over morphisms with inherited weights; the final architecture is trained again from scratch for
 * the same number of epochs as the grown network's lineage. One JSON line per seed on stdout.
 *
 * <p>{@code GrowBench DATA_DIR fashion|cifar10 TRAIN_N SEED ROUNDS CHILDREN SEED_EPOCHS}
 */
public final class GrowBench {
  private GrowBench() {}

  public static void main(String[] a) {
    Path dir = Path.of(a[0]);
    String set = a[1];
    int trainN = Integer.parseInt(a[2]);
    int seed = Integer.parseInt(a[3]);
    int rounds = Integer.parseInt(a[4]);
    int children = Integer.parseInt(a[5]);
    int seedEpochs = Integer.parseInt(a[6]);
    DataSplits full =
        set.equals("cifar10")
            ? Datasets.cifar10(dir, true, 0.2, seed)
            : Datasets.idx(dir, "fashion-mnist", 0.1, seed);
    // CIFAR-10's files are read in class order, so its test subset is a seeded random draw (the
    // first 5,000 would be five classes); Fashion-MNIST's test file is in its published order
    Dataset test =
        set.equals("cifar10")
            ? full.test()
                .subset(
                    Arrays.copyOf(
                        Dataset.permutation(full.test().size(), new SplittableRandom(12345)), 5000),
                    "cifar10/test5000")
            : full.test().head(5000);
    DataSplits data = new DataSplits(full.train().head(trainN), full.validation().head(2000), test);
    Shape in = data.train().exampleShape();
    int classes = data.train().classes();
    long t0 = System.nanoTime();
    Recipe oneEpoch = recipe(1, seed);
    NetIo.Trained seedNet =
        NetIo.train(
            NetIo.init(seedSpec(), in, classes, seed), recipe(seedEpochs, seed), data, p -> false);
    Grower grower =
        new Grower(
            List.of(
                new Net2Wider(2.0, 0.1),
                new Net2Deeper("auto", 3),
                new KernelWiden(1, 7),
                new SkipInsert(3, 128)),
            2.0);
    Grower.Result g =
        grower.grow(
            seedNet.net(),
            seedNet.result().valAccuracy(),
            seedEpochs,
            rounds,
            children,
            oneEpoch,
            data,
            new SplittableRandom(seed),
            s ->
                System.err.printf(
                    Locale.ROOT,
                    "seed %d round %d %s: val %.4f -> %.4f%n",
                    seed,
                    s.round(),
                    s.what(),
                    s.parentVal(),
                    s.childVal()));
    double grownTest = NetIo.accuracy(g.net(), data.test());
    double growSecs = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    NetIo.Trained scratch =
        NetIo.train(
            NetIo.init(g.net().spec(), in, classes, seed + 1000),
            recipe(g.lineageEpochs(), seed),
            data,
            p -> false);
    double scratchSecs = (System.nanoTime() - t1) / 1e9;
    // a second control: the same architecture given every epoch the grower spent (discarded
    // children included)
    NetIo.Trained scratchTotal =
        NetIo.train(
            NetIo.init(g.net().spec(), in, classes, seed + 1000),
            recipe(g.totalEpochs(), seed),
            data,
            p -> false);
    print(set, seed, data, seedNet, g, grownTest, scratch, growSecs, scratchSecs);
    System.out.printf(
        Locale.ROOT,
        "{\"set\":\"%s\",\"seed\":%d,\"scratch_total_test\":%.4f,\"scratch_total_epochs\":%d}%n",
        set,
        seed,
        scratchTotal.result().testAccuracy(),
        g.totalEpochs());
  }

  private static void print(
      String set,
      int seed,
      DataSplits data,
      NetIo.Trained seedNet,
      Grower.Result g,
      double grownTest,
      NetIo.Trained scratch,
      double growSecs,
      double scratchSecs) {
    Net grown = g.net();
    StringBuilder steps = new StringBuilder("[");
    for (Grower.Step s : g.steps()) {
      if (steps.length() > 1) {
        steps.append(',');
      }
      steps
          .append('"')
          .append(s.what())
          .append(String.format(Locale.ROOT, " %.4f", s.childVal()))
          .append('"');
    }
    steps.append(']');
    System.out.printf(
        Locale.ROOT,
        "{\"set\":\"%s\",\"seed\":%d,\"train_n\":%d,\"seed_val\":%.4f,\"seed_test\":%.4f,"
            + "\"grown_val\":%.4f,\"grown_test\":%.4f,\"scratch_val\":%.4f,\"scratch_test\":%.4f,"
            + "\"lineage_epochs\":%d,\"total_epochs\":%d,\"grown_params\":%d,\"seed_params\":%d,"
            + "\"grow_seconds\":%.1f,\"scratch_seconds\":%.1f,\"arch\":\"%s\",\"steps\":%s}%n",
        set,
        seed,
        data.train().size(),
        seedNet.result().valAccuracy(),
        seedNet.result().testAccuracy(),
        g.val(),
        grownTest,
        scratch.result().valAccuracy(),
        scratch.result().testAccuracy(),
        g.lineageEpochs(),
        g.totalEpochs(),
        scratch.result().params(),
        seedNet.result().params(),
        growSecs,
        scratchSecs,
        Notation.of(grown.spec()).replace("\"", "'"),
        steps);
  }

  /** The seed: two 8-filter conv + pool stages and a 32-unit dense layer. */
  static Value seedSpec() {
    return Node.of(
        "model",
        "body",
        ListVal.of(
            Node.of("conv2d", "filters", 8, "kernel", 3, "padding", "same", "activation", "relu"),
            Node.of("max_pool", "kernel", 2),
            Node.of("conv2d", "filters", 8, "kernel", 3, "padding", "same", "activation", "relu"),
            Node.of("max_pool", "kernel", 2),
            Node.of("flatten"),
            Node.of("dense", "units", 32, "activation", "relu")));
  }

  private static Recipe recipe(int epochs, int seed) {
    return Recipe.from(
        Node.of("recipe", "epochs", epochs, "seed", (long) seed, "lr", 1e-3, "batch_size", 64));
  }
}
