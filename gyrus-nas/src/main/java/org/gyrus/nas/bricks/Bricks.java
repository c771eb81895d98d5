package org.gyrus.nas.bricks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nas.grow.Net;
import org.gyrus.nas.grow.NetIo;
import org.gyrus.nas.grow.Outcome;
import org.gyrus.nas.grow.SpecPaths;
import org.gyrus.nas.grow.Tensor;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.train.Recipe;

/**
 * Brick operations over specs with weights (S15). A brick is a branch of a {@code parallel} (join:
 * add) or {@code routed} node; route = train only the router of a {@code routed} node, merge =
 * {@link PermutationMerge}, grow = {@link #grow}, update = {@link #update}.
 */
public final class Bricks {
  private Bricks() {}

  /**
   * Adds {@code brick} as a new branch of the {@code parallel} (join: add) node at {@code path}.
   * Its layers get the engine's seeded initial weights, except the last layer with parameters,
   * which starts at zero: the sum gains + 0, so the outputs are bit-identical at initialisation.
   */
  public static Outcome grow(Net net, String path, Value brick, int seed) {
    Node node = nodeAt(net.spec(), path);
    if (node == null
        || !node.type().equals("parallel")
        || !node.strArg("join", "add").equals("add")) {
      return new Outcome.Refused(
          path
              + ": grow adds a brick to a parallel node with join: add (mean would rescale, concat would change the shape)");
    }
    List<Value> branches = new ArrayList<>(node.listArg("branches"));
    String prefix = path + ".branches[" + branches.size() + "]";
    branches.add(brick);
    Value spec =
        SpecPaths.edit(net.spec(), path, v -> ((Node) v).with("branches", new ListVal(branches)));
    Net fresh = NetIo.init(spec, net.input(), net.classes(), seed);
    Map<String, Map<String, Tensor>> w = new LinkedHashMap<>(net.weights());
    String last = null;
    for (Map.Entry<String, Map<String, Tensor>> e : fresh.weights().entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        w.put(e.getKey(), e.getValue());
        last = e.getKey();
      }
    }
    if (last == null) {
      return new Outcome.Refused(path + ": the new brick has no parameters to start at zero");
    }
    Map<String, Tensor> zero = new LinkedHashMap<>();
    fresh.layer(last).forEach((name, t) -> zero.put(name, Tensor.zeros(t.shape())));
    w.put(last, zero);
    return new Outcome.Applied(net.with(spec, w), "grow brick " + prefix);
  }

  /**
   * Fine-tunes the layers under {@code brickPath} with every other parameter frozen (left out of
   * the optimiser). Batch-norm running statistics outside the brick, which move in training mode
   * whatever is frozen, are put back, so everything outside is bit-identical afterwards.
   */
  public static NetIo.Trained update(Net net, String brickPath, Recipe recipe, DataSplits data) {
    NetIo.Trained t = NetIo.train(net, recipe, data, path -> !inside(path, brickPath));
    Map<String, Map<String, Tensor>> w = new LinkedHashMap<>(t.net().weights());
    net.weights()
        .forEach(
            (path, layer) -> {
              if (!inside(path, brickPath)) {
                Map<String, Tensor> l = new LinkedHashMap<>(w.get(path));
                for (String stat : List.of("runningMean", "runningVar")) {
                  if (layer.containsKey(stat)) {
                    l.put(stat, layer.get(stat));
                  }
                }
                w.put(path, l);
              }
            });
    return new NetIo.Trained(t.net().with(t.net().spec(), w), t.result());
  }

  static boolean inside(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
  }

  static Node nodeAt(Value spec, String path) {
    return SpecPaths.find(spec, path) instanceof Node n ? n : null;
  }
}
