package org.gyrus.nn.attractor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Spiking CAM (B11): STDP wiring, completion from fragments, capacity and forgetting. */
class SpikingCamTest {
  private static final int N = 200;

  @Test
  void stdp_wires_the_pattern_and_leaves_other_synapses_alone() {
    SplittableRandom rng = new SplittableRandom(1);
    SpikingCam cam = new SpikingCam(SpikingCam.Config.standard(N, 0));
    int[] p = SpikingCam.randomPattern(N, 20, rng);
    cam.learn(p, 100, rng);
    double inside = 0;
    for (int i : p) {
      for (int j : p) {
        inside += i == j ? 0 : cam.weight(i, j) / (20 * 19);
      }
    }
    assertThat(inside).isGreaterThan(0.5 * 0.1);
    boolean[] member = new boolean[N];
    for (int i : p) {
      member[i] = true;
    }
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        if (!(member[i] && member[j])) {
          assertThat(cam.weight(i, j)).isZero();
        }
      }
    }
  }

  @Test
  void completes_patterns_from_fragments_below_capacity_and_fails_when_overloaded() {
    assertThat(recalled(5, 0.3, 0, 0)).isEqualTo(1.0);
    assertThat(recalled(60, 0.5, 0, 0)).isLessThan(0.3);
    // an untrained network returns nothing beyond the cue
    SplittableRandom rng = new SplittableRandom(2);
    int[] p = SpikingCam.randomPattern(N, 20, rng);
    int[] cue = SpikingCam.fragment(p, 0.5, rng);
    SpikingCam blank = new SpikingCam(SpikingCam.Config.standard(N, 0));
    assertThat(SpikingCam.f1(p, cue, blank.recall(cue, 10, 30, rng)))
        .isCloseTo(2.0 * 10 / (20 + 10), org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void decay_forgets_old_patterns_and_keeps_recent_ones() {
    SplittableRandom rng = new SplittableRandom(3);
    SpikingCam cam = new SpikingCam(SpikingCam.Config.standard(N, 0.12));
    List<int[]> stored = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      stored.add(SpikingCam.randomPattern(N, 20, rng));
      cam.learn(stored.get(k), 100, rng);
    }
    int[] oldCue = SpikingCam.fragment(stored.get(0), 0.5, rng);
    int[] newCue = SpikingCam.fragment(stored.get(7), 0.5, rng);
    assertThat(SpikingCam.f1(stored.get(0), oldCue, cam.recall(oldCue, 10, 30, rng)))
        .isLessThan(0.9);
    assertThat(SpikingCam.f1(stored.get(7), newCue, cam.recall(newCue, 10, 30, rng)))
        .isGreaterThan(0.9);
  }

  private static double recalled(int patterns, double fraction, double decay, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    SpikingCam cam = new SpikingCam(SpikingCam.Config.standard(N, decay));
    List<int[]> stored = new ArrayList<>();
    for (int k = 0; k < patterns; k++) {
      stored.add(SpikingCam.randomPattern(N, 20, rng));
      cam.learn(stored.get(k), 100, rng);
    }
    double ok = 0;
    for (int[] p : stored) {
      int[] cue = SpikingCam.fragment(p, fraction, rng);
      ok += SpikingCam.f1(p, cue, cam.recall(cue, 10, 30, rng)) >= 0.9 ? 1 : 0;
    }
    return ok / patterns;
  }
}
