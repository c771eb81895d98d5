package org.gyrus.nas.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.data.Dataset;
import org.gyrus.search.Study;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.store.MemoryTrialStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** ENAS's weight sharing: a sampled cell is a single path through the shared supernet. */
class WeightSharingTest {
  private static Dataset randomImages(int n, int side, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * 3 * side * side];
    int[] y = new int[n];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextDouble() * 2 - 1);
    }
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(10);
    }
    return new Dataset("noise", x, y, new Shape(3, side, side), 10);
  }

  /**
   * The single path (other ops not computed) gives the logits of the full supernet under the cell's
   * one-hot op weights, for random cells; another cell gives other logits (so the check can fail).
   */
  @Test
  void singlePathEqualsTheOneHotMixture() {
    Dataset d = randomImages(16, 8, 1);
    try (SharedSupernet s = new SharedSupernet(4, 1, 10, 8, 7)) {
      int[] order = Dataset.permutation(16, new SplittableRandom(2));
      NDArray x = s.batch(d, order, 0, 16, null)[0];
      SplittableRandom r = new SplittableRandom(3);
      for (int i = 0; i < 8; i++) {
        Genotype g = Genotype.ofIndex(r.nextInt(Genotype.COUNT));
        float[] path = s.pathLogits(x, g, true).toFloatArray();
        float[] mixture = s.net.logits(s.ps, x, s.oneHot(g), null, true).toFloatArray();
        assertThat(maxDiff(path, mixture)).as("cell %s", g).isLessThan(1e-5);
      }
      Genotype a = Genotype.uniform("nor_conv_3x3");
      Genotype b = Genotype.uniform("nor_conv_1x1");
      assertThat(
              maxDiff(
                  s.pathLogits(x, a, true).toFloatArray(), s.pathLogits(x, b, true).toFloatArray()))
          .isGreaterThan(1e-4);
    }
  }

  /**
   * A path's estimate uses that path's own batch statistics, as NB201's weight-sharing code does
   * (BN without running statistics): evaluating the all-conv path on a batch gives the same logits
   * in a supernet that has just run the all-skip path (four times the activation scale at the cell
   * output) on batches scaled by 10 as in an identical supernet that has not. Running statistics
   * (the mixture's) would not: that comparison differs, so the check can fail.
   */
  @Test
  void aPathIsEvaluatedWithItsOwnBatchStatistics() {
    Dataset d = randomImages(32, 8, 4);
    int[] order = Dataset.permutation(32, new SplittableRandom(5));
    Genotype conv = Genotype.uniform("nor_conv_3x3");
    Genotype skip = Genotype.uniform("skip_connect");
    try (SharedSupernet alone = new SharedSupernet(4, 1, 10, 8, 9);
        SharedSupernet mixed = new SharedSupernet(4, 1, 10, 8, 9)) {
      NDArray x = alone.batch(d, order, 0, 32, null)[0];
      NDArray xm = mixed.batch(d, order, 0, 32, null)[0];
      assertThat(maxDiff(runningLogits(alone, x, conv), runningLogits(mixed, xm, conv)))
          .as("same seed, same weights")
          .isLessThan(1e-6);
      for (int i = 0; i < 5; i++) {
        mixed.pathLogits(Scalars.mul(xm, 10), skip, true); // moves the running statistics
      }
      float[] a = alone.evalLogits(x, conv).toFloatArray();
      assertThat(maxDiff(a, mixed.evalLogits(xm, conv).toFloatArray())).isLessThan(1e-5);
      assertThat(alone.estimate(conv, d, 1, null)).isEqualTo(mixed.estimate(conv, d, 1, null));
      assertThat(maxDiff(runningLogits(alone, x, conv), runningLogits(mixed, xm, conv)))
          .as("running statistics carry the other path's scale")
          .isGreaterThan(1e-3);
    }
  }

  private static float[] runningLogits(SharedSupernet s, NDArray x, Genotype g) {
    return s.pathLogits(x, g, false).toFloatArray();
  }

  /** FairNAS's paths: every op of every edge exactly once per step, in a different order. */
  @Test
  void fairPathsUseEveryOpOncePerEdge() {
    SplittableRandom r = new SplittableRandom(8);
    java.util.Set<List<Genotype>> seen = new java.util.HashSet<>();
    for (int i = 0; i < 20; i++) {
      List<Genotype> paths = EnasSearch.fairPaths(r);
      seen.add(paths);
      assertThat(paths).hasSize(Genotype.OPS);
      for (int e = 0; e < Genotype.EDGES; e++) {
        int edge = e;
        assertThat(paths.stream().map(g -> g.ops()[edge]).toList())
            .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
      }
    }
    assertThat(seen).hasSizeGreaterThan(15);
  }

  /** One step on a path moves the chosen ops' weights and leaves every op off the path alone. */
  @Test
  void trainingAPathMovesOnlyItsOps() {
    Dataset d = randomImages(16, 8, 4);
    try (SharedSupernet s = new SharedSupernet(4, 1, 10, 8, 7)) {
      Genotype g =
          new Genotype(new int[] {3, 2, 1, 0, 4, 3}); // conv3, conv1, skip, none, pool, conv3
      Map<String, float[]> before = new HashMap<>();
      for (Pair<String, Parameter> p : s.net.getParameters()) {
        before.put(p.getKey(), p.getValue().getArray().toFloatArray());
      }
      int[] order = Dataset.permutation(16, new SplittableRandom(2));
      s.trainPath(s.batch(d, order, 0, 16, null), g, 0.1);
      int movedOnPath = 0;
      for (Pair<String, Parameter> p : s.net.getParameters()) {
        String name = p.getKey();
        double diff = maxDiff(before.get(name), p.getValue().getArray().toFloatArray());
        boolean onPath =
            name.contains("e0_conv3x3")
                || name.contains("e1_conv1x1")
                || name.contains("e5_conv3x3");
        boolean offPath = name.matches(".*e\\d_conv\\dx\\d.*") && !onPath;
        if (offPath) {
          assertThat(diff).as(name).isZero();
        }
        if (onPath && name.endsWith("weight")) {
          assertThat(diff).as(name).isGreaterThan(0);
          movedOnPath++;
        }
      }
      assertThat(movedOnPath).isEqualTo(3 * 3); // three ops in each of the three stages' cells
    }
  }

  /**
   * A tiny ENAS run on real CIFAR-10 (256 + 256 images at 8², C = 4, 2 epochs) is a stored study:
   * the derived cell is the re-ranked buffer's best, the buffer is sorted, and roles are recorded.
   */
  @Test
  void tinyEnasRunIsAStudyDerivedFromTheRerankedBuffer() throws Exception {
    String dir = System.getenv("GYRUS_DATA");
    Assumptions.assumeTrue(
        dir != null && Files.isDirectory(Path.of(dir, "cifar10")),
        "GYRUS_DATA/cifar10 not present: skipping the tiny ENAS run on CIFAR-10");
    NasBench201 table = NasBench201.load(Path.of(dir));
    Scale scale = new Scale(4, 1, 8, 256, 2, 3);
    SearchData data = SearchData.load(Path.of(dir), 8, 256, 3);
    try (MemoryTrialStore store = new MemoryTrialStore();
        OneShotSearch search =
            OneShotMethods.create(
                "{_type: enas, warmup: 1, controller_steps: 6, buffer: 4}", scale)) {
      OneShotRun.Outcome o =
          OneShotRun.run("enas", search, data, table, 4, 5, store, "tiny", null, s -> {});
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> reranked =
          (List<Map<String, Object>>) o.details().get("buffer_reranked");
      assertThat(reranked).hasSizeBetween(1, 4);
      assertThat(reranked.get(0).get("arch")).isEqualTo(o.genotype().arch());
      for (int i = 1; i < reranked.size(); i++) {
        assertThat((double) reranked.get(i).get("estimate"))
            .isLessThanOrEqualTo((double) reranked.get(i - 1).get("estimate"));
      }
      assertThat(o.trajectory()).hasSize(2);
      assertThat(o.uniformCells()).isEqualTo(5);
      Study study = Study.load(store, "tiny");
      assertThat(study.trials().get(0).attrs()).containsEntry("role", "derived");
      assertThat(study.trials()).extracting(t -> t.attrs().get("role")).contains("sampled");
      List<String> recorded = study.trials().stream().map(t -> t.attrs().get("arch")).toList();
      for (Map<String, Object> e : reranked) {
        assertThat(recorded).contains((String) e.get("arch"));
      }
    }
  }

  private static double maxDiff(float[] a, float[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}
