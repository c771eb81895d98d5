package org.gyrus.nas.bricks;

import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nas.grow.Net;
import org.gyrus.nas.grow.NetIo;
import org.gyrus.nas.grow.Outcome;
import org.gyrus.nas.grow.Tensor;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.train.Recipe;

/**
 * The four brick operations run end to end on image classification data; used by the tests (small
 * sizes) and {@code bench/nas_grow} (larger), so both measure the same code.
 */
public final class BrickDemos {
  private BrickDemos() {}

  static Recipe recipe(int epochs, int seed, double lr) {
    return Recipe.from(
        Node.of("recipe", "epochs", epochs, "seed", (long) seed, "lr", lr, "batch_size", 64));
  }

  static Value mlp(int hidden, int layers) {
    List<Value> body = new ArrayList<>();
    body.add(Node.of("flatten"));
    for (int i = 0; i < layers; i++) {
      body.add(Node.of("dense", "units", hidden, "activation", "relu"));
    }
    return Node.of("model", "body", new ListVal(body));
  }

  /** Merge: accuracies of A, B, naive average, aligned average; max |Δ| of B vs permuted B. */
  public record MergeResult(
      double accA, double accB, double naive, double aligned, double permutedDiff) {}

  public static MergeResult merge(DataSplits data, int hidden, int layers, int epochs, int seed) {
    Value spec = mlp(hidden, layers);
    Net a = trainFresh(spec, data, epochs, seed);
    Net b = trainFresh(spec, data, epochs, seed + 1);
    Dataset v = data.validation();
    int n = Math.min(2000, v.size());
    float[] samples = Arrays.copyOf(v.x(), n * v.exampleSize());
    PermutationMerge.Merged m = PermutationMerge.merge(a, b, samples, n);
    double[] x = new double[8 * v.exampleSize()];
    for (int i = 0; i < x.length; i++) {
      x[i] = v.x()[i];
    }
    double[] yb = NetIo.forward(b, x, 8, DataType.FLOAT32);
    double[] yp = NetIo.forward(m.alignedB(), x, 8, DataType.FLOAT32);
    double diff = 0;
    for (int i = 0; i < yb.length; i++) {
      diff = Math.max(diff, Math.abs(yb[i] - yp[i]));
    }
    Dataset t = data.test();
    return new MergeResult(
        NetIo.accuracy(a, t),
        NetIo.accuracy(b, t),
        NetIo.accuracy(m.naive(), t),
        NetIo.accuracy(m.aligned(), t),
        diff);
  }

  static Net trainFresh(Value spec, DataSplits data, int epochs, int seed) {
    Net init = NetIo.init(spec, data.train().exampleShape(), data.train().classes(), seed);
    return NetIo.train(init, recipe(epochs, seed, 1e-3), data, p -> false).net();
  }

  /**
   * Route: two bricks, each trained on half of the classes, under a router trained alone (bricks
   * frozen) on all classes. Accuracies of each brick alone, the routed net, and the fraction of
   * test inputs the router sends to the brick trained on their class.
   */
  public record RouteResult(
      double brick0, double brick1, double routed, double routingAccuracy, double routedBefore) {}

  public static RouteResult route(
      DataSplits data, int hidden, int epochs, int routerEpochs, int seed) {
    int half = data.train().classes() / 2;
    Value brick =
        ListVal.of(
            Node.of("dense", "units", hidden, "activation", "relu"),
            Node.of("dense", "units", data.train().classes()));
    Value alone =
        Node.of(
            "model",
            "body",
            ListVal.of(
                Node.of("flatten"),
                ((ListVal) brick).items().get(0),
                ((ListVal) brick).items().get(1)));
    Net b0 = trainFresh(alone, classes(data, 0, half), epochs, seed);
    Net b1 = trainFresh(alone, classes(data, half, data.train().classes()), epochs, seed + 1);
    Value routed =
        Node.of(
            "model",
            "body",
            ListVal.of(Node.of("flatten"), Node.of("routed", "bricks", ListVal.of(brick, brick))));
    Net r = NetIo.init(routed, data.train().exampleShape(), data.train().classes(), seed);
    Map<String, Map<String, Tensor>> w = new LinkedHashMap<>(r.weights());
    for (int k = 0; k < 2; k++) {
      Net src = k == 0 ? b0 : b1;
      for (int j = 0; j < 2; j++) {
        w.put(
            "model.body[1].bricks[" + k + "][" + j + "]", src.layer("model.body[" + (j + 1) + "]"));
      }
    }
    r = r.with(routed, w);
    double before = NetIo.accuracy(r, data.test());
    Net trained =
        Bricks.update(r, "model.body[1].router", recipe(routerEpochs, seed, 3e-3), data).net();
    Dataset t = data.test();
    return new RouteResult(
        NetIo.accuracy(b0, t),
        NetIo.accuracy(b1, t),
        NetIo.accuracy(trained, t),
        routing(trained, t, half),
        before);
  }

  /** Fraction of examples whose router choice is the brick trained on their class half. */
  static double routing(Net net, Dataset d, int half) {
    Map<String, Tensor> router = net.layer("model.body[1].router");
    Tensor w = router.get("weight");
    Tensor b = router.get("bias");
    int in = w.dim(1);
    int right = 0;
    for (int s = 0; s < d.size(); s++) {
      double best = Double.NEGATIVE_INFINITY;
      int arg = 0;
      for (int k = 0; k < w.dim(0); k++) {
        double z = b.data()[k];
        for (int f = 0; f < in; f++) {
          z += w.data()[k * in + f] * d.x()[s * in + f];
        }
        if (z > best) {
          best = z;
          arg = k;
        }
      }
      right += arg == (d.y()[s] < half ? 0 : 1) ? 1 : 0;
    }
    return (double) right / d.size();
  }

  static DataSplits classes(DataSplits data, int from, int to) {
    return new DataSplits(
        only(data.train(), from, to),
        only(data.validation(), from, to),
        only(data.test(), from, to));
  }

  static Dataset only(Dataset d, int from, int to) {
    int[] idx =
        java.util.stream.IntStream.range(0, d.size())
            .filter(i -> d.y()[i] >= from && d.y()[i] < to)
            .toArray();
    return d.subset(idx, d.name() + "[" + from + "," + to + ")");
  }

  /** Grow + update: outputs before/after growing (max |Δ|), then fine-tuning only the new brick. */
  public record GrowUpdateResult(
      double growDiff,
      double accBefore,
      double accAfterUpdate,
      boolean frozenIdentical,
      boolean brickChanged) {}

  public static GrowUpdateResult growAndUpdate(DataSplits data, int hidden, int epochs, int seed) {
    int classes = data.train().classes();
    Value brick =
        ListVal.of(
            Node.of("dense", "units", hidden, "activation", "relu"),
            Node.of("dense", "units", classes));
    Value spec =
        Node.of(
            "model",
            "body",
            ListVal.of(
                Node.of("flatten"),
                Node.of("dense", "units", 2 * hidden, "activation", "relu"),
                Node.of("batch_norm"),
                Node.of("parallel", "join", "add", "branches", ListVal.of(brick))));
    Net base = trainFresh(spec, data, epochs, seed);
    Outcome o = Bricks.grow(base, "model.body[3]", brick, seed + 7);
    Net grown = ((Outcome.Applied) o).net();
    Dataset v = data.test();
    int n = 64;
    double[] x = new double[n * v.exampleSize()];
    for (int i = 0; i < x.length; i++) {
      x[i] = v.x()[i];
    }
    double[] y0 = NetIo.forward(base, x, n, DataType.FLOAT32);
    double[] y1 = NetIo.forward(grown, x, n, DataType.FLOAT32);
    double diff = 0;
    for (int i = 0; i < y0.length; i++) {
      diff = Math.max(diff, Math.abs(y0[i] - y1[i]));
    }
    String newBrick = "model.body[3].branches[1]";
    Net updated = Bricks.update(grown, newBrick, recipe(epochs, seed, 1e-3), data).net();
    boolean frozen = true;
    boolean changed = false;
    for (Map.Entry<String, Map<String, Tensor>> e : grown.weights().entrySet()) {
      boolean same = e.getValue().equals(updated.layer(e.getKey()));
      if (Bricks.inside(e.getKey(), newBrick)) {
        changed |= !same;
      } else {
        frozen &= same;
      }
    }
    return new GrowUpdateResult(
        diff, NetIo.accuracy(base, v), NetIo.accuracy(updated, v), frozen, changed);
  }
}
