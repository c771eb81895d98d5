package org.gyrus.nas.grow;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
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
import org.gyrus.nas.grow.Outcome.Applied;
import org.gyrus.nas.grow.Outcome.Refused;

/**
 * Net2Wider (Chen et al. 2016): a dense or conv layer gets more units by copying randomly chosen
 * ones; batch-norm statistics and parameters after it are copied the same way, and the next mixing
 * layer (dense or conv, through activations, dropout, pooling and flatten) divides each copied
 * input by its number of copies. Optional zero-sum noise on the copies' outgoing weights breaks
 * their symmetry and keeps the sum, so the function stays the same.
 */
public record Net2Wider(double factor, double noise) implements Morphism {
  @Override
  public String name() {
    return "net2wider";
  }

  @Override
  public List<String> sites(Net net) {
    return Site.paths(net, "dense", "conv1d", "conv2d");
  }

  @Override
  public Outcome apply(Net net, String path, SplittableRandom rng) {
    Site site = Site.find(net, path);
    if (site == null || !Site.isType(site.item(), "dense", "conv1d", "conv2d")) {
      return new Refused(path + ": net2wider needs a dense or conv layer there");
    }
    Node layer = site.node();
    boolean conv = !layer.type().equals("dense");
    String widthArg = conv ? "filters" : "units";
    int u = (int) layer.intArg(widthArg, 1);
    int wide = Math.max(u + 1, (int) Math.round(u * factor));
    if (!conv && site.input().dimension() != 1) {
      return new Refused(
          path + ": net2wider widens dense layers on (F) only, here " + site.input());
    }
    int[] g = new int[wide];
    int[] copies = new int[u];
    for (int j = 0; j < wide; j++) {
      g[j] = j < u ? j : rng.nextInt(u);
      copies[g[j]]++;
    }
    Absorber ab = absorber(net, site, layer.type());
    if (ab.refusal() != null) {
      return new Refused(path + ": " + ab.refusal());
    }
    Map<String, Map<String, Tensor>> w = new LinkedHashMap<>(net.weights());
    for (String copied : ab.copiedLayers()) {
      Map<String, Tensor> rows = new LinkedHashMap<>(net.layer(copied));
      rows.replaceAll((name, t) -> t.gatherRows(g));
      w.put(copied, rows);
    }
    Map<String, Tensor> next = new LinkedHashMap<>(net.layer(ab.consumer()));
    next.put("weight", spreadInputs(next.get("weight"), g, copies, ab.spatial(), rng));
    w.put(ab.consumer(), next);
    Value spec =
        SpecPaths.edit(net.spec(), path, x -> ((Node) x).with(widthArg, new Value.IntVal(wide)));
    Net out = net.with(spec, w);
    if (!headOf(out).equals(headOf(net))) {
      return new Refused(path + ": widening to " + wide + " would change the automatic head");
    }
    return new Applied(out, "net2wider " + path + " " + u + "->" + wide);
  }

  /**
   * Where the copies go: the layers whose rows are copied (the widened one and batch norms after
   * it), the consumer that divides them, and values per channel after a flatten; or a refusal.
   */
  private record Absorber(
      List<String> copiedLayers, String consumer, long spatial, String refusal) {
    static Absorber refused(String why) {
      return new Absorber(List.of(), null, 1, why);
    }
  }

  private static Absorber absorber(Net net, Site site, String layerType) {
    boolean conv = !layerType.equals("dense");
    List<String> copied = new ArrayList<>(List.of(site.path()));
    long spatial = 1;
    boolean flat = !conv;
    for (Site d : site.downstream(net)) {
      Node n = d.node();
      if (n == null) {
        return Absorber.refused("a nested list at " + d.path() + " follows the widened layer");
      }
      String type = n.type();
      if (Site.ACTIVATIONS.contains(type) || type.equals("dropout")) {
        continue;
      }
      if (type.equals("batch_norm")) {
        if (spatial > 1) {
          return Absorber.refused("batch_norm at " + d.path() + " normalises flattened features");
        }
        copied.add(d.path());
      } else if (!flat && List.of("max_pool", "avg_pool").contains(type)) {
        continue;
      } else if (!flat && List.of("global_avg_pool", "global_max_pool").contains(type)) {
        flat = true;
      } else if (type.equals("flatten")) {
        spatial = flat ? spatial : Shapes.perChannel(d.input());
        flat = true;
      } else if (flat ? type.equals("dense") : type.equals(layerType)) {
        return new Absorber(copied, d.path(), spatial, null);
      } else {
        return Absorber.refused(
            type
                + " at "
                + d.path()
                + " sees the widened axis before a "
                + (flat ? "dense" : layerType)
                + " layer re-mixes it (net2wider passes activations, dropout, batch_norm,"
                + " pooling and flatten only)");
      }
    }
    return Absorber.refused(
        "no dense/conv layer after it in "
            + site.list().path()
            + " to absorb the copies (an output layer, or the end of a residual or branch body)");
  }

  static List<Value> headOf(Net net) {
    for (SpecPaths.LayerList l : SpecPaths.layerLists(net.spec(), net.input(), net.classes())) {
      if (l.isHead()) {
        return l.items();
      }
    }
    return List.of();
  }

  /**
   * The consumer's weight (out, in, ...) with input index c*spatial+s (or input channel c) taken
   * from the source unit g(c), divided by its number of copies; with noise, each group of copies
   * gets zero-sum perturbations so their total is unchanged.
   */
  private Tensor spreadInputs(
      Tensor wt, int[] g, int[] copies, long spatial, SplittableRandom rng) {
    int rows = wt.dim(0);
    int oldIn = wt.dim(1);
    int slice = wt.sliceSize() * (int) spatial;
    int units = oldIn / (int) spatial;
    if (units != copies.length) {
      throw new IllegalStateException(
          "consumer has " + oldIn + " inputs, expected " + copies.length + "x" + spatial);
    }
    long[] shape = wt.shape().clone();
    shape[1] = (long) g.length * spatial;
    int oldRow = wt.rowSize();
    int newRow = g.length * slice;
    double[] out = new double[rows * newRow];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < g.length; c++) {
        int src = r * oldRow + g[c] * slice;
        int dst = r * newRow + c * slice;
        for (int k = 0; k < slice; k++) {
          out[dst + k] = wt.data()[src + k] / copies[g[c]];
        }
      }
    }
    if (noise > 0) {
      addZeroSumNoise(out, rows, newRow, slice, g, copies, wt, rng);
    }
    return new Tensor(shape, out);
  }

  private void addZeroSumNoise(
      double[] out,
      int rows,
      int newRow,
      int slice,
      int[] g,
      int[] copies,
      Tensor wt,
      SplittableRandom rng) {
    double sd = 0;
    for (double x : wt.data()) {
      sd += x * x;
    }
    sd = noise * Math.sqrt(sd / wt.data().length);
    for (int unit = 0; unit < copies.length; unit++) {
      if (copies[unit] < 2) {
        continue;
      }
      List<Integer> group = new ArrayList<>();
      for (int c = 0; c < g.length; c++) {
        if (g[c] == unit) {
          group.add(c);
        }
      }
      for (int r = 0; r < rows; r++) {
        for (int k = 0; k < slice; k++) {
          double[] e = new double[group.size()];
          double mean = 0;
          for (int i = 0; i < e.length; i++) {
            e[i] = sd * NetIo.gaussian(rng);
            mean += e[i] / e.length;
          }
          for (int i = 0; i < e.length; i++) {
            out[r * newRow + group.get(i) * slice + k] += e[i] - mean;
          }
        }
      }
    }
  }

  /** Registered as {@code net2wider}. */
  @Register
  public static final class Factory implements MorphismFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "net2wider",
          "widen a dense/conv layer by copying units; batch_norm and the next layer adjusted",
          ArgSpec.optional("factor", Kind.FLOAT, 1.5)
              .range(1, 16)
              .doc("new width / old (at least +1)"),
          ArgSpec.optional("noise", Kind.FLOAT, 0.0)
              .range(0, 1)
              .doc("zero-sum noise on copies' outgoing weights, relative to their RMS"));
    }

    @Override
    public Morphism create(Args a) {
      return new Net2Wider(a.number("factor"), a.number("noise"));
    }
  }

  /** Shape helpers. */
  static final class Shapes {
    private Shapes() {}

    /** Values per channel of a (C, ...) shape. */
    static long perChannel(Shape s) {
      long n = 1;
      for (int i = 1; i < s.dimension(); i++) {
        n *= s.get(i);
      }
      return n;
    }
  }
}
