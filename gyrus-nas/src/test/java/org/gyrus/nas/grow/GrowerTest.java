package org.gyrus.nas.grow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.Recipe;
import org.junit.jupiter.api.Test;

class GrowerTest {
  @Test
  void morphismsAreRegisteredComponentsWithCheckedArguments() {
    assertThat(Morphisms.registry().names())
        .contains("net2wider", "net2deeper", "widen_kernel", "insert_skip");
    assertThat(Morphisms.of(Node.of("net2wider", "factor", 2.0), "grow.actions[0]"))
        .isEqualTo(new Net2Wider(2.0, 0.0));
    assertThatThrownBy(() -> Morphisms.of(Node.of("net2deeper", "kernel", 4), "grow.actions[1]"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("grow.actions[1].kernel");
  }

  @Test
  void growsFromInheritedWeightsAndKeepsOnlyBetterChildren() {
    DataSplits full = Datasets.embeddedDemo(1);
    DataSplits data =
        new DataSplits(full.train().head(2000), full.validation().head(500), full.test().head(500));
    Value seed =
        Node.of(
            "model",
            "body",
            ListVal.of(Node.of("flatten"), Node.of("dense", "units", 8, "activation", "relu")));
    Recipe one = Recipe.from(Node.of("recipe", "epochs", 1, "seed", 1L, "batch_size", 64));
    NetIo.Trained s =
        NetIo.train(NetIo.init(seed, data.train().exampleShape(), 10, 1), one, data, p -> false);
    Grower g = new Grower(List.of(new Net2Wider(2, 0.1), new Net2Deeper("auto", 3)), 2.0);
    Grower.Result r =
        g.grow(
            s.net(),
            s.result().valAccuracy(),
            1,
            2,
            1,
            one,
            data,
            new SplittableRandom(1),
            x -> {});
    long kept = r.steps().stream().filter(Grower.Step::kept).count();
    assertThat(r.lineageEpochs()).isEqualTo(1 + kept);
    assertThat(r.totalEpochs()).isEqualTo(1 + r.steps().stream().filter(x -> !x.kept()).count());
    assertThat(r.val()).isGreaterThanOrEqualTo(s.result().valAccuracy());
    assertThat(NetIo.accuracy(r.net(), data.validation()))
        .isCloseTo(r.val(), org.assertj.core.data.Offset.offset(1e-9));
    double sum = 0;
    for (double p : g.policy()) {
      sum += p;
    }
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
  }
}
