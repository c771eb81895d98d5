package org.gyrus.nas.bricks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.nas.grow.Net;
import org.gyrus.nas.grow.SpecPaths;
import org.gyrus.nas.grow.Tensor;

/**
 * Merging two trained bricks of one architecture into one (S15 merge; activation matching as in Git
 * Re-Basin, Ainsworth et al. 2023): the hidden units of B are permuted to match A's, each layer by
 * the assignment maximising the correlation of their activations on sample inputs (Hungarian),
 * which leaves B's function unchanged; then the weights are averaged. Handles dense stacks (model
 * body of flatten/dropout/dense layers with their own activation, and the automatic head).
 */
public final class PermutationMerge {
  private PermutationMerge() {}

  /** The merged nets: B permuted onto A, and the average after and without alignment. */
  public record Merged(Net alignedB, Net aligned, Net naive) {}

  public static Merged merge(Net a, Net b, float[] samples, int count) {
    if (!a.spec().equals(b.spec())) {
      throw new IllegalArgumentException(
          "merge needs two bricks of one spec: " + a.spec() + " vs " + b.spec());
    }
    List<String> dense = denseLayers(a);
    List<double[][]> actsA = activations(a, dense, samples, count);
    List<double[][]> actsB = activations(b, dense, samples, count);
    Map<String, Map<String, Tensor>> wb = copy(b.weights());
    for (int l = 0; l + 1 < dense.size(); l++) {
      int[] perm = Hungarian.solve(negativeCorrelation(actsA.get(l), actsB.get(l)));
      permuteRows(wb, dense.get(l), perm);
      permuteColumns(wb, dense.get(l + 1), perm);
    }
    Net alignedB = b.with(b.spec(), wb);
    return new Merged(alignedB, average(a, alignedB), average(a, b));
  }

  /**
   * Paths of the dense layers in order (body, then head); anything else but flatten/dropout
   * refused.
   */
  static List<String> denseLayers(Net net) {
    List<String> out = new ArrayList<>();
    for (SpecPaths.LayerList l : SpecPaths.layerLists(net.spec(), net.input(), net.classes())) {
      if (!l.path().equals("model.body") && !l.isHead()) {
        throw new IllegalArgumentException(
            l.path() + ": merge handles a flat model body of dense layers");
      }
      for (int i = 0; i < l.items().size(); i++) {
        Value v = l.items().get(i);
        String type = v instanceof Node n ? n.type() : "list";
        String act = v instanceof Node n ? n.strArg("activation", "none") : "";
        if (type.equals("dense") && List.of("none", "relu", "tanh", "sigmoid").contains(act)) {
          out.add(l.itemPath(i));
        } else if (!type.equals("flatten") && !type.equals("dropout")) {
          throw new IllegalArgumentException(
              l.itemPath(i)
                  + ": merge handles dense (none/relu/tanh/sigmoid), flatten and dropout, not "
                  + type
                  + " "
                  + act);
        }
      }
    }
    return out;
  }

  /** Post-activation outputs of every dense layer, [layer][unit][sample], in float64. */
  static List<double[][]> activations(Net net, List<String> dense, float[] x, int count) {
    int in = x.length / count;
    double[][] h = new double[in][count];
    for (int s = 0; s < count; s++) {
      for (int f = 0; f < in; f++) {
        h[f][s] = x[s * in + f];
      }
    }
    List<double[][]> out = new ArrayList<>();
    for (String path : dense) {
      Map<String, Tensor> p = net.layer(path);
      Tensor w = p.get("weight");
      Tensor b = p.get("bias");
      String act = activation(net, path);
      int units = w.dim(0);
      int fan = w.dim(1);
      double[][] next = new double[units][count];
      for (int u = 0; u < units; u++) {
        for (int s = 0; s < count; s++) {
          double z = b == null ? 0 : b.data()[u];
          for (int f = 0; f < fan; f++) {
            z += w.data()[u * fan + f] * h[f][s];
          }
          next[u][s] =
              switch (act) {
                case "relu" -> Math.max(0, z);
                case "tanh" -> Math.tanh(z);
                case "sigmoid" -> 1 / (1 + Math.exp(-z));
                default -> z;
              };
        }
      }
      out.add(next);
      h = next;
    }
    return out;
  }

  private static String activation(Net net, String path) {
    Value v =
        path.startsWith("model.head")
            ? Node.of("dense")
            : ((Value.ListVal) ((Node) net.spec()).arg("body"))
                .items()
                .get(
                    Integer.parseInt(path.substring(path.lastIndexOf('[') + 1, path.length() - 1)));
    return ((Node) v).strArg("activation", "none");
  }

  static double[][] negativeCorrelation(double[][] a, double[][] b) {
    int n = a.length;
    double[][] za = standardised(a);
    double[][] zb = standardised(b);
    double[][] cost = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double c = 0;
        for (int s = 0; s < za[i].length; s++) {
          c += za[i][s] * zb[j][s];
        }
        cost[i][j] = -c / za[i].length;
      }
    }
    return cost;
  }

  private static double[][] standardised(double[][] a) {
    double[][] z = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      double mean = 0;
      for (double v : a[i]) {
        mean += v / a[i].length;
      }
      double var = 0;
      for (double v : a[i]) {
        var += (v - mean) * (v - mean) / a[i].length;
      }
      double sd = Math.sqrt(var) + 1e-9;
      z[i] = new double[a[i].length];
      for (int s = 0; s < a[i].length; s++) {
        z[i][s] = (a[i][s] - mean) / sd;
      }
    }
    return z;
  }

  /** Unit i of A gets B's unit perm[i]: rows of weight and bias. */
  private static void permuteRows(Map<String, Map<String, Tensor>> w, String path, int[] perm) {
    Map<String, Tensor> layer = new LinkedHashMap<>(w.get(path));
    layer.replaceAll((name, t) -> t.gatherRows(perm));
    w.put(path, layer);
  }

  private static void permuteColumns(Map<String, Map<String, Tensor>> w, String path, int[] perm) {
    Map<String, Tensor> layer = new LinkedHashMap<>(w.get(path));
    Tensor t = layer.get("weight");
    int rows = t.dim(0);
    int cols = t.dim(1);
    double[] d = new double[t.data().length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        d[r * cols + c] = t.data()[r * cols + perm[c]];
      }
    }
    layer.put("weight", new Tensor(t.shape(), d));
    w.put(path, layer);
  }

  static Net average(Net a, Net b) {
    Map<String, Map<String, Tensor>> w = new LinkedHashMap<>();
    a.weights()
        .forEach(
            (path, layer) -> {
              Map<String, Tensor> l = new LinkedHashMap<>();
              layer.forEach(
                  (name, t) -> {
                    double[] x = t.data();
                    double[] y = b.layer(path).get(name).data();
                    double[] m = new double[x.length];
                    for (int i = 0; i < m.length; i++) {
                      m[i] = (x[i] + y[i]) / 2;
                    }
                    l.put(name, new Tensor(t.shape(), m));
                  });
              w.put(path, l);
            });
    return a.with(a.spec(), w);
  }

  private static Map<String, Map<String, Tensor>> copy(Map<String, Map<String, Tensor>> w) {
    return new LinkedHashMap<>(w);
  }
}
