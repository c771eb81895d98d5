package org.gyrus.nas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
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
 * step} times |theta|: exact up to O(e^2) terms. (The engine can do the double backward their code
 * does, but the first pass then leaves each weight's gradient on a graph that holds the weight: a
 * reference cycle that leaks the network per score; {@link #doubleBackward} is that computation,
 * kept to check this one against: ProxyOraclesTest and {@code ProxyBench graspcheck}.)
 */
public final class Grasp implements Proxy {
  private final double step;
  private final Net.Init init;
  private final DataType type;
  private final boolean exact;

  Grasp(double step, Net.Init init, boolean float64, boolean exact) {
    this.step = step;
    this.init = init;
    this.type = float64 ? DataType.FLOAT64 : DataType.FLOAT32;
    this.exact = exact;
  }

  public Grasp(double step) {
    this(step, Net.Init.GLOROT, false, false);
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
              .doc("finite-difference step as a fraction of |theta|"),
          ArgSpec.optional("float64", Kind.BOOL, false)
              .doc("compute in double precision (a smaller step then stays above rounding)"),
          ArgSpec.optional("exact", Kind.BOOL, false)
              .doc(
                  "H g by double backward, as the reference code: leaks each network, so score"
                      + " few networks per process"),
          Net.initArg());
    }

    @Override
    public Grasp create(Args a) {
      return new Grasp(
          a.number("step"), Net.Init.of(a.string("init")), a.bool("float64"), a.bool("exact"));
    }
  }

  @Override
  public double score(ProxyInput in) {
    if (exact) {
      return doubleBackward(in, init == Net.Init.TORCH ? "torch" : "glorot");
    }
    try (Net net = Net.classifier(in, type, init)) {
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

  /**
   * The score with H g by double backward, as Abdelfattah et al.'s code computes it: the first
   * backward keeps its graph, and the gradient of z = sum(stop(g) * g) is H g, which the engine
   * adds to the stored g (read before, subtracted after). For checks only: each call leaks its
   * network (the weights' gradients hold graphs that hold the weights). {@code init}: glorot or
   * torch.
   */
  public static double doubleBackward(ProxyInput in, String init) {
    try (Net net = Net.classifier(in, DataType.FLOAT32, Net.Init.of(init))) {
      List<NDArray> w = net.weights();
      List<double[]> g = new ArrayList<>();
      try (GradientCollector gc = Net.ENGINE.newGradientCollector()) {
        NDArray loss = net.crossEntropy(net.forward(net.batch(), true));
        JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), true, true);
        NDArray z = null;
        for (NDArray a : w) {
          NDArray grad = a.getGradient(); // on the graph: a function of the weights
          g.add(Net.values(grad));
          NDArray term = grad.stopGradient().duplicate().mul(grad).sum(); // engine-owned copy
          z = z == null ? term : z.add(term);
        }
        if (z == null) {
          return 0;
        }
        JniUtils.backward((PtNDArray) z, (PtNDArray) z.onesLike(), false, false);
      }
      double score = 0;
      for (int i = 0; i < w.size(); i++) {
        double[] theta = Net.values(w.get(i));
        double[] total = Net.values(w.get(i).getGradient()); // g + H g
        for (int k = 0; k < theta.length; k++) {
          score -= theta[k] * (total[k] - g.get(i)[k]);
        }
      }
      return score;
    }
  }

  private static void shift(List<NDArray> w, List<double[]> g, double e) {
    for (int i = 0; i < w.size(); i++) {
      NDArray a = w.get(i);
      double[] d = new double[g.get(i).length];
      for (int k = 0; k < d.length; k++) {
        d[k] = e * g.get(i)[k];
      }
      a.addi(a.getManager().create(d, a.getShape()).toType(a.getDataType(), false));
    }
  }
}
