package org.gyrus.nn.spiking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** LSM and ESN reservoirs: determinism, quiescence, fading memory, a readout that learns timing. */
class ReservoirTest {
  private static float[] sequence(int classOf, SplittableRandom rng) {
    float[] s = new float[28 * 28];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (0.3 * rng.nextGaussian());
    }
    // the class is when a strong pulse arrives: rows 7k..7k+2
    for (int t = 7 * classOf; t < 7 * classOf + 3; t++) {
      for (int f = 0; f < 28; f++) {
        s[t * 28 + f] += 2f;
      }
    }
    return s;
  }

  @Test
  void spiking_reservoir_is_deterministic_quiet_at_rest_and_driven_by_input() {
    SpikingReservoir r = new SpikingReservoir(150, 28, 0.1, 0.1, 0.15, 4, 4, 3);
    float[] s = sequence(1, new SplittableRandom(1));
    assertThat(r.run(s, 28)).containsExactly(r.run(s, 28));
    float total = 0;
    for (float c : r.run(s, 28)) {
      total += c;
    }
    assertThat(total).isPositive();
    for (float c : r.run(new float[28 * 28], 28)) {
      assertThat(c).isZero();
    }
  }

  @Test
  void both_reservoirs_have_fading_memory() {
    Reservoir[] rs = {
      new SpikingReservoir(150, 28, 0.1, 0.1, 0.15, 4, 4, 3),
      new EchoStateNetwork(150, 28, 0.1, 0.9, 0.5, 0.5, 4, 3)
    };
    for (Reservoir r : rs) {
      SplittableRandom rng = new SplittableRandom(2);
      float[] a = sequence(3, rng);
      float[] b = a.clone();
      for (int f = 0; f < 28; f++) {
        b[f] += 3f; // change the first row only
      }
      float[] fa = r.run(a, 28);
      float[] fb = r.run(b, 28);
      int n = r.features() / 4;
      double first = 0;
      double last = 0;
      for (int i = 0; i < n; i++) {
        first += Math.abs(fa[i] - fb[i]);
        last += Math.abs(fa[3 * n + i] - fb[3 * n + i]);
      }
      assertThat(first).as(r.getClass().getSimpleName()).isGreaterThan(3 * last);
    }
  }

  @Test
  void a_linear_readout_on_lsm_features_learns_when_a_pulse_came() {
    SpikingReservoir r = new SpikingReservoir(150, 28, 0.1, 0.1, 0.15, 4, 4, 3);
    SplittableRandom rng = new SplittableRandom(4);
    int n = 400;
    int test = 200;
    float[] train = new float[n * r.features()];
    float[] tst = new float[test * r.features()];
    int[] y = new int[n];
    int[] yt = new int[test];
    for (int i = 0; i < n + test; i++) {
      int c = rng.nextInt(4);
      float[] f = r.run(sequence(c, rng), 28);
      if (i < n) {
        y[i] = c;
        System.arraycopy(f, 0, train, i * f.length, f.length);
      } else {
        yt[i - n] = c;
        System.arraycopy(f, 0, tst, (i - n) * f.length, f.length);
      }
    }
    double acc = SequenceModels.linearReadout(train, y, tst, yt, r.features(), 20, 0);
    assertThat(acc).isGreaterThan(0.9);
  }
}
