package org.gyrus.nesy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.gyrus.core.SpecError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Circuits vs brute-force enumeration of digit assignments, and gradients vs finite differences.
 */
class CircuitTest {
  static SumProductCircuit add1;
  static SumProductCircuit add2;

  @BeforeAll
  static void ground() {
    add1 =
        DatalogGrounder.ground(
            DatalogGrounder.additionRules(1), "digit", 2, 10, "addition", 19, 1_000_000);
    add2 =
        DatalogGrounder.ground(
            DatalogGrounder.additionRules(2), "digit", 4, 10, "addition", 199, 1_000_000);
  }

  /** Random per-slot distributions (batch, slots, 10), sharp enough to make top-k differ. */
  static double[][][] randomDists(Random r, int batch, int slots) {
    double[][][] p = new double[batch][slots][10];
    for (double[][] q : p) {
      for (double[] d : q) {
        double s = 0;
        for (int v = 0; v < 10; v++) {
          d[v] = Math.exp(3 * r.nextGaussian());
          s += d[v];
        }
        for (int v = 0; v < 10; v++) {
          d[v] /= s;
        }
      }
    }
    return p;
  }

  static NDArray logOf(NDManager m, double[][][] p) {
    int b = p.length;
    int s = p[0].length;
    double[] flat = new double[b * s * 10];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < s; j++) {
        for (int v = 0; v < 10; v++) {
          flat[(i * s + j) * 10 + v] = Math.log(p[i][j][v]);
        }
      }
    }
    return m.create(flat, new Shape(b, s, 10));
  }

  /** P(sum = z) for every z, enumerating all 10^(2N) digit assignments. */
  static double[] bruteSums(double[][] p, int digits) {
    int slots = 2 * digits;
    double[] out = new double[(int) (2 * Math.pow(10, digits) - 1)];
    int total = (int) Math.pow(10, slots);
    for (int a = 0; a < total; a++) {
      int[] d = new int[slots];
      int x = a;
      double pr = 1;
      for (int s = slots - 1; s >= 0; s--) {
        d[s] = x % 10;
        x /= 10;
        pr *= p[s][d[s]];
      }
      long n1 = 0;
      long n2 = 0;
      for (int i = 0; i < digits; i++) {
        n1 = n1 * 10 + d[i];
        n2 = n2 * 10 + d[digits + i];
      }
      out[(int) (n1 + n2)] += pr;
    }
    return out;
  }

  @Test
  void groundedCircuitHasTheDeepProbLogProofs() {
    assertThat(add1.outputs()).isEqualTo(19);
    assertThat(add1.terms(0)).isEqualTo(1);
    assertThat(add1.terms(9)).isEqualTo(10);
    assertThat(add1.terms(18)).isEqualTo(1);
    int total = 0;
    for (int o = 0; o < add2.outputs(); o++) {
      total += add2.terms(o);
    }
    assertThat(total).isEqualTo(10_000);
  }

  @Test
  void exactDnfAndCarryMatchEnumeration() {
    Random r = new Random(1);
    try (NDManager m = NDManager.newBaseManager()) {
      for (int digits = 1; digits <= 2; digits++) {
        SumProductCircuit c = digits == 1 ? add1 : add2;
        double[][][] p = randomDists(r, 5, 2 * digits);
        NDArray lp = logOf(m, p);
        double[] got = c.logProbabilities(lp, 0).toDoubleArray();
        CarryCircuit carry = new CarryCircuit(digits);
        for (int i = 0; i < p.length; i++) {
          double[] want = bruteSums(p[i], digits);
          long[] sums = new long[want.length];
          NDArray lpRep = lp.get(i + ":" + (i + 1)).repeat(0, want.length);
          for (int z = 0; z < want.length; z++) {
            sums[z] = z;
            assertThat(Math.exp(got[i * c.outputs() + z]))
                .isCloseTo(want[z], org.assertj.core.data.Offset.offset(1e-9));
          }
          double[] viaCarry = carry.logProbability(lpRep, sums).toDoubleArray();
          for (int z = 0; z < want.length; z++) {
            assertThat(Math.exp(viaCarry[z]))
                .isCloseTo(want[z], org.assertj.core.data.Offset.offset(1e-9));
          }
        }
      }
    }
  }

  /** log P(sum) by the plain forward recursion over carries in doubles, rescaled every step. */
  static double referenceLogProbability(double[][] p, int[] sumDigits, int digits) {
    double[] alpha = {1, 0};
    double logZ = 0;
    for (int pos = 0; pos < digits; pos++) {
      double[] pa = p[digits - 1 - pos];
      double[] pb = p[2 * digits - 1 - pos];
      double[] next = new double[2];
      for (int c = 0; c < 2; c++) {
        for (int a = 0; a < 10; a++) {
          for (int b = 0; b < 10; b++) {
            int t = a + b + c;
            if (t % 10 == sumDigits[pos]) {
              next[t / 10] += alpha[c] * pa[a] * pb[b];
            }
          }
        }
      }
      double norm = next[0] + next[1];
      logZ += Math.log(norm);
      alpha = new double[] {next[0] / norm, next[1] / norm};
    }
    return logZ + Math.log(alpha[sumDigits[digits]]);
  }

  @Test
  void carryTreeMatchesTheForwardRecursionUpToFiveHundredDigits() {
    Random r = new Random(11);
    try (NDManager m = NDManager.newBaseManager()) {
      for (int digits : new int[] {3, 7, 100, 500}) {
        double[][][] p = randomDists(r, 3, 2 * digits);
        int[][] sums = new int[3][];
        for (int i = 0; i < 3; i++) {
          // the sum of the most probable digits (a likely label) for one row, random digits else
          int[] a = new int[digits];
          int[] b = new int[digits];
          for (int j = 0; j < digits; j++) {
            a[j] = i == 0 ? argmax(p[i][j]) : r.nextInt(10);
            b[j] = i == 0 ? argmax(p[i][digits + j]) : r.nextInt(10);
          }
          sums[i] = AdditionData.addDigits(a, b);
        }
        double[] got = new CarryCircuit(digits).logProbability(logOf(m, p), sums).toDoubleArray();
        for (int i = 0; i < 3; i++) {
          double want = referenceLogProbability(p[i], sums[i], digits);
          assertThat(got[i]).as("N=%d row %d", digits, i).isCloseTo(want, within(1e-9 * digits));
        }
        // float32, as in training: log P ~ -1000 at N = 100 must stay finite and close
        double[] got32 =
            new CarryCircuit(digits)
                .logProbability(
                    logOf(m, p).toType(ai.djl.ndarray.types.DataType.FLOAT32, false), sums)
                .toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
                .toDoubleArray();
        for (int i = 0; i < 3; i++) {
          double want = referenceLogProbability(p[i], sums[i], digits);
          // exp(-87.4) is float32's smallest normal: P itself would underflow
          assertThat(want).isLessThan(digits >= 100 ? -87.4 : 0);
          assertThat(got32[i]).as("float32 N=%d", digits).isCloseTo(want, within(1e-4 * digits));
        }
      }
    }
  }

  @Test
  void badSumDigitsAreSpecErrorsBeforeAnyTensorWork() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray lp = logOf(m, randomDists(new Random(3), 1, 6));
      CarryCircuit c = new CarryCircuit(3);
      assertThatThrownBy(() -> c.logProbability(lp, new int[][] {{1, 2, 3}}))
          .isInstanceOf(SpecError.class)
          .hasMessageContaining("4 digits");
      assertThatThrownBy(() -> c.logProbability(lp, new int[][] {{1, 2, 3, 2}}))
          .isInstanceOf(SpecError.class)
          .hasMessageContaining("sum[0]");
      assertThatThrownBy(() -> c.logProbability(lp, new long[] {2000}))
          .isInstanceOf(SpecError.class)
          .hasMessageContaining("sum[0]");
    }
  }

  static int argmax(double[] d) {
    int best = 0;
    for (int v = 1; v < d.length; v++) {
      best = d[v] > d[best] ? v : best;
    }
    return best;
  }

  @Test
  void topKKeepsTheKMostProbableProofs() {
    Random r = new Random(2);
    try (NDManager m = NDManager.newBaseManager()) {
      double[][][] p = randomDists(r, 4, 2);
      double[] got = add1.logProbabilities(logOf(m, p), 2).toDoubleArray();
      for (int i = 0; i < p.length; i++) {
        for (int z = 0; z < 19; z++) {
          List<Double> proofs = new ArrayList<>();
          for (int a = 0; a < 10; a++) {
            int b = z - a;
            if (b >= 0 && b < 10) {
              proofs.add(p[i][0][a] * p[i][1][b]);
            }
          }
          proofs.sort((x, y) -> Double.compare(y, x));
          double want = proofs.get(0) + (proofs.size() > 1 ? proofs.get(1) : 0);
          assertThat(Math.exp(got[i * 19 + z]))
              .isCloseTo(want, org.assertj.core.data.Offset.offset(1e-9));
        }
      }
    }
  }

  /** d loss / d logits by autograd vs central differences, with logits → log-softmax → circuit. */
  static void checkGradient(
      Function<NDArray, NDArray> lossOfLogp, int batch, int slots, long seed) {
    Random r = new Random(seed);
    try (NDManager m = NDManager.newBaseManager()) {
      double[] z0 = new double[batch * slots * 10];
      for (int i = 0; i < z0.length; i++) {
        z0[i] = 2 * r.nextGaussian();
      }
      NDArray z = m.create(z0, new Shape(batch, slots, 10));
      z.setRequiresGradient(true);
      double[] grad;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray loss = lossOfLogp.apply(z.logSoftmax(2));
        gc.backward(loss);
      }
      grad = z.getGradient().toDoubleArray();
      double h = 1e-6;
      for (int i = 0; i < z0.length; i += 3) {
        double[] zp = z0.clone();
        double[] zm = z0.clone();
        zp[i] += h;
        zm[i] -= h;
        double fp =
            lossOfLogp.apply(m.create(zp, new Shape(batch, slots, 10)).logSoftmax(2)).getDouble();
        double fm =
            lossOfLogp.apply(m.create(zm, new Shape(batch, slots, 10)).logSoftmax(2)).getDouble();
        double fd = (fp - fm) / (2 * h);
        assertThat(grad[i])
            .as("component %d", i)
            .isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6 + 1e-5 * Math.abs(fd)));
      }
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    int[] labels1 = {3, 9, 17, 0};
    checkGradient(lp -> add1.loss(lp, labels1, 0), 4, 2, 3);
    checkGradient(lp -> add1.loss(lp, labels1, 3), 4, 2, 4);
    int[] labels2 = {57, 120, 9};
    checkGradient(lp -> add2.loss(lp, labels2, 0), 3, 4, 5);
    checkGradient(lp -> add2.loss(lp, labels2, 5), 3, 4, 6);
    long[] sums2 = {57, 120, 9};
    checkGradient(lp -> new CarryCircuit(2).loss(lp, sums2), 3, 4, 7);
    long[] sums4 = {12345, 9999, 10000};
    checkGradient(lp -> new CarryCircuit(4).loss(lp, sums4), 3, 8, 8);
    // 7 positions: the tree pads to 8 with identities
    int[][] sums7 = {AdditionData.digitsOf(1234567L, 7), AdditionData.digitsOf(9999999L, 7)};
    checkGradient(lp -> new CarryCircuit(7).loss(lp, sums7), 2, 14, 9);
  }

  /** Any single-neural-predicate program grounds: here "less(Z)" with Z = 1 when d0 < d1. */
  @Test
  void otherProgramsGroundToTheirEnumeration() {
    String rules =
        "less(1) :- digit(s0, A), digit(s1, B), A < B.\nless(0) :- digit(s0, A), digit(s1, B), A >= B.";
    SumProductCircuit c = DatalogGrounder.ground(rules, "digit", 2, 10, "less", 2, 1000);
    Random r = new Random(9);
    try (NDManager m = NDManager.newBaseManager()) {
      double[][][] p = randomDists(r, 3, 2);
      double[] got = c.logProbabilities(logOf(m, p), 0).toDoubleArray();
      for (int i = 0; i < 3; i++) {
        double want = 0;
        for (int a = 0; a < 10; a++) {
          for (int b = a + 1; b < 10; b++) {
            want += p[i][0][a] * p[i][1][b];
          }
        }
        assertThat(Math.exp(got[i * 2 + 1]))
            .isCloseTo(want, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Math.exp(got[i * 2]) + Math.exp(got[i * 2 + 1]))
            .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      }
    }
  }

  @Test
  void nonExclusiveProofsAndBadOutputsAreSpecErrors() {
    List<List<int[]>> terms = SumProductCircuit.emptyOutputs(1);
    terms.get(0).add(new int[] {0});
    terms.get(0).add(new int[] {10});
    assertThatThrownBy(() -> new SumProductCircuit(2, 10, terms))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("exclusive");
    assertThatThrownBy(
            () ->
                DatalogGrounder.ground(
                    "addition(Z) :- digit(s0, A), Z = A + 100.",
                    "digit",
                    1,
                    10,
                    "addition",
                    19,
                    10))
        .isInstanceOf(SpecError.class);
    assertThat((DatalogGrounder.show(List.of(new int[] {3, 17}), 10)))
        .containsExactly("digit(s0,3) digit(s1,7)");
  }
}
