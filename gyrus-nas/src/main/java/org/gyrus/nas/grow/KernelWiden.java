package org.gyrus.nas.grow;

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
 * Kernel widening (EAS): a conv kernel k becomes k + 2·grow with the old kernel in the centre and
 * zeros around it, padding + grow (or 'same' kept), so every output position sees the same weighted
 * inputs: exact for any stride.
 */
public record KernelWiden(int grow, int maxKernel) implements Morphism {
  @Override
  public String name() {
    return "widen_kernel";
  }

  @Override
  public List<String> sites(Net net) {
    return Site.paths(net, "conv1d", "conv2d");
  }

  @Override
  public Outcome apply(Net net, String path, SplittableRandom rng) {
    Site site = Site.find(net, path);
    if (site == null || !Site.isType(site.item(), "conv1d", "conv2d")) {
      return new Refused(path + ": widen_kernel needs a conv layer there");
    }
    Node conv = site.node();
    int k = (int) conv.intArg("kernel", 3);
    int nk = k + 2 * grow;
    if (nk > maxKernel) {
      return new Refused(
          path + ": kernel " + k + " + " + 2 * grow + " exceeds max_kernel " + maxKernel);
    }
    Node widened = conv.with("kernel", new Value.IntVal(nk));
    if (!(conv.arg("padding") instanceof Value.StrVal)) {
      widened = widened.with("padding", new Value.IntVal(conv.intArg("padding", 0) + grow));
    }
    Node result = widened;
    Map<String, Tensor> p = new LinkedHashMap<>(net.layer(path));
    p.put("weight", padKernel(p.get("weight"), k, nk));
    Map<String, Map<String, Tensor>> w = new LinkedHashMap<>(net.weights());
    w.put(path, p);
    Value spec = SpecPaths.edit(net.spec(), path, v -> result);
    return new Applied(net.with(spec, w), "widen_kernel " + path + " " + k + "->" + nk);
  }

  /** (F, C, k[, k]) → (F, C, nk[, nk]), old kernel centred. */
  static Tensor padKernel(Tensor w, int k, int nk) {
    boolean two = w.rank() == 4;
    long[] shape = w.shape().clone();
    shape[2] = nk;
    if (two) {
      shape[3] = nk;
    }
    int planes = w.dim(0) * w.dim(1);
    int off = (nk - k) / 2;
    int oldWin = two ? k * k : k;
    int newWin = two ? nk * nk : nk;
    double[] out = new double[planes * newWin];
    for (int p = 0; p < planes; p++) {
      for (int i = 0; i < (two ? k : 1); i++) {
        for (int j = 0; j < k; j++) {
          int src = p * oldWin + (two ? i * k : 0) + j;
          int dst = p * newWin + (two ? (i + off) * nk : 0) + j + off;
          out[dst] = w.data()[src];
        }
      }
    }
    return new Tensor(shape, out);
  }

  /** Registered as {@code widen_kernel}. */
  @Register
  public static final class Factory implements MorphismFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "widen_kernel",
          "grow a conv kernel by zeros around it (padding adjusted)",
          ArgSpec.optional("grow", Kind.INT, 1).range(1, 8).doc("cells added on each side"),
          ArgSpec.optional("max_kernel", Kind.INT, 7)
              .range(1, 31)
              .doc("refuse beyond this kernel"));
    }

    @Override
    public Morphism create(Args a) {
      return new KernelWiden(a.smallInt("grow"), a.smallInt("max_kernel"));
    }
  }
}
