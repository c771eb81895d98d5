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
    Space space = new Space(NasBench201.space());
    Value cell = space.materialise(space.sample(new SplittableRandom(3)));
    while (!NasBench201.archString(cell).contains("conv_3x3")) {
      cell = space.materialise(space.sample(new SplittableRandom(cell.hashCode())));
    }
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
