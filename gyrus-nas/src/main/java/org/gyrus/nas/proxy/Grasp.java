package org.gyrus.nas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.function.Function;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

/**
 * GraSP (Wang et al. 2020, summed as Abdelfattah et al. 2021 do): -sum over convolution and dense
 * weights of theta * (H g), g the gradient of the batch's mean cross-entropy and H its Hessian. The
 * engine has no double backward, so H g is the central difference of the gradient along g,
 * (grad(theta + e g) - grad(theta - e g)) / 2e, with the step e scaled so that |e g| is {@code
 * step} times |theta|: exact up to O(e^2) terms.
 */
public final class Grasp implements Proxy {
  private final double step;

  public Grasp(double step) {
    this.step = step;
  }

  /** {@code grasp}: the registered factory. */
  @Register
  public static final class Factory implements ProxyFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "grasp",
          "GraSP: -sum of theta * (Hessian-gradient product) of the loss at initialisation",
          ArgSpec.optional("step", Kind.FLOAT, 1e-3)
              .doc("finite-difference step as a fraction of |theta|"));
    }

    @Override
    public Grasp create(Args a) {
      return new Grasp(a.number("step"));
    }
  }

  @Override
  public double score(ProxyInput in) {
    try (Net net = Net.classifier(in, DataType.FLOAT32)) {
      Function<Net, NDArray> loss = n -> n.crossEntropy(n.forward(n.batch(), true));
      List<NDArray> w = net.weights();
      List<double[]> g = net.weightGradients(loss);
      double[][] theta = new double[w.size()][];
      double thetaNorm = 0;
      double gNorm = 0;
      for (int i = 0; i < w.size(); i++) {
        theta[i] = Net.values(w.get(i));
        for (int k = 0; k < theta[i].length; k++) {
          thetaNorm += theta[i][k] * theta[i][k];
          gNorm += g.get(i)[k] * g.get(i)[k];
        }
      }
      if (gNorm == 0) {
        return 0;
      }
      double e = step * Math.sqrt(thetaNorm / gNorm);
      shift(w, g, e);
      List<double[]> plus = net.weightGradients(loss);
      shift(w, g, -2 * e);
      List<double[]> minus = net.weightGradients(loss);
      shift(w, g, e);
      double score = 0;
      for (int i = 0; i < w.size(); i++) {
        for (int k = 0; k < theta[i].length; k++) {
          double hg = (plus.get(i)[k] - minus.get(i)[k]) / (2 * e);
          score -= theta[i][k] * hg;
        }
      }
      return score;
    }
  }

  private static void shift(List<NDArray> w, List<double[]> g, double e) {
    for (int i = 0; i < w.size(); i++) {
      NDArray a = w.get(i);
      float[] d = new float[g.get(i).length];
      for (int k = 0; k < d.length; k++) {
        d[k] = (float) (e * g.get(i)[k]);
      }
      a.addi(a.getManager().create(d, a.getShape()).toType(a.getDataType(), false));
    }
  }
}
