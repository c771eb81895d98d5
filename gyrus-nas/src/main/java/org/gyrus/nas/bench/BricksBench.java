package org.gyrus.nas.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.gyrus.nas.bricks.BrickDemos;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;

/**
 * Brick operations (S15) on Fashion-MNIST: merge (two MLPs of one architecture, naive vs aligned
 * weight average), route (two half-class bricks under a learned router), grow + update (a new
 * zero-ended brick, then fine-tuned alone). One JSON line per operation and seed on stdout.
 *
 * <p>{@code BricksBench DATA_DIR [SEEDS=3] [TRAIN_N=12000]}
 */
public final class BricksBench {
  private BricksBench() {}

  public static void main(String[] a) {
    Path dir = Path.of(a[0]);
    int seeds = a.length > 1 ? Integer.parseInt(a[1]) : 3;
    int trainN = a.length > 2 ? Integer.parseInt(a[2]) : 12000;
    for (int seed = 0; seed < seeds; seed++) {
      DataSplits full = Datasets.idx(dir, "fashion-mnist", 0.1, seed);
      DataSplits data =
          new DataSplits(
              full.train().head(trainN), full.validation().head(2000), full.test().head(5000));
      long t = System.nanoTime();
      BrickDemos.MergeResult m = BrickDemos.merge(data, 128, 2, 3, seed);
      System.out.printf(
          Locale.ROOT,
          "{\"op\":\"merge\",\"seed\":%d,\"train_n\":%d,\"acc_a\":%.4f,\"acc_b\":%.4f,\"naive\":%.4f,"
              + "\"aligned\":%.4f,\"permuted_max_diff\":%.3g,\"seconds\":%.1f}%n",
          seed,
          trainN,
          m.accA(),
          m.accB(),
          m.naive(),
          m.aligned(),
          m.permutedDiff(),
          secs(t));
      t = System.nanoTime();
      BrickDemos.RouteResult r = BrickDemos.route(data, 64, 2, 2, seed);
      System.out.printf(
          Locale.ROOT,
          "{\"op\":\"route\",\"seed\":%d,\"train_n\":%d,\"brick0\":%.4f,\"brick1\":%.4f,\"routed_untrained\":%.4f,"
              + "\"routed\":%.4f,\"routing_accuracy\":%.4f,\"seconds\":%.1f}%n",
          seed,
          trainN,
          r.brick0(),
          r.brick1(),
          r.routedBefore(),
          r.routed(),
          r.routingAccuracy(),
          secs(t));
      t = System.nanoTime();
      BrickDemos.GrowUpdateResult g = BrickDemos.growAndUpdate(data, 64, 2, seed);
      System.out.printf(
          Locale.ROOT,
          "{\"op\":\"grow_update\",\"seed\":%d,\"train_n\":%d,\"grow_max_diff\":%.3g,\"acc_before\":%.4f,"
              + "\"acc_after_update\":%.4f,\"frozen_identical\":%b,\"brick_changed\":%b,\"seconds\":%.1f}%n",
          seed,
          trainN,
          g.growDiff(),
          g.accBefore(),
          g.accAfterUpdate(),
          g.frozenIdentical(),
          g.brickChanged(),
          secs(t));
    }
  }

  private static double secs(long t) {
    return (System.nanoTime() - t) / 1e9;
  }
}
