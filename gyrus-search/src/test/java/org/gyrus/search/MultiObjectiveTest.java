package org.gyrus.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gyrus.core.Decision;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.search.algo.Nsga2;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.store.MemoryTrialStore;
import org.gyrus.search.store.SqliteTrialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NSGA-II, constraints and Pareto sets through real studies. */
class MultiObjectiveTest {
  @TempDir Path dir;

  private static final List<Direction> MIN2 = List.of(Direction.MINIMIZE, Direction.MINIMIZE);

  /** ZDT1 on five reals plus an integer and a choice that only add a penalty when not 0 / "a". */
  private static Value zdtSpace() {
    return Value.Node.of(
        "zdt",
        "x0",
        Values.floatRange(0, 1, false),
        "x1",
        Values.floatRange(0, 1, false),
        "x2",
        Values.floatRange(0, 1, false),
        "x3",
        Values.floatRange(0, 1, false),
        "x4",
        Values.floatRange(0, 1, false),
        "k",
        Values.intRange(0, 6),
        "c",
        Values.oneOf("a", "b", "c"));
  }

  private static Metrics zdt(Value concrete) {
    Value.Node n = (Value.Node) concrete;
    double f1 = n.floatArg("x0", 0);
    double g = 1;
    for (int i = 1; i < 5; i++) {
      g += 9 * n.floatArg("x" + i, 0) / 4;
    }
    g += n.intArg("k", 0) + (n.strArg("c", "a").equals("a") ? 0 : 1);
    return new Metrics(List.of(f1, g * (1 - Math.sqrt(f1 / g))), Map.of("g", g));
  }

  private static double zdtHypervolume(String algorithm, long seed, int trials) {
    try (TrialStore store = new MemoryTrialStore();
        Study s =
            Study.open(
                store,
                "z",
                zdtSpace(),
                MIN2,
                new Value.StrVal(algorithm),
                seed,
                Study.Options.DEFAULT)) {
      s.optimize((c, ctx) -> zdt(c), trials, Study.TrialListener.NONE);
      for (Trial t : s.trials()) { // every proposal is a valid point of the mixed space
        for (Decision d : s.space().dnaSpec().decisions()) {
          assertThat(s.space().dnaSpec().isValid(d, t.dna().get(d.id()))).isTrue();
        }
      }
      return s.hypervolume(new double[] {1.1, 11});
    }
  }

  @Test
  void nsga2BeatsRandomOnZdt1WithMixedDecisions() {
    for (long seed = 0; seed < 3; seed++) {
      double nsga = zdtHypervolume("nsga2", seed, 800);
      double random = zdtHypervolume("random", seed, 800);
      // the true front's hypervolume for this reference is about 10.3; random stays far below it
      assertThat(nsga).as("seed " + seed).isGreaterThan(random + 0.3);
    }
  }

  @Test
  void paretoSetIsTheFeasibleNonDominatedTrials() {
    qt().withExamples(30)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              String algo = seed % 2 == 0 ? "nsga2" : "random";
              double limit = new SplittableRandom(seed).nextDouble(1, 8);
              try (TrialStore store = new MemoryTrialStore();
                  Study s =
                      Study.open(
                          store,
                          "c",
                          zdtSpace(),
                          MIN2,
                          algoSpec(algo),
                          seed,
                          Study.Options.DEFAULT,
                          Map.of(Constraint.ATTR, "g <= " + limit))) {
                s.optimize((c, ctx) -> zdt(c), 40, Study.TrialListener.NONE);
                List<Trial> feasible =
                    s.trials().stream()
                        .filter(t -> t.state() == TrialState.COMPLETE)
                        .filter(t -> Double.parseDouble(t.attrs().get("metric.g")) <= limit)
                        .toList();
                List<Trial> best = s.bestTrials();
                assertThat(best.isEmpty()).isEqualTo(feasible.isEmpty());
                assertThat(feasible).containsAll(best);
                for (Trial b : best) {
                  for (Trial f : feasible) {
                    assertThat(Pareto.dominates(neg(f), neg(b))).isFalse();
                  }
                }
                for (Trial f : feasible) { // every feasible trial off the set is dominated by it
                  if (!best.contains(f)) {
                    assertThat(best).anyMatch(b -> Pareto.dominates(neg(b), neg(f)));
                  }
                }
                s.best().ifPresent(b -> assertThat(feasible).contains(b));
              }
            });
  }

  private static Value algoSpec(String algo) {
    return algo.equals("nsga2")
        ? Value.Node.of("nsga2", "population", 8)
        : new Value.StrVal("random");
  }

  private static double[] neg(Trial t) {
    return new double[] {-t.values().get(0), -t.values().get(1)};
  }

  @Test
  void nsga2SelectsEveryFeasibleParentBeforeAnyInfeasibleOne() {
    History h = new History(MIN2, List.of(Constraint.parse("g <= 6", "test")));
    try (TrialStore store = new MemoryTrialStore();
        Study s =
            Study.open(
                store,
                "p",
                zdtSpace(),
                MIN2,
                new Value.StrVal("random"),
                3,
                Study.Options.DEFAULT)) {
      s.optimize((c, ctx) -> zdt(c), 60, Study.TrialListener.NONE);
      s.trials().forEach(h::update);
    }
    List<Trial> pool = h.completed();
    long feasible = pool.stream().filter(h::feasible).count();
    assertThat(feasible).isBetween(1L, 59L); // the case is only interesting with both kinds
    int size = (int) Math.min(feasible + 5, pool.size());
    List<Nsga2.Member> chosen = Nsga2.select(h, pool, size);
    assertThat(chosen.subList(0, (int) feasible)).allMatch(p -> h.feasible(p.trial()));
    assertThat(chosen.subList((int) feasible, size)).noneMatch(p -> h.feasible(p.trial()));
    double worstChosen =
        chosen.subList((int) feasible, size).stream()
            .mapToDouble(p -> h.violation(p.trial()))
            .max()
            .orElseThrow();
    assertThat(pool.stream().filter(t -> !h.feasible(t)))
        .filteredOn(t -> chosen.stream().noneMatch(p -> p.trial() == t))
        .allMatch(t -> h.violation(t) >= worstChosen);
  }

  @Test
  void aMissingConstrainedMetricFailsTheTrialWithItsName() {
    try (TrialStore store = new MemoryTrialStore();
        Study s =
            Study.open(
                store,
                "m",
                zdtSpace(),
                MIN2,
                new Value.StrVal("random"),
                0,
                Study.Options.DEFAULT,
                Map.of(Constraint.ATTR, "latency_ms <= 2"))) {
      Trial t = s.ask();
      s.tell(t, Metrics.of(0.5, 0.5));
      Trial stored = store.trial(t.id()).orElseThrow();
      assertThat(stored.state()).isEqualTo(TrialState.FAIL);
      assertThat(stored.error()).contains("latency_ms");
    }
  }

  @Test
  void experimentFilesDeclareConstraintsAndRejectBadOnes() throws Exception {
    Path ok = dir.resolve("ok.yaml");
    Files.writeString(
        ok,
        "_type: experiment\nevaluator: {_type: nb201}\ndirections: [maximize, minimize]\n"
            + "constraints: ['latency_ms <= 2.5', 'area_mm2<=4e0']\nspace: {_type: x, a: 1}\n");
    Experiment e = Experiment.read(ok);
    assertThat(e.constraints())
        .containsExactly(
            new Constraint("latency_ms", true, 2.5), new Constraint("area_mm2", true, 4));
    assertThat(e.toValue().toString()).contains("latency_ms <= 2.5");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        "_type: experiment\nevaluator: {_type: nb201}\nconstraints: ['latency < 2']\n"
            + "space: {_type: x, a: 1}\n");
    assertThatThrownBy(() -> Experiment.read(bad))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("constraints[0]")
        .hasMessageContaining("bad.yaml");
    Path old = dir.resolve("old.yaml");
    Files.writeString(old, "_type: experiment\nevaluator: {_type: nb201}\nspace: {_type: x}\n");
    assertThat(Experiment.read(old).toValue().toString()).doesNotContain("constraints");
  }

  @Test
  void aSingleObjectiveStoreFromBeforeStudyAttributesStillResumes() throws Exception {
    Path db = dir.resolve("old.db");
    NasBench201 table = NasBench201.load(null);
    try (TrialStore store = SqliteTrialStore.open(db);
        Study s = Study.open(store, "s", NasBench201.space(), Direction.MAXIMIZE, "tpe", 0)) {
      s.optimize((c, ctx) -> Metrics.of(table.accuracy(c)), 15, Study.TrialListener.NONE);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE study_attrs"); // as written before attributes (and constraints)
    }
    try (TrialStore store = SqliteTrialStore.open(db);
        Study s = Study.open(store, "s", NasBench201.space(), Direction.MAXIMIZE, "tpe", 0)) {
      assertThat(s.trials()).hasSize(15);
      s.optimize((c, ctx) -> Metrics.of(table.accuracy(c)), 25, Study.TrialListener.NONE);
      assertThat(s.trials()).hasSize(25).allMatch(t -> t.state() == TrialState.COMPLETE);
      Trial best = s.best().orElseThrow();
      assertThat(s.bestTrials()).allMatch(t -> t.value() == best.value()).contains(best);
      assertThat(s.history().constraints()).isEmpty();
    }
  }
}
