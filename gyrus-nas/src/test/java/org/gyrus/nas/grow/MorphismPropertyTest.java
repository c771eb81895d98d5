package org.gyrus.nas.grow;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.gyrus.core.Value;
import org.junit.jupiter.api.Test;

/**
 * On seeded random networks of the built-in block library with random weights (including batch norm
 * statistics), every registered morphism either refuses with a reason or keeps the logits: ≤ 1e-5
 * apart in float32 and ≤ 1e-10 in float64 (the PyTorch engine computes in double too).
 */
class MorphismPropertyTest {
  static final int NETS = 40;
  static final int SITES_PER_NET = 2;

  @Test
  void everyMorphismKeepsTheFunctionOrRefuses() {
    List<Morphism> morphisms = new ArrayList<>(Morphisms.defaults());
    morphisms.add(new Net2Wider(2.0, 0.2));
    morphisms.add(new Net2Deeper("relu", 3));
    Map<String, int[]> counts = new TreeMap<>();
    double worst32 = 0;
    double worst64 = 0;
    for (long seed = 0; seed < NETS; seed++) {
      RandomNets.Case c = RandomNets.draw(seed);
      Net net = NetIo.randomised(NetIo.init(c.spec(), c.input(), c.classes(), (int) seed), seed);
      SplittableRandom rng = new SplittableRandom(seed);
      int batch = 3;
      double[] x = new double[batch * (int) Tensor.size(c.input().getShape())];
      for (int i = 0; i < x.length; i++) {
        x[i] = NetIo.gaussian(rng);
      }
      double[] before32 = NetIo.forward(net, x, batch, DataType.FLOAT32);
      double[] before64 = NetIo.forward(net, x, batch, DataType.FLOAT64);
      for (Morphism m : morphisms) {
        String key = m.toString();
        int[] n = counts.computeIfAbsent(key, k -> new int[2]);
        List<String> sites = m.sites(net);
        for (int s = 0; s < Math.min(SITES_PER_NET, sites.size()); s++) {
          String site = sites.get(rng.nextInt(sites.size()));
          Outcome o = m.apply(net, site, rng);
          if (o instanceof Outcome.Refused r) {
            assertThat(r.reason()).startsWith(site + ":");
            n[1]++;
            continue;
          }
          n[0]++;
          Net after = ((Outcome.Applied) o).net();
          String where = "seed " + seed + " " + ((Outcome.Applied) o).what() + " on " + c.spec();
          double d32 = maxDiff(before32, NetIo.forward(after, x, batch, DataType.FLOAT32));
          double d64 = maxDiff(before64, NetIo.forward(after, x, batch, DataType.FLOAT64));
          assertThat(d32).as("float32 " + where).isLessThanOrEqualTo(1e-5);
          assertThat(d64).as("float64 " + where).isLessThanOrEqualTo(1e-10);
          worst32 = Math.max(worst32, d32);
          worst64 = Math.max(worst64, d64);
        }
      }
    }
    Map<String, String> summary = new LinkedHashMap<>();
    counts.forEach((k, v) -> summary.put(k, v[0] + " applied / " + v[1] + " refused"));
    System.out.println("morphisms on " + NETS + " random nets: " + summary);
    System.out.printf("worst |Δlogit| float32 %.2e, float64 %.2e%n", worst32, worst64);
    counts.forEach(
        (k, v) -> assertThat(v[0]).as(k + " applied somewhere").isGreaterThanOrEqualTo(5));
  }

  @Test
  void theComparisonSeesAForgottenDivision() {
    Value spec =
        Value.Node.of(
            "model",
            "body",
            Value.ListVal.of(
                Value.Node.of("dense", "units", 4, "activation", "relu"),
                Value.Node.of("dense", "units", 3)));
    Net net = NetIo.randomised(NetIo.init(spec, new ai.djl.ndarray.types.Shape(5), 3, 1), 1);
    Outcome o = new Net2Wider(2.0, 0).apply(net, "model.body[0]", new SplittableRandom(1));
    Net wide = ((Outcome.Applied) o).net();
    // a Net2Wider that forgot to divide the copies' outgoing weights must be caught
    Map<String, Map<String, Tensor>> w = new LinkedHashMap<>(wide.weights());
    Tensor next = w.get("model.body[1]").get("weight");
    double[] undivided = next.data().clone();
    for (int r = 0; r < 3; r++) {
      for (int col = 4; col < 8; col++) {
        undivided[r * 8 + col] *= 2;
      }
    }
    Map<String, Tensor> layer = new LinkedHashMap<>(w.get("model.body[1]"));
    layer.put("weight", new Tensor(next.shape(), undivided));
    w.put("model.body[1]", layer);
    double[] x = {0.5, -1, 2, 0.3, 1};
    double[] good = NetIo.forward(wide, x, 1, DataType.FLOAT64);
    assertThat(maxDiff(NetIo.forward(net, x, 1, DataType.FLOAT64), good)).isLessThan(1e-12);
    assertThat(maxDiff(good, NetIo.forward(wide.with(wide.spec(), w), x, 1, DataType.FLOAT64)))
        .isGreaterThan(1e-3);
  }

  @Test
  void refusalsSayWhy() {
    Value spec =
        Value.Node.of(
            "model",
            "body",
            Value.ListVal.of(
                Value.Node.of("dense", "units", 6, "activation", "tanh"),
                Value.Node.of("layer_norm"),
                Value.Node.of("dense", "units", 4)));
    Net net = NetIo.init(spec, new ai.djl.ndarray.types.Shape(5), 4, 1);
    Outcome wider = new Net2Wider(2, 0).apply(net, "model.body[0]", new SplittableRandom(1));
    assertThat(((Outcome.Refused) wider).reason()).contains("layer_norm").contains("model.body[1]");
    Outcome output = new Net2Wider(2, 0).apply(net, "model.body[2]", new SplittableRandom(1));
    assertThat(((Outcome.Refused) output).reason()).contains("no dense/conv layer after it");
    Outcome relu = new Net2Deeper("relu", 3).apply(net, "model.body[0]", new SplittableRandom(1));
    assertThat(((Outcome.Refused) relu).reason()).contains("non-negative");
  }

  static double maxDiff(double[] a, double[] b) {
    assertThat(b).hasSameSizeAs(a);
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}
