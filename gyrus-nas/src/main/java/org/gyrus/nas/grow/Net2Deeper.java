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
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.core.plugin.Register;
import org.gyrus.nas.grow.Outcome.Refused;

/**
 * Net2Deeper: inserts after a layer an identity-initialised dense layer (on (F) or (T,F)) or conv
 * layer ('same' padding, a centred one-hot kernel per channel). With {@code activation: relu} the
 * new layer ends in relu, which is exact only where its input is provably non-negative (after relu,
 * sigmoid, or pooling/dropout/flatten of such); {@code auto} uses relu there and no activation
 * elsewhere.
 */
public record Net2Deeper(String activation, int kernel) implements Morphism {
  @Override
  public String name() {
    return "net2deeper";
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
    boolean nonNeg = site.nonNegativeOutput();
    String act = activation.equals("auto") ? (nonNeg ? "relu" : "none") : activation;
    if (act.equals("relu") && !nonNeg) {
      return new Refused(
          path
              + ": relu(x) = x needs a non-negative input, and the output of "
              + site.node()
              + " can be negative");
    }
    Shape s = site.output();
    Node layer;
    Tensor weight;
    if (s.dimension() == 1 || (s.dimension() == 2 && isSequence(site))) {
      int f = (int) s.get(s.dimension() - 1);
      layer = Node.of("dense", "units", f, "activation", act);
      weight = Tensor.zeros(f, f);
      for (int i = 0; i < f; i++) {
        weight.data()[i * f + i] = 1;
      }
    } else if (s.dimension() == 2 || s.dimension() == 3) {
      int c = (int) s.get(0);
      int dims = s.dimension() - 1;
      layer =
          Node.of(
              "conv" + dims + "d",
              "filters",
              c,
              "kernel",
              kernel,
              "padding",
              "same",
              "activation",
              act);
      int window = dims == 2 ? kernel * kernel : kernel;
      weight = dims == 2 ? Tensor.zeros(c, c, kernel, kernel) : Tensor.zeros(c, c, kernel);
      for (int i = 0; i < c; i++) {
        weight.data()[(i * c + i) * window + window / 2] = 1;
      }
    } else {
      return new Refused(path + ": no identity layer for output shape " + s);
    }
    Map<String, Tensor> params = new LinkedHashMap<>();
    params.put("weight", weight);
    params.put("bias", Tensor.zeros(weight.dim(0)));
    return Insertions.insertLayerAfter(net, site, layer, params, "net2deeper " + act);
  }

  /** (T,F) outputs of dense/attention/embedding/layer_norm layers are sequences, not (C,L) maps. */
  private static boolean isSequence(Site site) {
    for (int i = site.index(); i >= 0; i--) {
      Value v = site.list().items().get(i);
      if (Site.isType(v, "conv1d", "max_pool", "avg_pool")) {
        return false;
      }
      if (Site.isType(v, "dense", "attention", "embedding", "layer_norm")) {
        return true;
      }
    }
    return false;
  }

  /** Registered as {@code net2deeper}. */
  @Register
  public static final class Factory implements MorphismFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "net2deeper",
          "insert an identity-initialised dense/conv layer after a layer",
          ArgSpec.optional("activation", Kind.STR, "auto")
              .oneOf("auto", "relu", "none")
              .doc("relu where exact (non-negative input), none, or auto = relu where exact"),
          ArgSpec.optional("kernel", Kind.INT, 3)
              .range(1, 15)
              .doc("kernel of an inserted conv (odd)"));
    }

    @Override
    public Morphism create(Args a) {
      int k = a.smallInt("kernel");
      if (k % 2 == 0) {
        throw new org.gyrus.core.SpecError(
            a.pathOf("kernel"), "an odd kernel ('same' padding)", "" + k);
      }
      return new Net2Deeper(a.string("activation"), k);
    }
  }
}
