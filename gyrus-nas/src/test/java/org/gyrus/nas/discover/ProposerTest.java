package org.gyrus.nas.discover;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.data.Mqar;
import org.gyrus.nn.memory.MqarFit;
import org.junit.jupiter.api.Test;

/** Every proposal compiles after repair or is a failure the engineer can record; memory steers. */
class ProposerTest {
  static final int D = 16;
  static final Mqar TASK = new Mqar(32, 16, 2);
  static final List<String> NAMES = List.of("softmax", "linear", "gated_conv");

  static MotifProposer proposer() {
    List<Value> seeds = new ArrayList<>();
    NAMES.forEach(n -> seeds.add(Grammar.seed(n, D)));
    return new MotifProposer(new Grammar(D), NAMES, seeds, 8, 0.1, 0.02);
  }

  static Lineage seeded() {
    List<Lineage.Entry> e = new ArrayList<>();
    double[] scores = {0.4, 0.2, 0.05};
    for (int i = 0; i < 3; i++) {
      Value p = Grammar.seed(NAMES.get(i), D);
      e.add(
          new Lineage.Entry(new Candidate(i, p, List.of(), "seed"), Motifs.of(p), scores[i], null));
    }
    return new Lineage(e);
  }

  @Test
  void proposalsAreNewProgramsThatCompileAfterRepairOrFailWithAReason() throws Exception {
    Engineer engineer = new Engineer(new Engineer.Budget(TASK, D, 2, 4, 3e-3, 4, 20_000));
    MotifProposer p = proposer();
    Lineage lineage = seeded();
    assertThat(p.propose(1, lineage, Memory.EMPTY, new SplittableRandom(1)).operator())
        .isEqualTo("seed:linear");
    SpecCompiler compiler = SpecCompiler.standard();
    Set<String> programs = new HashSet<>();
    Map<String, Integer> stages = new HashMap<>();
    int valid = 0;
    int repaired = 0;
    int trained = 0;
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      for (int i = 0; i < 150; i++) {
        Candidate c = p.propose(3 + i, lineage, Memory.EMPTY, new SplittableRandom(i));
        assertThat(lineage.contains(c.program())).as("a new program").isFalse();
        assertThat(c.parents()).allMatch(n -> n >= 0 && n < 3);
        programs.add(SpecCodec.toCompactJson(c.program()));
        try {
          Engineer.Checked ok = engineer.check(c.program());
          assertThat(compiler.analyse(ok.program(), engineer.mixerInput(), "mixer").output())
              .isEqualTo(engineer.mixerInput());
          valid++;
          repaired += ok.repairs().isEmpty() ? 0 : 1;
          if (trained < 5) { // the compiled block runs forward on real MQAR batches
            double acc =
                new MqarFit(ok.program(), D, TASK, m, i).accuracy(4, new SplittableRandom(i));
            assertThat(acc).isBetween(0.0, 1.0);
            trained++;
          }
        } catch (CandidateFailure f) {
          assertThat(f.getMessage()).isNotBlank();
          assertThat(f.stage()).isIn("compile", "budget");
          // the grammar never writes a malformed node (smoke run 2 had parallel.branches replaced)
          assertThat(f.getMessage()).doesNotContain("expected a list");
          stages.merge(f.stage(), 1, Integer::sum);
        }
      }
    }
    assertThat(valid).as("valid of 150, failures " + stages).isGreaterThan(75);
    assertThat(repaired).as("some needed a repair").isGreaterThan(0);
    assertThat(programs.size()).as("distinct programs").isGreaterThan(100);
  }

  @Test
  void aProposerToldTheBudgetRarelyProposesWhatTheEngineerWouldRefuseForIt() {
    Engineer engineer = new Engineer(new Engineer.Budget(TASK, D, 2, 4, 3e-3, 4, 2_400));
    List<Value> seeds = new ArrayList<>();
    NAMES.forEach(n -> seeds.add(Grammar.seed(n, D)));
    MotifProposer told =
        new MotifProposer(
            new Grammar(D),
            NAMES,
            seeds,
            8,
            0.1,
            0.02,
            v -> {
              try {
                engineer.check(v);
                return true;
              } catch (CandidateFailure f) {
                return !f.stage().equals("budget");
              }
            });
    int blind = 0;
    int aware = 0;
    for (int i = 0; i < 100; i++) {
      blind +=
          overBudget(
              engineer, proposer().propose(3, seeded(), Memory.EMPTY, new SplittableRandom(i)));
      aware +=
          overBudget(engineer, told.propose(3, seeded(), Memory.EMPTY, new SplittableRandom(i)));
    }
    assertThat(blind).as("the test needs a budget that bites").isGreaterThan(20);
    assertThat(aware).as("blind " + blind).isLessThan(blind / 4);
  }

  private static int overBudget(Engineer engineer, Candidate c) {
    try {
      engineer.check(c.program());
      return 0;
    } catch (CandidateFailure f) {
      return f.stage().equals("budget") ? 1 : 0;
    }
  }

  @Test
  void editsOfAParallelKeepItsBranchListAList() {
    Value parallel =
        org.gyrus.core.Value.Node.of(
            "parallel",
            "branches",
            org.gyrus.core.Value.ListVal.of(
                Grammar.seed("softmax", D), Grammar.seed("gated_conv", D)),
            "join",
            "add");
    assertThat(SpecTree.sites(parallel)).doesNotContain(List.of("branches"));
    Engineer engineer = new Engineer(new Engineer.Budget(TASK, D, 2, 4, 3e-3, 4, 100_000));
    Lineage lineage =
        new Lineage(
            List.of(
                new Lineage.Entry(
                    new Candidate(0, parallel, List.of(), "seed"),
                    Motifs.of(parallel),
                    0.5,
                    null)));
    MotifProposer p = new MotifProposer(new Grammar(D), List.of(), List.of(), 8, 0.0, 0.02);
    for (int i = 0; i < 200; i++) {
      Candidate c = p.propose(1, lineage, Memory.EMPTY, new SplittableRandom(i));
      try {
        engineer.check(c.program());
      } catch (CandidateFailure f) {
        assertThat(f.getMessage()).as(c.operator()).doesNotContain("expected a list");
      }
    }
  }

  @Test
  void theMemoryBiasesWhichMotifsProposalsIntroduce() {
    MotifProposer p = proposer();
    Lineage lineage = seeded();
    Memory likesGates =
        new Memory(
            Map.of("gate:silu", new Memory.Stat("gate:silu", 10, 0, 10, 0.3, 0, 0, 0.3)), 3, 3);
    int neutral = 0;
    int biased = 0;
    for (int i = 0; i < 200; i++) {
      neutral +=
          introduces(
              p.propose(3, lineage, Memory.EMPTY, new SplittableRandom(i)), lineage, "gate:silu");
      biased +=
          introduces(
              p.propose(3, lineage, likesGates, new SplittableRandom(i)), lineage, "gate:silu");
    }
    assertThat(biased).as("neutral " + neutral).isGreaterThan(2 * neutral + 10);
  }

  private static int introduces(Candidate c, Lineage lineage, String motif) {
    Set<String> before =
        c.parents().isEmpty() ? Set.of() : lineage.get(c.parents().get(0)).orElseThrow().motifs();
    return Motifs.of(c.program()).contains(motif) && !before.contains(motif) ? 1 : 0;
  }
}
