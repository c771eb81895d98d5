package org.gyrus.nas.grow;

import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.core.plugin.Register;
import org.gyrus.nas.grow.Outcome.Refused;

/**
 * Skip insertion: after a layer, a new {@code residual} block x + f(x) whose body is a
 * Glorot-initialised dense/conv layer with relu, then a zero-initialised one, so f(x) = 0 at
 * insertion and the network's outputs are unchanged; training then moves the last layer off zero.
 */
public record SkipInsert(int kernel, int maxUnits) implements Morphism {
  @Override
  public String name() {
    return "insert_skip";
  }

  @Override
  public List<String> sites(Net net) {
    return Site.paths(net);
  }

  @Override
  public Outcome apply(Net net, String path, SplittableRandom rng) {
    Site site = Site.find(net, path);
    if (site == null) {
      return new Refused(path + ": not an item of a layer list");
    }
    Shape s = site.output();
    Node first;
    Node last;
    long[] w1;
    long[] w2;
    if (s.get(0) > maxUnits) {
      return new Refused(
          path + ": " + s.get(0) + " features/channels exceed max_units " + maxUnits);
    }
    if (s.dimension() == 1) {
      int f = (int) s.get(0);
      first = Node.of("dense", "units", f, "activation", "relu");
      last = Node.of("dense", "units", f);
      w1 = new long[] {f, f};
      w2 = w1;
    } else if (s.dimension() == 3) {
      int c = (int) s.get(0);
      first =
          Node.of(
              "conv2d", "filters", c, "kernel", kernel, "padding", "same", "activation", "relu");
      last = Node.of("conv2d", "filters", c, "kernel", kernel, "padding", "same");
      w1 = new long[] {c, c, kernel, kernel};
      w2 = w1;
    } else {
      return new Refused(path + ": insert_skip handles (F) and (C,H,W) outputs, here " + s);
    }
    Node block = Node.of("residual", "body", new ListVal(List.of(first, last)));
    Map<String, Map<String, Tensor>> params = new LinkedHashMap<>();
    params.put(".body[0]", layer(glorot(w1, rng)));
    params.put(".body[1]", layer(Tensor.zeros(w2)));
    return Insertions.insertAfter(net, site, block, params, "insert_skip");
  }

  private static Map<String, Tensor> layer(Tensor weight) {
    Map<String, Tensor> p = new LinkedHashMap<>();
    p.put("weight", weight);
    p.put("bias", Tensor.zeros(weight.dim(0)));
    return p;
  }

  /** Glorot-uniform, as gyrus-nn initialises weights. */
  static Tensor glorot(long[] shape, SplittableRandom rng) {
    Tensor t = Tensor.zeros(shape);
    double fanIn = t.rowSize();
    double fanOut = t.data().length / (double) shape[1];
    double a = Math.sqrt(6 / ((fanIn + fanOut) / 2) / 2);
    for (int i = 0; i < t.data().length; i++) {
      t.data()[i] = a * (2 * rng.nextDouble() - 1);
    }
    return t;
  }

  /** Registered as {@code insert_skip}. */
  @Register
  public static final class Factory implements MorphismFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "insert_skip",
          "insert a residual block whose last layer is zero (outputs unchanged)",
          ArgSpec.optional("kernel", Kind.INT, 3).range(1, 15).doc("kernel of its convs (odd)"),
          ArgSpec.optional("max_units", Kind.INT, 256)
              .range(1, 1 << 20)
              .doc("refuse where the output has more features/channels"));
    }

    @Override
    public Morphism create(Args a) {
      return new SkipInsert(a.smallInt("kernel"), a.smallInt("max_units"));
    }
  }
}
