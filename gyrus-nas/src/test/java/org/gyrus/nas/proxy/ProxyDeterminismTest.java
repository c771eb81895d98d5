package org.gyrus.nas.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.gyrus.core.Space;
import org.gyrus.core.Value;
import org.gyrus.nas.Nb201Macro;
import org.gyrus.nas.Network;
import org.gyrus.search.bench.NasBench201;
import org.junit.jupiter.api.Test;

/**
 * Every registered proxy on a narrow NB201 macro network (probes inside cells, reductions and the
 * head): finite, the same for the same seed, and (where initial weights matter) different for
 * another seed.
 */
class ProxyDeterminismTest {
  @Test
  void everyProxyIsRegisteredFiniteAndDeterministicPerSeed() {
    assertThat(Proxies.names())
        .containsExactlyInAnyOrder(
            "fisher",
            "flops",
            "grad_norm",
            "grasp",
            "hidden_cov",
            "jacob_cov",
            "naswot",
            "params",
            "snip",
            "synflow",
            "zen");
    // the first cell with a 3x3 convolution from seeds 3, 4, ...
    Space space = new Space(NasBench201.space());
    long seed = 3;
    Value cell = space.materialise(space.sample(new SplittableRandom(seed)));
    while (!NasBench201.archString(cell).contains("conv_3x3")) {
      cell = space.materialise(space.sample(new SplittableRandom(++seed)));
    }
    assertEveryProxyFiniteAndDeterministic(cell);
  }

  @Test
  void everyProxyIsFiniteOnACellWithAnAllNoneNode() {
    Space space = new Space(NasBench201.space());
    Value cell = null;
    for (long seed = 0; cell == null; seed++) {
      Value c = space.materialise(space.sample(new SplittableRandom(seed)));
      if (NasBench201.archString(c)
          .equals(
              "|nor_conv_1x1~0|+|none~0|none~1|+|nor_conv_3x3~0|skip_connect~1|skip_connect~2|")) {
        cell = c;
      }
    }
    assertEveryProxyFiniteAndDeterministic(cell);
  }

  private static void assertEveryProxyFiniteAndDeterministic(Value cell) {
    Network net = Nb201Macro.of(cell, 4, 1);
    SplittableRandom rng = new SplittableRandom(1);
    int batch = 6;
    float[] x = new float[batch * 3 * 32 * 32];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextGaussian();
    }
    int[] y = {0, 1, 2, 3, 4, 5};
    ProxyInput a = new ProxyInput(net.spec(), new Shape(net.input()), 10, x, y, 1);
    for (String name : Proxies.names()) {
      Proxy p = Proxies.of(name);
      double first = p.score(a);
      assertThat(first).as(name).isFinite();
      assertThat(p.score(a)).as(name + " again").isEqualTo(first);
      if (!name.equals("params") && !name.equals("flops")) {
        assertThat(p.score(a.withSeed(2))).as(name + " other seed").isNotEqualTo(first);
      }
    }
  }
}
