package org.gyrus.app.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.Dna;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.Study;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;

/**
 * Architecture studies for the readable-dashboard tests: the demo's convolutional space with
 * learning curves, and a generated 40-decision space with many trials. Values come from a fixed
 * function of the decisions (filters and depth help, a missing batch norm hurts) plus noise, so
 * importance has something to find; nothing is trained.
 */
final class ArchitectureStudies {
  /** Six stages of up to six decisions each, a pooling choice and an optional dense head. */
  static final String WIDE_SPACE =
      """
      _type: model
      body:
        - repeat:
            n: {oneOf: [2, 3, 4, 5, 6]}
            body:
              - _type: conv2d
                filters: {oneOf: [8, 16, 32, 64]}
                kernel: {oneOf: [3, 5]}
                padding: same
                activation: {oneOf: [relu, gelu, silu]}
              - optional: {_type: batch_norm}
              - optional: {_type: dropout, rate: {floatRange: {lo: 0.0, hi: 0.5}}}
        - oneOf: [{_type: global_avg_pool}, {_type: flatten}]
        - optional: {_type: dense, units: {intRange: {lo: 16, hi: 256, step: 16}}, activation: relu}
      """;

  private ArchitectureStudies() {}

  static Value demoSpace() {
    try (var in =
        ArchitectureStudies.class.getResourceAsStream("/org/gyrus/nn/spaces/fashion-cnn.yaml")) {
      return SpecCodec.fromYaml(
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Study {@code name} over {@code space}: {@code trials} random points written straight through
   * the store (a {@link Study} re-reads its history on every ask, which is quadratic in a fixture
   * this size), each COMPLETE with a 4-step curve when {@code curves}.
   */
  static void write(Path db, String name, Value space, int trials, boolean curves) {
    Space sp = new Space(space);
    try (TrialStore store = TrialStores.open("sqlite:" + db)) {
      StudyInfo info =
          store.createStudy(
              name, List.of(Direction.MAXIMIZE), space, new Value.StrVal("random"), 11);
      SplittableRandom rng = new SplittableRandom(11);
      for (int i = 0; i < trials; i++) {
        Dna dna = sp.sample(rng);
        Trial t =
            store
                .createTrial(
                    info.id(),
                    new TrialStore.NewTrial(
                        dna, sp.materialise(dna), i, "test", "fixture", TrialState.RUNNING),
                    Integer.MAX_VALUE,
                    false)
                .orElseThrow();
        double v = score(dna) + rng.nextDouble() * 0.02;
        if (curves) {
          for (int step = 1; step <= 4; step++) {
            store.reportIntermediate(t.id(), step, v * (0.7 + 0.1 * step) - 0.01 * (4 - step));
          }
        }
        store.finish(t.id(), TrialState.COMPLETE, List.of(v), null, Instant.now());
      }
    }
  }

  private static double score(Dna dna) {
    double v = 0.6;
    for (var e : dna.values().entrySet()) {
      String id = e.getKey();
      long x = e.getValue().longValue();
      if (id.endsWith(".filters")) {
        v += 0.02 * x;
      } else if (id.endsWith("#n")) {
        v += 0.03 * x;
      } else if (id.matches("body\\[0]\\[\\d+]\\[1]")) {
        v += 0.01 * x;
      }
    }
    return v;
  }
}
