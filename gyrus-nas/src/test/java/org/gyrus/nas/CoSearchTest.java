package org.gyrus.nas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gyrus.core.Space;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nas.bench.HardwareTable;
import org.gyrus.search.Constraint;
import org.gyrus.search.Evaluator;
import org.gyrus.search.Experiment;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.store.MemoryTrialStore;
import org.junit.jupiter.api.Test;

/** The co-search example end to end, and the bench's closed form against the model. */
class CoSearchTest {
  private static final Path EXAMPLE = Path.of("../examples/nas-hardware.yaml");

  @Test
  void exampleExperimentReturnsOnlyDesignsThatMeetEverySpec() {
    Experiment e = Experiment.read(EXAMPLE);
    Experiment.Checked checked = e.check();
    Evaluator ev = checked.buildEvaluator(null);
    List<Constraint> specs = e.constraints();
    assertThat(specs).hasSize(3);
    try (TrialStore store = new MemoryTrialStore();
        Study s =
            Study.open(
                store,
                e.study(),
                e.space(),
                e.directions(),
                e.algorithm(),
                e.seed(),
                Study.Options.DEFAULT,
                Map.of(Constraint.ATTR, Constraint.formatAll(specs)))) {
      s.optimize(ev, 300, Study.TrialListener.NONE);
      List<Trial> done = s.trials();
      long feasible = done.stream().filter(t -> s.history().feasible(t)).count();
      // the specs cut the space: some designs seen break them, some meet them
      assertThat(feasible).isBetween(1L, (long) done.size() - 1);
      List<Trial> front = s.bestTrials();
      assertThat(front).isNotEmpty();
      for (Trial t : front) {
        for (Constraint c : specs) {
          double v = Double.parseDouble(t.attrs().get("metric." + c.metric()));
          assertThat(v).as(c + " for trial " + t.number()).isLessThanOrEqualTo(c.bound());
        }
      }
      // NSGA-II's later generations should be mostly feasible once feasible designs are known
      long lateFeasible =
          done.subList(200, 300).stream().filter(t -> s.history().feasible(t)).count();
      assertThat(lateFeasible).isGreaterThan(50);
    }
  }

  @Test
  void badPointsAndArgumentsFailWithTheirPath() {
    CoSearchEvaluator f = new CoSearchEvaluator();
    Value.Node bad =
        Value.Node.of(
            "codesign",
            "cell",
            AcceleratorModelTest.cellOf("nor_conv_3x3"),
            "accelerator",
            Value.Node.of("accelerator", "dataflow", "rs"));
    assertThatThrownBy(() -> f.checkPoint(null, bad))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("accelerator.dataflow")
        .hasMessageContaining("ws or os");
  }

  @Test
  void benchClosedFormEqualsTheLayerByLayerModel() {
    AcceleratorModel model = new AcceleratorModel(500);
    Space space = new Space(new CoSearchEvaluator().defaultSpace(null));
    SplittableRandom r = new SplittableRandom(3);
    List<Value.Node> designs = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      designs.add((Value.Node) space.materialise(space.sample(r)));
    }
    NasBench201 nb = NasBench201.load(null);
    HardwareTable table =
        HardwareTable.build(nb, model, designs.stream().map(d -> d.arg("cell")).toList());
    for (Value.Node design : designs) {
      Map<String, Double> direct = CoSearchEvaluator.measure(nb, model, design);
      double[] closed = table.objectives(design);
      assertThat(closed[0]).isEqualTo(direct.get("accuracy"));
      assertThat(closed[1]).isCloseTo(direct.get("latency_ms"), within(1e-9));
      assertThat(closed[2]).isCloseTo(direct.get("energy_uj"), within(1e-9));
      assertThat(closed[3]).isCloseTo(direct.get("area_mm2"), within(1e-12));
    }
  }
}
