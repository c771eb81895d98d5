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
 * ones; batch-norm statistics and parameters after it are copied the same way, and the next
 * mixing layer (dense or conv, through activations, dropout, pooling and flatten) divides each
 * copied input by its number of copies. Optional zero-sum noise on the copies' outgoing weights
 * breaks their symmetry and keeps the sum, so the function stays the same.
 */
public record Net2Wider(double factor, double noise) implements Morphism {
  @Override
  public String name() {
    return "net2wider";
  }

  @Override
  public List<String> sites(Net net) {
    List<String> out = new ArrayList<>();
    for (Site s : Site.all(net)) {
      if (Site.isType(s.item(), "dense", "conv1d", "conv2d")) {
        out.add(s.path());
      }
    }
    return out;
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
      return new Refused(path + ": net2wider widens dense layers on (F) only, here " + site.input());
    }
    int[] g = new int[wide];
    int[] copies = new int[u];
    for (int j = 0; j < wide; j++) {
      g[j] = j < u ? j : rng.nextInt(u);
      copies[g[j]]++;
    }
    Map<String, Map<String, Tensor>> w = new LinkedHashMap<>(net.weights());
    Map<String, Tensor> own = new LinkedHashMap<>(net.layer(path));
    own.replaceAll((name, t) -> t.gatherRows(g));
    w.put(path, own);
    long spatial = 1;
    boolean flat = !conv;
    for (Site d : site.downstream(net)) {
      Value v = d.item();
      Node n = d.node();
      if (n == null) {
        return new Refused(path + ": a nested list at " + d.path() + " follows the widened layer");
      }
      if (Site.ACTIVATIONS.contains(n.type()) || n.type().equals("dropout")) {
        continue;
      }
      if (n.type().equals("batch_norm")) {
        if (spatial > 1) {
          return new Refused(path + ": batch_norm at " + d.path() + " normalises flattened features");
        }
        Map<String, Tensor> bn = new LinkedHashMap<>(net.layer(d.path()));
        bn.replaceAll((name, t) -> t.gatherRows(g));
        w.put(d.path(), bn);
        continue;
      }
      if (conv && !flat && Site.isType(v, "max_pool", "avg_pool")) {
        continue;
      }
      if (conv && !flat && Site.isType(v, "global_avg_pool", "global_max_pool")) {
        flat = true;
        continue;
      }
      if (n.type().equals("flatten")) {
        if (!flat) {
          spatial = Shapes.perChannel(d.input());
          flat = true;
        }
        continue;
      }
      boolean mixesHere =
          flat ? n.type().equals("dense") : n.type().equals(layer.type());
      if (!mixesHere) {
        return new Refused(
            path
                + ": "
                + n.type()
                + " at "
                + d.path()
                + " sees the widened axis before a "
                + (flat ? "dense" : layer.type())
                + " layer re-mixes it (net2wider passes activations, dropout, batch_norm,"
                + " pooling and flatten only)");
      }
      Map<String, Tensor> next = new LinkedHashMap<>(net.layer(d.path()));
      next.put("weight", spreadInputs(next.get("weight"), g, copies, spatial, rng));
      w.put(d.path(), next);
      Value spec =
          SpecPaths.edit(net.spec(), path, x -> ((Node) x).with(widthArg, new Value.IntVal(wide)));
      Net out = net.with(spec, w);
      if (!headOf(out).equals(headOf(net))) {
        return new Refused(path + ": widening to " + wide + " would change the automatic head");
      }
      return new Applied(out, "net2wider " + path + " " + u + "->" + wide);
    }
    return new Refused(
        path
            + ": no dense/conv layer after it in "
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
      throw new IllegalStateException("consumer has " + oldIn + " inputs, expected " + copies.length + "x" + spatial);
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
      double[] out, int rows, int newRow, int slice, int[] g, int[] copies, Tensor wt,
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
          ArgSpec.optional("factor", Kind.FLOAT, 1.5).range(1, 16).doc("new width / old (at least +1)"),
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
