package org.gyrus.nn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.DoubleBuffer;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.nn.kan.KanNet;
import org.gyrus.nn.kan.SkanFit;
import org.gyrus.nn.kan.SkanLayer;

/**
 * S-KAN space selection: for each candidate space, targets built from that space alone (3 × a
 * random single-space S-KAN [2,1] with 6 basis functions, teacher seed 100+s), 200 points in
 * [-1,1]²; a fresh S-KAN selects with {@link SkanFit#select}. Arguments: SEEDS STEPS.
 */
public final class SkanBench {
  private SkanBench() {}

  public static void main(String[] args) {
    int seeds = Integer.parseInt(args[0]);
    int steps = Integer.parseInt(args[1]);
    String layer = "[{_type: skan, units: 1, basis: 6}]";
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      for (int s = 0; s < SkanLayer.SPACES.size(); s++) {
        for (int seed = 0; seed < seeds; seed++) {
          long t0 = System.nanoTime();
          NDArray x = KanTutorial.data(m, p -> 0, 200, 2, new SplittableRandom(seed))[0];
          KanNet teacher = KanNet.of(SpecCodec.fromYaml(layer), 2, m, 100 + seed);
          double[] onehot = new double[SkanLayer.SPACES.size()];
          onehot[s] = 1;
          teacher.block().getParameters().values().stream()
              .filter(p -> p.getName().equals("choice"))
              .forEach(p -> p.getArray().set(DoubleBuffer.wrap(onehot)));
          NDArray y = teacher.forward(x).mul(3);
          KanNet net = KanNet.of(SpecCodec.fromYaml(layer), 2, m, seed);
          String[] chosen = SkanFit.select(net, x, y, steps, 0.03);
          double rel = net.rmse(x, y) / Math.sqrt(y.square().mean().getDouble());
          System.out.printf(
              Locale.ROOT,
              "space %s seed %d chosen %s rel_rmse %.3e seconds %.1f%n",
              SkanLayer.SPACES.get(s),
              seed,
              chosen[0],
              rel,
              (System.nanoTime() - t0) / 1e9);
        }
      }
    }
  }
}
