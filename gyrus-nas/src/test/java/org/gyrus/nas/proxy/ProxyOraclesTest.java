package org.gyrus.nas.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.junit.jupiter.api.Test;

/**
 * Every proxy against its definition computed by hand, in plain Java, on a tiny network whose
 * initial weights the test reads back: the closed form of SynFlow for a two-layer linear net,
 * softmax-regression gradients and Hessian-gradient products for grad_norm, SNIP, GraSP and Fisher,
 * activation codes for NASWOT, input Jacobians for jacob_cov, and exact counts for params and
 * FLOPs.
 */
class ProxyOraclesTest {
  private static final String LINEAR2 =
      "[{_type: dense, units: 3, bias: false}, {_type: dense, units: 2, bias: false}]";
  private static final String RELU_NET =
      "[{_type: dense, units: 5, bias: false}, {_type: relu}, {_type: dense, units: 2, bias:"
          + " false}]";
  private static final String SOFTMAX = "[{_type: dense, units: 3, bias: false}]";

  static ProxyInput input(String spec, int features, int classes, int batch, long seed) {
    SplittableRandom rng = new SplittableRandom(seed + 99);
    float[] x = new float[batch * features];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (2 * rng.nextDouble() - 1);
    }
    int[] y = new int[batch];
    for (int i = 0; i < batch; i++) {
      y[i] = rng.nextInt(classes);
    }
    return new ProxyInput(SpecCodec.fromYaml(spec), new Shape(features), classes, x, y, seed);
  }

  /** The weight matrices (out x in) the proxy's network starts from. */
  static List<double[][]> weights(ProxyInput in, DataType type, Net.Init init, boolean head) {
    try (Net net = head ? Net.classifier(in, type, init) : Net.body(in, type, init)) {
      return net.weights().stream().map(ProxyOraclesTest::matrix).toList();
    }
  }

  static double[][] matrix(NDArray a) {
    return Spectra.rows(Net.values(a), (int) a.getShape().get(0));
  }

  static double[][] xs(ProxyInput in) {
    float[] f = in.x();
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return Spectra.rows(d, in.batch());
  }

  static double[] times(double[][] w, double[] x) {
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < x.length; j++) {
        out[i] += w[i][j] * x[j];
      }
    }
    return out;
  }

  @Test
  void synflowOfATwoLayerLinearNetIsTwiceThePathSum() {
    ProxyInput in = input(LINEAR2, 4, 2, 3, 5);
    List<double[][]> w = weights(in, DataType.FLOAT64, Net.Init.GLOROT, true);
    double r = 0; // R = 1' |W2| |W1| 1; each layer's sum of theta dR/dtheta is R
    for (double[] w2 : w.get(1)) {
      for (int h = 0; h < w2.length; h++) {
        for (double w1 : w.get(0)[h]) {
          r += Math.abs(w2[h]) * Math.abs(w1);
        }
      }
    }
    assertThat(Proxies.of("synflow").score(in)).isCloseTo(2 * r, within(1e-9 * r));
  }

  @Test
  void paramsAndFlopsAreExactCounts() {
    ProxyInput in =
        new ProxyInput(
            SpecCodec.fromYaml("[{_type: conv2d, filters: 4, kernel: 3, padding: 1}]"),
            new Shape(3, 8, 8),
            10,
            new float[3 * 64],
            new int[] {0},
            0);
    // conv 3x3x3x4 + 4 biases, then the head: flatten 4x8x8 -> dense 10 with biases
    assertThat(Proxies.of("params").score(in)).isEqualTo(27 * 4 + 4 + 256 * 10 + 10);
    assertThat(Proxies.of("flops").score(in)).isEqualTo(2 * 27 * 4 * 64 + 2 * 256 * 10);
  }

  @Test
  void naswotIsTheLogDetOfThePlantedAgreementKernel() {
    double[][] k = Naswot.kernel(new double[][] {{1, 0, 1}, {1, 1, 0}, {0, 0, 0}});
    assertThat(k).isEqualTo(new double[][] {{3, 1, 1}, {1, 3, 1}, {1, 1, 3}});
    assertThat(Spectra.logAbsDet(k)).isCloseTo(Math.log(20), within(1e-12));
    // identical codes: a singular kernel
    assertThat(Spectra.logAbsDet(Naswot.kernel(new double[][] {{1, 0}, {1, 0}})))
        .isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void naswotOfAReluNetUsesItsActivationCodes() {
    ProxyInput in = input(RELU_NET, 3, 2, 4, 7);
    double[][] w1 = weights(in, DataType.FLOAT32, Net.Init.GLOROT, true).get(0);
    double[][] x = xs(in);
    double[][] codes = new double[x.length][];
    for (int n = 0; n < x.length; n++) {
      double[] h = times(w1, x[n]);
      codes[n] = new double[h.length];
      for (int u = 0; u < h.length; u++) {
        codes[n][u] = h[u] > 0 ? 1 : 0;
      }
    }
    double expected = Spectra.logAbsDet(Naswot.kernel(codes));
    assertThat(Proxies.of("naswot").score(in)).isCloseTo(expected, within(1e-6));
  }

  @Test
  void correlationScoreOfTwoRowsFollowsFromTheirCorrelation() {
    double[][] rows = {{1, 2, 3, 5}, {2, 1, 4, 3}};
    double r = Spectra.corrcoef(rows)[0][1];
    double mx = 11 / 4.0;
    double my = 10 / 4.0;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < 4; i++) {
      sxy += (rows[0][i] - mx) * (rows[1][i] - my);
      sxx += (rows[0][i] - mx) * (rows[0][i] - mx);
      syy += (rows[1][i] - my) * (rows[1][i] - my);
    }
    assertThat(r).isCloseTo(sxy / Math.sqrt(sxx * syy), within(1e-12));
    double k = 1e-5;
    double expected = 0;
    for (double v : new double[] {1 + r, 1 - r}) {
      expected -= Math.log(v + k) + 1 / (v + k);
    }
    assertThat(Spectra.correlationScore(rows)).isCloseTo(expected, within(1e-10));
  }

  @Test
  void jacobCovScoresTheInputGradientsOfTheSummedOutputs() {
    ProxyInput in = input(RELU_NET, 3, 2, 4, 3);
    List<double[][]> w = weights(in, DataType.FLOAT32, Net.Init.GLOROT, true);
    double[][] x = xs(in);
    double[][] jac = new double[x.length][3];
    for (int n = 0; n < x.length; n++) {
      double[] h = times(w.get(0), x[n]);
      for (int u = 0; u < h.length; u++) {
        double back = h[u] > 0 ? w.get(1)[0][u] + w.get(1)[1][u] : 0;
        for (int i = 0; i < 3; i++) {
          jac[n][i] += back * w.get(0)[u][i];
        }
      }
    }
    assertThat(Proxies.of("jacob_cov").score(in))
        .isCloseTo(Spectra.correlationScore(jac), within(1e-3));
  }

  /** Softmax regression by hand: probabilities, the mean-loss gradient and the logits. */
  record Softmax(double[][] w, double[][] x, int[] y, double[][] z, double[][] p, double[][] g) {
    static Softmax of(ProxyInput in) {
      return of(in, Net.Init.GLOROT);
    }

    static Softmax of(ProxyInput in, Net.Init init) {
      double[][] w = weights(in, DataType.FLOAT32, init, true).get(0);
      double[][] x = xs(in);
      int b = x.length;
      double[][] z = new double[b][];
      double[][] p = new double[b][];
      double[][] g = new double[w.length][w[0].length];
      for (int n = 0; n < b; n++) {
        z[n] = times(w, x[n]);
        p[n] = softmax(z[n]);
        for (int k = 0; k < w.length; k++) {
          double d = (p[n][k] - (in.y()[n] == k ? 1 : 0)) / b;
          for (int j = 0; j < x[n].length; j++) {
            g[k][j] += d * x[n][j];
          }
        }
      }
      return new Softmax(w, x, in.y(), z, p, g);
    }
  }

  static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = Math.exp(z[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < z.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  @Test
  void gradNormAndSnipMatchTheSoftmaxRegressionGradient() {
    ProxyInput in = input(SOFTMAX, 4, 3, 5, 11);
    Softmax s = Softmax.of(in);
    double norm = 0;
    double snip = 0;
    for (int k = 0; k < s.w().length; k++) {
      for (int j = 0; j < s.w()[k].length; j++) {
        norm += s.g()[k][j] * s.g()[k][j];
        snip += Math.abs(s.w()[k][j] * s.g()[k][j]);
      }
    }
    assertThat(Proxies.of("grad_norm").score(in)).isCloseTo(Math.sqrt(norm), within(1e-5));
    assertThat(Proxies.of("snip").score(in)).isCloseTo(snip, within(1e-5));
  }

  /** -theta . H g for softmax regression: H g = (1/B) sum_n (diag(p) - p p') (G x_n) x_n'. */
  static double softmaxGrasp(Softmax s) {
    int b = s.x().length;
    double expected = 0;
    for (int n = 0; n < b; n++) {
      double[] gx = times(s.g(), s.x()[n]);
      double[] p = s.p()[n];
      double pgx = 0;
      for (int k = 0; k < p.length; k++) {
        pgx += p[k] * gx[k];
      }
      for (int k = 0; k < p.length; k++) {
        double hk = p[k] * gx[k] - p[k] * pgx;
        for (int j = 0; j < s.x()[n].length; j++) {
          expected -= s.w()[k][j] * hk * s.x()[n][j] / b;
        }
      }
    }
    return expected;
  }

  @Test
  void torchInitIsUniformWithinOneOverRootFanInForWeightsAndBiases() {
    ProxyInput in =
        new ProxyInput(
            SpecCodec.fromYaml("[{_type: conv2d, filters: 4, kernel: 3, bias: false}]"),
            new Shape(3, 6, 6),
            10,
            new float[108],
            new int[] {0},
            3);
    try (Net net = Net.classifier(in, DataType.FLOAT32, Net.Init.TORCH)) {
      int seen = 0;
      for (var p : net.block.getParameters()) {
        double[] v = Net.values(p.getValue().getArray());
        double max = 0;
        for (double d : v) {
          max = Math.max(max, Math.abs(d));
        }
        // conv fan-in 3*3*3; the head's dense layer (and its bias) fan-in 4*4*4 after flatten
        double bound = 1 / Math.sqrt(v.length == 108 ? 27 : 64);
        assertThat(max).as(p.getKey()).isLessThanOrEqualTo(bound).isGreaterThan(0.3 * bound);
        seen++;
      }
      assertThat(seen).isEqualTo(3);
    }
  }

  @Test
  void theInitArgumentReachesTheNetwork() {
    ProxyInput in = input(SOFTMAX, 4, 3, 5, 11);
    for (Net.Init init : new Net.Init[] {Net.Init.GLOROT, Net.Init.TORCH}) {
      Softmax s = Softmax.of(in, init);
      double snip = 0;
      for (int k = 0; k < s.w().length; k++) {
        for (int j = 0; j < s.w()[k].length; j++) {
          snip += Math.abs(s.w()[k][j] * s.g()[k][j]);
        }
      }
      String spec = "{_type: snip, init: " + init.name().toLowerCase(java.util.Locale.ROOT) + "}";
      assertThat(Proxies.of(SpecCodec.fromYaml(spec), "p").score(in)).isCloseTo(snip, within(1e-5));
      spec = "{_type: grasp, init: " + init.name().toLowerCase(java.util.Locale.ROOT) + "}";
      double grasp = softmaxGrasp(s);
      assertThat(Proxies.of(SpecCodec.fromYaml(spec), "p").score(in))
          .isCloseTo(grasp, within(2e-3 * Math.abs(grasp) + 1e-7));
    }
  }

  @Test
  void graspIsMinusThetaTimesTheExactHessianGradientProduct() {
    ProxyInput in = input(SOFTMAX, 4, 3, 5, 13);
    double expected = softmaxGrasp(Softmax.of(in));
    assertThat(Proxies.of("grasp").score(in))
        .isCloseTo(expected, within(2e-3 * Math.abs(expected) + 1e-7));
    // the double backward (the reference computation, {exact: true}) is exact on this closed form
    assertThat(doubleBackwardGrasp(in)).isCloseTo(expected, within(1e-5 * Math.abs(expected)));
    assertThat(Proxies.of(SpecCodec.fromYaml("{_type: grasp, exact: true}"), "p").score(in))
        .isCloseTo(expected, within(1e-5 * Math.abs(expected)));
  }

  static double doubleBackwardGrasp(ProxyInput in) {
    return Grasp.doubleBackward(in, "glorot");
  }

  @Test
  void graspsFiniteDifferenceMatchesTheDoubleBackwardThroughConvBatchNormRelu() {
    String spec =
        "[{_type: conv2d, filters: 4, kernel: 3, padding: 1, bias: false}, {_type: batch_norm},"
            + " {_type: relu}, {_type: conv2d, filters: 4, kernel: 3, padding: 1, bias: false},"
            + " {_type: batch_norm}, {_type: relu}, {_type: global_avg_pool}]";
    SplittableRandom rng = new SplittableRandom(31);
    int batch = 8;
    float[] x = new float[batch * 3 * 6 * 6];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (2 * rng.nextDouble() - 1);
    }
    int[] y = new int[batch];
    for (int i = 0; i < batch; i++) {
      y[i] = rng.nextInt(3);
    }
    ProxyInput in = new ProxyInput(SpecCodec.fromYaml(spec), new Shape(3, 6, 6), 3, x, y, 5);
    double exact = doubleBackwardGrasp(in);
    // batch norm's curvature makes H g far from zero here; a wrong sign or a dropped term shows
    assertThat(Math.abs(exact)).isGreaterThan(1e-4);
    assertThat(Proxies.of("grasp").score(in)).isCloseTo(exact, within(0.01 * Math.abs(exact)));
  }

  @Test
  void fisherSumsHalfTheMeanSquaredActivationTimesGradient() {
    ProxyInput in = input(SOFTMAX, 4, 3, 6, 17);
    Softmax s = Softmax.of(in);
    int b = s.x().length;
    double expected = 0;
    for (int k = 0; k < s.w().length; k++) {
      double sum = 0;
      for (int n = 0; n < b; n++) {
        double gnk = s.z()[n][k] * (s.p()[n][k] - (s.y()[n] == k ? 1 : 0)) / b;
        sum += gnk * gnk;
      }
      expected += 0.5 * sum / b;
    }
    assertThat(Proxies.of("fisher").score(in)).isCloseTo(expected, within(1e-6 * expected + 1e-12));
  }

  @Test
  void fanInWeightedFisherCountsEachChannelOncePerIncomingWeight() {
    // one dense layer with 4 inputs: every channel's value counts 4 times
    ProxyInput in = input(SOFTMAX, 4, 3, 6, 17);
    double plain = Proxies.of("fisher").score(in);
    Value weighted = SpecCodec.fromYaml("{_type: fisher, fan_in_weighted: true}");
    assertThat(Proxies.of(weighted, "proxy").score(in)).isCloseTo(4 * plain, within(1e-6 * plain));
    // layers with fan-ins 4, 3 (and the head's 2, if added): strictly between 2x and 4x the plain
    ProxyInput two = input(LINEAR2, 4, 2, 6, 17);
    double plain2 = Proxies.of("fisher").score(two);
    assertThat(Proxies.of(weighted, "proxy").score(two))
        .isGreaterThan(2.01 * plain2)
        .isLessThan(3.99 * plain2);
  }

  @Test
  void zenOfALinearMapIsTheLogOfItsMeanPerturbation() {
    ProxyInput in = input(SOFTMAX, 4, 3, 5, 19);
    double alpha = 0.01;
    double[][] w;
    double[][] e;
    try (Net net = Net.body(in, DataType.FLOAT32, Net.Init.GAUSSIAN)) {
      w = matrix(net.weights().get(0));
      e = Spectra.rows(Net.values(net.gaussian(2)), in.batch());
    }
    double mean = 0;
    for (double[] en : e) {
      for (double v : times(w, en)) {
        mean += Math.abs(alpha * v) / e.length;
      }
    }
    assertThat(Proxies.of("zen").score(in)).isCloseTo(Math.log(mean), within(1e-3));
  }

  @Test
  void hiddenCovScoresTheCorrelationOfTheFinalHiddenStates() {
    ProxyInput in = input("[{_type: dense, units: 16, bias: false}, {_type: tanh}]", 4, 3, 4, 23);
    double[][] w = weights(in, DataType.FLOAT32, Net.Init.GLOROT, false).get(0);
    double[][] x = xs(in);
    double[][] h = new double[x.length][];
    for (int n = 0; n < x.length; n++) {
      h[n] = times(w, x[n]);
      for (int u = 0; u < h[n].length; u++) {
        h[n][u] = Math.tanh(h[n][u]);
      }
    }
    double expected = Spectra.correlationScore(h); // float32 hidden states: relative tolerance
    assertThat(Proxies.of("hidden_cov").score(in))
        .isCloseTo(expected, within(1e-4 * Math.abs(expected)));
  }
}
