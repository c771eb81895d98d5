package org.gyrus.nas.discover;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;

/**
 * The motifs of a block program, the unit the analyst credits: one token per layer node (its type
 * and the argument that changes what it computes, e.g. {@code attn:linear}, {@code gate:sigmoid},
 * {@code dense:silu}), {@code A>B} for a node B inside combinator A, and {@code A→B} for B right
 * after A in a layer list.
 */
public final class Motifs {
  private Motifs() {}

  public static Set<String> of(Value program) {
    Set<String> out = new TreeSet<>();
    collect(program, null, out);
    return out;
  }

  /** The token of one layer node; null for plain sequences. */
  static String token(Node n) {
    switch (n.type()) {
      case "recall_attention":
        return "attn:" + n.strArg("kernel", "softmax");
      case "attention":
        return "attn:global";
      case "dense":
        return "dense:" + n.strArg("activation", "none");
      case "gate":
        return "gate:" + n.strArg("activation", "sigmoid");
      case "parallel":
        return "parallel:" + n.strArg("join", "add");
      case "sequential":
        return null;
      default:
        return n.type();
    }
  }

  private static void collect(Value v, String parent, Set<String> out) {
    if (v instanceof ListVal l) {
      String previous = null;
      for (Value item : l.items()) {
        collect(item, parent, out);
        String t = first(item);
        if (previous != null && t != null) {
          out.add(previous + "→" + t);
        }
        previous = last(item) != null ? last(item) : previous;
      }
      return;
    }
    if (!(v instanceof Node n)) {
      return;
    }
    String t = token(n);
    if (t != null) {
      out.add(t);
      if (parent != null) {
        out.add(parent + ">" + t);
      }
      if (n.type().equals("recall_attention") && n.boolArg("shift", true)) {
        out.add("token_shift");
      }
      if (n.intArg("heads", 1) > 1) {
        out.add("multihead");
      }
    }
    for (Value child : n.args().values()) {
      if (SpecTree.holdsLayers(child)) {
        collect(child, t != null ? t : parent, out);
      }
    }
  }

  private static String first(Value v) {
    if (v instanceof ListVal l) {
      return l.items().isEmpty() ? null : first(l.items().get(0));
    }
    return v instanceof Node n ? token(n) : null;
  }

  private static String last(Value v) {
    if (v instanceof ListVal l) {
      List<Value> items = l.items();
      return items.isEmpty() ? null : last(items.get(items.size() - 1));
    }
    return v instanceof Node n ? token(n) : null;
  }
}
