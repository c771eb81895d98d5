package org.gyrus.nas.discover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;

/**
 * Sites of a block program: every layer node and layer list, addressed by a path of steps (an
 * argument name or a list index), with get and a persistent set. Only arguments that hold layers
 * (nodes or lists of nodes) are walked, so hyper-arguments such as {@code kernel} are not sites.
 */
final class SpecTree {
  private SpecTree() {}

  /** Every site of {@code v} in pre-order, the root (empty path) first. */
  static List<List<Object>> sites(Value v) {
    List<List<Object>> out = new ArrayList<>();
    walk(v, new ArrayList<>(), out);
    return out;
  }

  private static void walk(Value v, List<Object> path, List<List<Object>> out) {
    out.add(List.copyOf(path));
    if (v instanceof ListVal l) {
      for (int i = 0; i < l.items().size(); i++) {
        path.add(i);
        walk(l.items().get(i), path, out);
        path.remove(path.size() - 1);
      }
    } else if (v instanceof Node n) {
      for (var e : n.args().entrySet()) {
        if (!holdsLayers(e.getValue())) {
          continue;
        }
        path.add(e.getKey());
        if (e.getKey().equals("branches") && e.getValue() instanceof ListVal l) {
          // a parallel's branch list must stay a list: its branches are sites, the list is not
          for (int i = 0; i < l.items().size(); i++) {
            path.add(i);
            walk(l.items().get(i), path, out);
            path.remove(path.size() - 1);
          }
        } else {
          walk(e.getValue(), path, out);
        }
        path.remove(path.size() - 1);
      }
    }
  }

  /** True for a node, or a non-empty list of nodes and lists. */
  static boolean holdsLayers(Value v) {
    if (v instanceof Node) {
      return true;
    }
    if (v instanceof ListVal l && !l.items().isEmpty()) {
      return l.items().stream().allMatch(i -> i instanceof Node || i instanceof ListVal);
    }
    return false;
  }

  static Value get(Value root, List<Object> path) {
    Value v = root;
    for (Object step : path) {
      v = step instanceof Integer i ? ((ListVal) v).items().get(i) : ((Node) v).arg((String) step);
    }
    return v;
  }

  /** A copy of {@code root} with the value at {@code path} replaced. */
  static Value set(Value root, List<Object> path, Value replacement) {
    if (path.isEmpty()) {
      return replacement;
    }
    Object step = path.get(0);
    List<Object> rest = path.subList(1, path.size());
    if (step instanceof Integer i) {
      List<Value> items = new ArrayList<>(((ListVal) root).items());
      items.set(i, set(items.get(i), rest, replacement));
      return new ListVal(items);
    }
    Node n = (Node) root;
    Map<String, Value> args = new LinkedHashMap<>(n.args());
    args.put((String) step, set(n.arg((String) step), rest, replacement));
    return new Node(n.type(), args);
  }

  /** A path as text, e.g. {@code .value[1]}, for error messages and repair notes. */
  static String show(List<Object> path) {
    StringBuilder b = new StringBuilder();
    for (Object s : path) {
      b.append(s instanceof Integer ? "[" + s + "]" : "." + s);
    }
    return b.toString();
  }

  /** Number of layer nodes in the program (its size). */
  static int nodeCount(Value v) {
    int n = 0;
    for (List<Object> p : sites(v)) {
      n += get(v, p) instanceof Node ? 1 : 0;
    }
    return n;
  }
}
