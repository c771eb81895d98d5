package org.gyrus.nn.kan;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.DoubleBuffer;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.nn.bench.KanTutorial;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** S-KAN picks the space a target function was built from. */
class SkanTest {
  private static final String LAYER = "[{_type: skan, units: 1, basis: 6}]";

  @ParameterizedTest
  @ValueSource(strings = {"fourier", "chebyshev"})
  void selection_finds_the_generating_space(String space) {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray x = KanTutorial.data(m, p -> 0, 150, 2, new SplittableRandom(0))[0];
      NDArray y = teacher(m, x, SkanLayer.SPACES.indexOf(space));
      KanNet net = KanNet.of(SpecCodec.fromYaml(LAYER), 2, m, 0);
      String[] chosen = SkanFit.select(net, x, y, 100, 0.03);
      assertThat(chosen).containsExactly(space);
      double scale = Math.sqrt(y.square().mean().getDouble());
      assertThat(net.rmse(x, y) / scale).isLessThan(0.1);
    }
  }

  /** 3 × a random S-KAN output restricted to one space: a function built from that space. */
  static NDArray teacher(NDManager m, NDArray x, int space) {
    KanNet t = KanNet.of(SpecCodec.fromYaml(LAYER), 2, m, 100);
    SkanLayer l = SkanFit.find(t.block());
    double[] onehot = new double[SkanLayer.SPACES.size()];
    onehot[space] = 1;
    l.choice.getArray().set(DoubleBuffer.wrap(onehot));
    return t.forward(x).mul(3);
  }
}
