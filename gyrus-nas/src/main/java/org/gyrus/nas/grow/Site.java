package org.gyrus.nas.grow;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.nas.grow.SpecPaths.LayerList;

/** An item of a layer list: where a morphism acts, and what follows it. */
record Site(LayerList list, int index) {
  static final Set<String> ACTIVATIONS =
      Set.of("relu", "gelu", "silu", "tanh", "sigmoid", "identity");

  Value item() {
    return list.items().get(index);
  }

  Node node() {
    return item() instanceof Node n ? n : null;
  }

  String path() {
    return list.itemPath(index);
  }

  Shape input() {
    return list.inputs().get(index);
  }

  Shape output() {
    return index + 1 < list.inputs().size() ? list.inputs().get(index + 1) : list.output();
  }

  boolean isRootBody() {
    return list.path().equals("model.body") || list.path().equals("model");
  }

  /** Every list item of {@code net} outside the head. */
  static List<Site> all(Net net) {
    List<Site> out = new ArrayList<>();
    for (LayerList l : SpecPaths.layerLists(net.spec(), net.input(), net.classes())) {
      if (!l.isHead()) {
        for (int i = 0; i < l.items().size(); i++) {
          out.add(new Site(l, i));
        }
      }
    }
    return out;
  }

  /** Paths of the sites whose item is one of {@code types}; every site when none is given. */
  static List<String> paths(Net net, String... types) {
    List<String> out = new ArrayList<>();
    for (Site s : all(net)) {
      if (types.length == 0 || isType(s.item(), types)) {
        out.add(s.path());
      }
    }
    return out;
  }

  /** The site at {@code path}, or null. */
  static Site find(Net net, String path) {
    for (Site s : all(net)) {
      if (s.path().equals(path)) {
        return s;
      }
    }
    return null;
  }

  /** The items after this one in its list, then the head's when this list is the model body. */
  List<Site> downstream(Net net) {
    List<Site> out = new ArrayList<>();
    for (int i = index + 1; i < list.items().size(); i++) {
      out.add(new Site(list, i));
    }
    if (isRootBody()) {
      for (LayerList l : SpecPaths.layerLists(net.spec(), net.input(), net.classes())) {
        if (l.isHead()) {
          for (int i = 0; i < l.items().size(); i++) {
            out.add(new Site(l, i));
          }
        }
      }
    }
    return out;
  }

  static boolean isType(Value v, String... types) {
    if (v instanceof Node n) {
      for (String t : types) {
        if (n.type().equals(t)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The output of this item is provably ≥ 0 (so relu(x) = x on it). */
  boolean nonNegativeOutput() {
    Node n = node();
    if (n == null) {
      return false;
    }
    String act = n.args().containsKey("activation") ? n.strArg("activation", "none") : "";
    if (n.type().equals("relu") || n.type().equals("sigmoid")) {
      return true;
    }
    if (isType(n, "dense", "conv1d", "conv2d")) {
      return act.equals("relu") || act.equals("sigmoid");
    }
    if (isType(
        n,
        "max_pool",
        "avg_pool",
        "global_avg_pool",
        "global_max_pool",
        "dropout",
        "flatten",
        "identity")) {
      return index > 0 && new Site(list, index - 1).nonNegativeOutput();
    }
    return false;
  }
}
