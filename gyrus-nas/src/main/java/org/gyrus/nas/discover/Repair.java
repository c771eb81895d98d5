package org.gyrus.nas.discover;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * The engineer's shape repair: threads the input shape through a program and fixes what does not
 * fit — a residual body, gate branch or added/averaged parallel branch of the wrong width gets a
 * dense adapter to the width it must have, attention heads that do not divide the width become the
 * largest divisor below, and a program that ends at another width gets an output adapter. What it
 * cannot fix (another rank, an unknown type) is left for the compiler to reject with its path.
 */
final class Repair {
  /** A repaired program and one note per repair. */
  record Repaired(Value program, List<String> notes) {}

  private record Fixed(Value value, Shape out) {}

  private final SpecCompiler compiler;

  Repair(SpecCompiler compiler) {
    this.compiler = compiler;
  }

  Repaired apply(Value program, Shape in) {
    List<String> notes = new ArrayList<>();
    Fixed f = fix(program, in, "mixer", notes);
    Value out = f.value();
    if (!f.out().equals(in)) {
      out = adapt(f.value(), f.out(), in, "mixer (output)", notes);
    }
    return new Repaired(out, notes);
  }

  private Fixed fix(Value v, Shape in, String path, List<String> notes) {
    if (v instanceof ListVal l) {
      List<Value> items = new ArrayList<>();
      Shape cur = in;
      for (int i = 0; i < l.items().size(); i++) {
        Fixed f = fix(l.items().get(i), cur, path + "[" + i + "]", notes);
        items.add(f.value());
        cur = f.out();
      }
      return new Fixed(new ListVal(items), cur);
    }
    if (!(v instanceof Node n)) {
      return new Fixed(v, compiler.analyse(v, in, path).output());
    }
    switch (n.type()) {
      case "sequential":
        Fixed layers = fix(new ListVal(n.listArg("layers")), in, path + ".layers", notes);
        return new Fixed(n.with("layers", layers.value()), layers.out());
      case "residual":
        Fixed body = fix(n.arg("body"), in, path + ".body", notes);
        Value b =
            body.out().equals(in)
                ? body.value()
                : adapt(body.value(), body.out(), in, path + ".body", notes);
        return new Fixed(n.with("body", b), in);
      case "gate":
        Fixed value = fix(n.arg("value"), in, path + ".value", notes);
        Fixed gate = fix(n.arg("gate"), in, path + ".gate", notes);
        Value g =
            gate.out().equals(value.out())
                ? gate.value()
                : adapt(gate.value(), gate.out(), value.out(), path + ".gate", notes);
        return new Fixed(n.with("value", value.value()).with("gate", g), value.out());
      case "parallel":
        return parallel(n, in, path, notes);
      case "recall_attention":
      case "attention":
        Node h = heads(n, in, path, notes);
        return new Fixed(h, compiler.analyse(h, in, path).output());
      default:
        return new Fixed(n, compiler.analyse(n, in, path).output());
    }
  }

  private Fixed parallel(Node n, Shape in, String path, List<String> notes) {
    List<Value> branches = new ArrayList<>();
    Shape first = null;
    List<Value> given = n.listArg("branches");
    boolean concat = n.strArg("join", "add").equals("concat");
    for (int i = 0; i < given.size(); i++) {
      String p = path + ".branches[" + i + "]";
      Fixed f = fix(given.get(i), in, p, notes);
      Value b = f.value();
      if (first == null) {
        first = f.out();
      } else if (!concat && !f.out().equals(first)) {
        b = adapt(b, f.out(), first, p, notes);
      }
      branches.add(b);
    }
    Node fixed = n.with("branches", new ListVal(branches));
    return new Fixed(fixed, compiler.analyse(fixed, in, path).output());
  }

  /** Heads that do not divide the width become the largest divisor of it below them. */
  private static Node heads(Node n, Shape in, String path, List<String> notes) {
    long heads = n.intArg("heads", 1);
    long d = in.get(in.dimension() - 1);
    if (heads < 1 || d % heads == 0) {
      return n;
    }
    long h = Math.min(heads, d);
    while (d % h != 0) {
      h--;
    }
    notes.add(path + ": heads " + heads + " do not divide width " + d + ", set to " + h);
    return n.with("heads", new Value.IntVal(h));
  }

  /** {@code v} followed by a dense projection from {@code from}'s width to {@code to}'s. */
  private static Value adapt(Value v, Shape from, Shape to, String path, List<String> notes) {
    if (from.dimension() != to.dimension()
        || !from.slice(0, from.dimension() - 1).equals(to.slice(0, to.dimension() - 1))) {
      throw new SpecError(
          path, "an output " + to + " (only the last axis can be adapted)", from.toString());
    }
    long units = to.get(to.dimension() - 1);
    notes.add(path + ": adapter dense " + from.get(from.dimension() - 1) + " → " + units);
    Node dense = Node.of("dense", "units", units);
    if (v instanceof ListVal l) {
      List<Value> items = new ArrayList<>(l.items());
      items.add(dense);
      return new ListVal(items);
    }
    return ListVal.of(v, dense);
  }
}
