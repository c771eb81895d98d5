package org.gyrus.nas.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ENAS controller's REINFORCE gradient and the memory buffer, on cases small enough to
 * enumerate.
 */
class EnasControllerTest {
  private static final int[] SIZES = {3, 2, 2};

  private static List<int[]> allActions() {
    List<int[]> out = new ArrayList<>();
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 2; b++) {
        for (int c = 0; c < 2; c++) {
          out.add(new int[] {a, b, c});
        }
      }
    }
    return out;
  }

  /** J(w) = Σ_a π_w(a)·r(a), enumerated. */
  private static double expectedReward(EnasController c, List<int[]> as, double[] r) {
    double j = 0;
    for (int i = 0; i < as.size(); i++) {
      j += Math.exp(c.logProb(as.get(i))) * r[i];
    }
    return j;
  }

  /**
   * The policy gradient theorem on an enumerable case: the π-weighted average of the controller's
   * per-sample gradients (no entropy, no baseline) is exactly −∇J, J the expected reward, which
   * central finite differences of the enumerated J give independently.
   */
  @Test
  void reinforceGradientAveragesToTheExpectedRewardGradient() {
    EnasController c = new EnasController(SIZES, 4, 0.01, 0, 0.9, 3);
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < c.policy.w.length; i++) {
      c.policy.w[i] += rng.nextDouble() - 0.5;
    }
    List<int[]> as = allActions();
    double[] r = new double[as.size()];
    double total = 0;
    for (int i = 0; i < r.length; i++) {
      r[i] = rng.nextDouble();
      total += Math.exp(c.logProb(as.get(i)));
    }
    assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    double[] avg = new double[c.policy.w.length];
    for (int i = 0; i < as.size(); i++) {
      double p = Math.exp(c.logProb(as.get(i)));
      double[] g = c.gradient(as.get(i), r[i]);
      for (int k = 0; k < avg.length; k++) {
        avg[k] += p * g[k];
      }
    }
    double h = 1e-6;
    double worst = 0;
    double scale = 0;
    for (int k = 0; k < avg.length; k++) {
      double keep = c.policy.w[k];
      c.policy.w[k] = keep + h;
      double up = expectedReward(c, as, r);
      c.policy.w[k] = keep - h;
      double down = expectedReward(c, as, r);
      c.policy.w[k] = keep;
      double fd = (up - down) / (2 * h);
      worst = Math.max(worst, Math.abs(-fd - avg[k]));
      scale = Math.max(scale, Math.abs(fd));
    }
    assertThat(scale).isGreaterThan(1e-3);
    assertThat(worst).isLessThan(1e-7);
  }

  /**
   * The first reward only sets the baseline (advantage 0, π unchanged up to the entropy term being
   * off); a later reward above the baseline makes the rewarded cell more likely, one below less.
   */
  @Test
  void updateMovesProbabilityTowardsCellsAboveTheBaseline() {
    EnasController c = new EnasController(SIZES, 4, 0.05, 0, 0.5, 1);
    int[] a = {2, 1, 0};
    int[] b = {0, 0, 1};
    double before = c.logProb(a);
    assertThat(c.update(a, 0.5)).isZero();
    assertThat(c.logProb(a)).isEqualTo(before);
    assertThat(c.baseline()).isEqualTo(0.5);
    assertThat(c.update(a, 0.9)).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(c.logProb(a)).isGreaterThan(before);
    assertThat(c.baseline()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
    double bBefore = c.logProb(b);
    c.update(b, 0.1);
    assertThat(c.logProb(b)).isLessThan(bBefore);
  }

  /**
   * After any stream of offers the buffer holds exactly the top-k distinct cells by their best
   * reward so far (an oracle that remembers everything), ranked; re-ranking orders by the new
   * score.
   */
  @Test
  void bufferKeepsTheTopCellsByBestRewardAndReranks() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int round = 0; round < 20; round++) {
      int k = 1 + rng.nextInt(9);
      ArchBuffer buffer = new ArchBuffer(k);
      Map<Genotype, Double> oracle = new HashMap<>();
      for (int i = 0; i < 400; i++) {
        Genotype g = Genotype.ofIndex(rng.nextInt(60));
        double r = rng.nextDouble();
        buffer.offer(g, r);
        oracle.merge(g, r, Math::max);
        List<Map.Entry<Genotype, Double>> top = new ArrayList<>(oracle.entrySet());
        top.sort(Map.Entry.<Genotype, Double>comparingByValue().reversed());
        top = top.subList(0, Math.min(k, top.size()));
        List<ArchBuffer.Entry> kept = buffer.ranked();
        assertThat(kept).hasSize(top.size());
        for (int j = 0; j < top.size(); j++) {
          assertThat(kept.get(j).cell()).isEqualTo(top.get(j).getKey());
          assertThat(kept.get(j).reward()).isEqualTo(top.get(j).getValue());
        }
      }
      List<ArchBuffer.Entry> re = buffer.rerank(g -> g.ops()[5] + 0.01 * g.ops()[4]);
      List<ArchBuffer.Entry> sorted = new ArrayList<>(re);
      sorted.sort(Comparator.comparingDouble(ArchBuffer.Entry::reward).reversed());
      assertThat(re).containsExactlyElementsOf(sorted);
      assertThat(re)
          .extracting(ArchBuffer.Entry::cell)
          .containsExactlyInAnyOrderElementsOf(
              buffer.ranked().stream().map(ArchBuffer.Entry::cell).toList());
    }
    assertThatThrownBy(() -> new ArchBuffer(0)).hasMessageContaining("capacity");
  }
}
