package org.gyrus.nesy.clutrr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClutrrTrainingTest {
  /**
   * The six permutations of {0, 1, 2}: a toy world whose composition is known and not commutative.
   */
  static final int[][] S3 = {{0, 1, 2}, {1, 0, 2}, {0, 2, 1}, {2, 1, 0}, {1, 2, 0}, {2, 0, 1}};

  /** a then b: x -> b[a[x]]. */
  static int compose(int a, int b) {
    int[] ab = new int[3];
    for (int x = 0; x < 3; x++) {
      ab[x] = S3[b][S3[a][x]];
    }
    for (int c = 0; c < S3.length; c++) {
      if (Arrays.equals(S3[c], ab)) {
        return c;
      }
    }
    throw new AssertionError();
  }

  static List<Story> toyStories(SplittableRandom rng, int n, int minLen, int maxLen) {
    List<Story> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> path = EpiGnnTest.randomPath(rng, minLen + rng.nextInt(maxLen - minLen + 1), 6);
      int label = path.get(0);
      for (int r : path.subList(1, path.size())) {
        label = compose(label, r);
      }
      Story c = EpiGnnTest.chain(path, label);
      out.add(
          new Story(
              c.nodes(), c.from(), c.to(), c.relation(), 0, c.nodes() - 1, label, path.size()));
    }
    return out;
  }

  @Test
  void learnsTheToyWorldsCompositionFromShortPathsAndAppliesItToLongOnes() {
    SplittableRandom rng = new SplittableRandom(4);
    Relations rel = new Relations(List.of("e", "s01", "s12", "s02", "r", "r2"));
    Map<Integer, List<Story>> test = new TreeMap<>();
    for (int k : new int[] {2, 6, 10}) {
      test.put(k, toyStories(rng, 150, k, k));
    }
    ClutrrData data = new ClutrrData(Path.of("toy"), rel, toyStories(rng, 400, 2, 3), test);
    var cfg =
        new ClutrrTraining.Config(
            "epignn", 8, EpiGnn.Aggregation.MIN, true, 1, 2, 40, 32, 0.05, 0, 0);
    ClutrrTraining.Result r = ClutrrTraining.run(cfg, data, null);
    for (int k : test.keySet()) {
      assertThat(r.accuracy(k)).as("k=%d", k).isGreaterThanOrEqualTo(0.98);
    }
    int[] agree = r.table().agreement();
    assertThat(agree[1]).isEqualTo(36);
    assertThat(agree[0]).isEqualTo(36);
    for (CompositionTable.Entry e : r.table().entries()) {
      assertThat(e.learned()).isEqualTo(compose(e.first(), e.second()));
    }
  }

  @Test
  void shortRunOnTheRealSplitGeneralisesToK4() {
    String root = System.getenv("GYRUS_DATA");
    Path dir = root == null ? null : Path.of(root, "clutrr", "data_089907f8");
    assumeTrue(
        dir != null && Files.isRegularFile(dir.resolve(ClutrrData.DEFAULT_TRAIN)),
        "GYRUS_DATA/clutrr/data_089907f8 absent: skipping the CLUTRR training run");
    ClutrrData all = ClutrrData.load(dir, ClutrrData.DEFAULT_TRAIN);
    Map<Integer, List<Story>> test = new TreeMap<>();
    for (int k = 2; k <= 4; k++) {
      test.put(k, all.test().get(k));
    }
    ClutrrData data = new ClutrrData(dir, all.relations(), all.train(), test);
    var cfg =
        new ClutrrTraining.Config(
            "epignn", 40, EpiGnn.Aggregation.MIN, true, 1, 2, LIMIT_EPOCHS, 64, 0.03, 0, LIMIT);
    ClutrrTraining.Result r = ClutrrTraining.run(cfg, data, null);
    for (int k = 2; k <= 4; k++) {
      assertThat(r.accuracy(k)).as("k=%d", k).isGreaterThanOrEqualTo(SHORT_RUN_AT_LEAST);
    }
  }

  static final int LIMIT = 2000;
  static final int LIMIT_EPOCHS = 5;
  static final double SHORT_RUN_AT_LEAST = 0.85;
}
