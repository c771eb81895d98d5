package org.gyrus.nas.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;
import org.gyrus.search.algo.Algorithms;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.store.MemoryTrialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RoBoT as an ordinary study on the NB201 table, over a pool with planted proxies: one that tracks
 * the table's accuracy, one that inverts it and one of noise. The weight search must find the
 * informative proxy and exploitation must then reach the pool's best cells, where greedy search on
 * the inverted proxy cannot.
 */
class RobotTest {
  @TempDir Path dir;

  private static final NasBench201 TABLE = NasBench201.load(null);

  private double poolBest;

  private Path plantedPool(int cells) throws Exception {
    SplittableRandom rng = new SplittableRandom(5);
    List<String> lines = new ArrayList<>();
    for (Value cell : samples(cells)) {
      double acc = TABLE.accuracy(cell);
      poolBest = Math.max(poolBest, acc);
      lines.add(
          String.format(
              Locale.ROOT,
              "{\"arch\": \"%s\", \"scores\": {\"noise\": %f, \"inverted\": %f, \"tracking\": %f}}",
              NasBench201.archString(cell),
              rng.nextDouble(),
              -acc + rng.nextGaussian() * 0.5,
              acc + rng.nextGaussian() * 0.3));
    }
    Path p = dir.resolve("pool.jsonl");
    Files.write(p, lines);
    return p;
  }

  private static List<Value> samples(int n) {
    org.gyrus.core.Space space = new org.gyrus.core.Space(NasBench201.space());
    SplittableRandom rng = new SplittableRandom(11);
    List<Value> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (out.size() < n) {
      Value v = space.materialise(space.sample(rng));
      if (seen.add(NasBench201.archString(v))) {
        out.add(v);
      }
    }
    return out;
  }

  private static double best(String algorithm, long seed, int queries) {
    try (TrialStore store = new MemoryTrialStore();
        Study s =
            Study.open(
                store,
                "robot",
                NasBench201.space(),
                List.of(Direction.MAXIMIZE),
                SpecCodec.fromYaml(algorithm),
                seed,
                Study.Options.DEFAULT)) {
      s.optimize(
          (concrete, ctx) -> org.gyrus.search.Metrics.of(TABLE.accuracy(concrete)),
          queries,
          org.gyrus.search.Study.TrialListener.NONE);
      return s.best().map(Trial::value).orElseThrow();
    }
  }

  @Test
  void findsThePlantedProxyAndExploitsItsRanking() throws Exception {
    Path pool = plantedPool(300);
    String robot = "{_type: robot, pool: '" + pool + "', explore: 8}";
    String inverted = "{_type: robot, pool: '" + pool + "', proxies: inverted, explore: 0}";
    double first = best(robot, 0, 16);
    assertThat(first).isGreaterThan(poolBest - 0.5);
    assertThat(best(robot, 0, 16)).as("deterministic per seed").isEqualTo(first);
    assertThat(best(robot, 1, 16)).as("seed 1").isGreaterThan(poolBest - 0.5);
    assertThat(best(inverted, 0, 16)).isLessThan(poolBest - 2);
  }

  @Test
  void unknownProxiesAndMissingPoolsFailBeforeTheSearch() throws Exception {
    Path pool = plantedPool(20);
    assertThatThrownBy(
            () ->
                Algorithms.of(
                    SpecCodec.fromYaml("{_type: robot, pool: '" + pool + "', proxies: synflw}")))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("synflw")
        .hasMessageContaining("tracking");
    assertThatThrownBy(
            () ->
                Algorithms.of(
                    SpecCodec.fromYaml("{_type: robot, pool: '" + dir.resolve("none") + "'}")))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("none");
  }
}
