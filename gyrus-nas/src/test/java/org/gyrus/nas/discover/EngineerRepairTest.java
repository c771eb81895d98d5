package org.gyrus.nas.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.data.Mqar;
import org.gyrus.nn.memory.MqarFit;
import org.junit.jupiter.api.Test;

/** The engineer repairs shape mismatches it can, and refuses the rest with the path and stage. */
class EngineerRepairTest {
  static final int D = 16;
  static final Mqar TASK = new Mqar(32, 16, 2);
  final Engineer engineer = new Engineer(new Engineer.Budget(TASK, D, 5, 4, 3e-3, 8, 100_000));
  final SpecCompiler compiler = SpecCompiler.standard();

  @Test
  void aCandidatesScoreIsTheMeanOfItsTrainingsTheFirstWithTheTrialSeed() throws Exception {
    Engineer three = new Engineer(new Engineer.Budget(TASK, D, 5, 4, 3e-3, 8, 100_000, 3));
    Engineer.Checked c = three.check(Node.of("recall_attention", "kernel", "softmax"));
    Engineer.Score score = three.score(c, 42);
    assertThat(score.accuracies()).hasSize(3);
    assertThat(score.accuracy())
        .isCloseTo(
            score.accuracies().stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
            within(1e-12));
    // one training per candidate is exactly the old single training: studies stay reproducible
    assertThat(score.first().accuracy()).isEqualTo(engineer.train(c, 42).accuracy());
    assertThat(engineer.score(c, 42).accuracies()).containsExactly(score.accuracies().get(0));
    assertThat(three.score(c, 42).accuracies()).isEqualTo(score.accuracies());
    assertThat(new java.util.HashSet<>(score.accuracies())).hasSizeGreaterThan(1);
    assertThatThrownBy(() -> new Engineer.Budget(TASK, D, 5, 4, 3e-3, 8, 100_000, 0))
        .hasMessageContaining("trainSeeds");
  }

  @Test
  void aResidualBodyOfTheWrongWidthGetsAnAdapterAndThenTrains() throws Exception {
    Value wide =
        Node.of("residual", "body", Node.of("dense", "units", 2 * D, "activation", "silu"));
    assertThatThrownBy(() -> compiler.analyse(wide, engineer.mixerInput(), "mixer"))
        .isInstanceOf(SpecError.class);
    Engineer.Checked c = engineer.check(wide);
    assertThat(c.repairs()).containsExactly("mixer.body: adapter dense 32 → 16");
    assertThat(compiler.analyse(c.program(), engineer.mixerInput(), "mixer").output())
        .isEqualTo(engineer.mixerInput());
    assertThat(c.mixerParams()).isEqualTo((D * 2 * D + 2 * D) + (2 * D * D + D));
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      MqarFit fit = new MqarFit(c.program(), D, TASK, m, 0);
      double[] losses = fit.train(3, 4, 3e-3, new SplittableRandom(0));
      assertThat(java.util.Arrays.stream(losses).allMatch(Double::isFinite)).isTrue();
    }
  }

  @Test
  void aGateBranchHeadsAndTheOutputWidthAreRepaired() throws Exception {
    Value program =
        ListVal.of(
            Node.of(
                "gate",
                "value",
                Node.of("causal_conv", "kernel", 3),
                "gate",
                Node.of("dense", "units", D / 2),
                "activation",
                "silu"),
            Node.of("recall_attention", "kernel", "linear", "heads", 3),
            Node.of("dense", "units", 3 * D));
    Engineer.Checked c = engineer.check(program);
    assertThat(c.repairs())
        .containsExactly(
            "mixer[0].gate: adapter dense 8 → 16",
            "mixer[1]: heads 3 do not divide width 16, set to 2",
            "mixer (output): adapter dense 48 → 16");
    assertThat(compiler.analyse(c.program(), engineer.mixerInput(), "mixer").output())
        .isEqualTo(engineer.mixerInput());
  }

  @Test
  void aProgramThatFitsIsLeftAsItIs() throws Exception {
    Value seed = Grammar.seed("gated_conv", D);
    Engineer.Checked c = engineer.check(seed);
    assertThat(c.repairs()).isEmpty();
    assertThat(c.program()).isEqualTo(seed);
  }

  @Test
  void whatCannotBeRepairedIsAFailureNamingStageAndPath() {
    Value rank = Node.of("residual", "body", Node.of("conv2d", "filters", 4));
    assertThatThrownBy(() -> engineer.check(rank))
        .isInstanceOf(CandidateFailure.class)
        .hasMessageStartingWith("compile: ")
        .hasMessageContaining("mixer.body");
    Value unknown = Node.of("no_such_block");
    assertThatThrownBy(() -> engineer.check(unknown)).hasMessageContaining("no_such_block");
    Engineer small = new Engineer(new Engineer.Budget(TASK, D, 5, 4, 3e-3, 8, 1000));
    assertThatThrownBy(() -> small.check(Grammar.seed("softmax", D)))
        .isInstanceOf(CandidateFailure.class)
        .hasMessageStartingWith("budget: the mixer has 1856 parameters");
  }
}
