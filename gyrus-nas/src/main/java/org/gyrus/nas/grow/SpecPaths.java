package org.gyrus.nas.grow;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * Spec paths as the compiler writes them ({@code model.body[2].body[0]}): finding the layer lists
 * of a network, the input shape at every position, and editing a spec at a path.
 */
public final class SpecPaths {
  private SpecPaths() {}

  /** A sequence of layers: its path, its items and the input shape in front of each item. */
  public record LayerList(String path, List<Value> items, List<Shape> inputs, Shape output) {
    public String itemPath(int i) {
      return path + "[" + i + "]";
    }

    public boolean isHead() {
      return path.equals("model.head");
    }
  }

  /**
   * Every layer sequence of {@code spec} (model body, sequential layers, residual bodies, parallel
   * branches, nested lists) and the automatic head, in spec order. A single node standing where a
   * list may be is not a list, so nothing is inserted beside it.
   */
  public static List<LayerList> layerLists(Value spec, Shape input, int classes) {
    List<LayerList> out = new ArrayList<>();
    SpecCompiler c = SpecCompiler.standard();
    Shape bodyOut = collect(spec, input, "model", c, out);
    List<Value> head = CompiledModel.head(spec, bodyOut, classes);
    if (!head.isEmpty()) {
      collect(new ListVal(head), bodyOut, "model.head", c, out);
    }
    return out;
  }

  private static Shape collect(
      Value v, Shape in, String path, SpecCompiler c, List<LayerList> out) {
    if (v instanceof ListVal list) {
      List<Shape> inputs = new ArrayList<>();
      int slot = out.size();
      out.add(null);
      Shape s = in;
      for (int i = 0; i < list.items().size(); i++) {
        inputs.add(s);
        s = collect(list.items().get(i), s, path + "[" + i + "]", c, out);
      }
      out.set(slot, new LayerList(path, list.items(), inputs, s));
      return s;
    }
    Node n = (Node) v;
    switch (n.type()) {
      case "model", "sequential" -> {
        String arg = n.type().equals("model") ? "body" : "layers";
        collect(n.arg(arg), in, path + "." + arg, c, out);
      }
      case "residual" -> collect(n.arg("body"), in, path + ".body", c, out);
      case "parallel", "concat", "routed" -> {
        String arg = n.type().equals("routed") ? "bricks" : "branches";
        List<Value> b = n.listArg(arg);
        for (int i = 0; i < b.size(); i++) {
          collect(b.get(i), in, path + "." + arg + "[" + i + "]", c, out);
        }
      }
      default -> {}
    }
    Analysis a = c.analyse(v, in, path);
    return a.output();
  }

  /** The spec with the value at {@code target} replaced by {@code f} of it. */
  public static Value edit(Value spec, String target, UnaryOperator<Value> f) {
    Value out = edit(spec, "model", target, f);
    if (out == spec && !target.equals("model")) {
      throw new IllegalArgumentException("no value at " + target + " in " + spec);
    }
    return out;
  }

  private static Value edit(Value v, String path, String target, UnaryOperator<Value> f) {
    if (path.equals(target)) {
      return f.apply(v);
    }
    if (!target.startsWith(path)) {
      return v;
    }
    if (v instanceof ListVal l) {
      List<Value> items = new ArrayList<>(l.items());
      boolean changed = false;
      for (int i = 0; i < items.size(); i++) {
        Value e = edit(items.get(i), path + "[" + i + "]", target, f);
        changed |= e != items.get(i);
        items.set(i, e);
      }
      return changed ? new ListVal(items) : v;
    }
    if (v instanceof Node n) {
      Node out = n;
      for (Map.Entry<String, Value> a : n.args().entrySet()) {
        Value e = edit(a.getValue(), path + "." + a.getKey(), target, f);
        if (e != a.getValue()) {
          out = out.with(a.getKey(), e);
        }
      }
      return out;
    }
    return v;
  }

  /** The value at {@code target}, or null when there is none. */
  public static Value find(Value spec, String target) {
    Value[] found = new Value[1];
    edit(
        spec,
        "model",
        target,
        v -> {
          found[0] = v;
          return v;
        });
    return found[0];
  }

  /**
   * The spec with {@code layer} inserted into the list at {@code listPath} before {@code index}.
   */
  public static Value insert(Value spec, String listPath, int index, Value layer) {
    return edit(
        spec,
        listPath,
        v -> {
          List<Value> items = new ArrayList<>(((ListVal) v).items());
          items.add(index, layer);
          return new ListVal(items);
        });
  }

  /**
   * Weights re-keyed for an insertion at {@code listPath[index]}: layers at or after that index
   * move up by one.
   */
  public static Map<String, Map<String, Tensor>> shifted(
      Map<String, Map<String, Tensor>> w, String listPath, int index) {
    Map<String, Map<String, Tensor>> out = new LinkedHashMap<>();
    String prefix = listPath + "[";
    w.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            int close = k.indexOf(']', prefix.length());
            int i = Integer.parseInt(k.substring(prefix.length(), close));
            if (i >= index) {
              k = prefix + (i + 1) + k.substring(close);
            }
          }
          out.put(k, v);
        });
    return out;
  }
}
