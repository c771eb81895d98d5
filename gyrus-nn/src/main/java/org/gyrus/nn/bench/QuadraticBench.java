package org.gyrus.nn.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainAndEvaluate;
import org.gyrus.nn.train.TrainResult;

/**
 * B4 on Fashion-MNIST (scaled down): a 3-hidden-layer network of width W built from quadratic
 * neurons with ReLinear (W_g=0, b_g=1, W_b=0, c=0, quadratic terms at lr×ALPHA), from quadratic
 * neurons with random initialisation of every term at one rate, and from ordinary (linear) neurons.
 * Adam at a given rate; per seed and variant prints the per-epoch training losses, whether the run
 * diverged (a non-finite loss, an epoch loss above twice the first epoch's, or a final loss above
 * ln 10 = chance) and the test accuracy. ALPHA defaults to 1e-4, the ratio in Fan et al.'s code
 * (quadratic terms at 1e-5 beside 0.1 for the linear ones). Arguments: DATA_DIR TRAIN_SIZE EPOCHS
 * SEEDS WIDTH LR [ALPHA].
 */
public final class QuadraticBench {
  private QuadraticBench() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int trainSize = Integer.parseInt(args[1]);
    int epochs = Integer.parseInt(args[2]);
    int seeds = Integer.parseInt(args[3]);
    int width = Integer.parseInt(args[4]);
    double lr = Double.parseDouble(args[5]);
    String alpha = args.length > 6 ? args[6] : "1e-4";
    DataSplits full = Datasets.idx(dir, "fashion-mnist", 1.0 / 12, 0);
    Dataset train = full.train().head(trainSize);
    DataSplits data = new DataSplits(train, full.validation().head(2000), full.test());
    String[][] variants = {
      {"relinear", "{_type: quadratic, units: W, activation: relu, relinear: true}", alpha},
      {"random_init", "{_type: quadratic, units: W, activation: relu, relinear: false}", "1.0"},
      {"linear", "{_type: dense, units: W, activation: relu}", "1.0"},
    };
    for (String[] v : variants) {
      String layer = v[1].replace("W", Integer.toString(width));
      Value spec =
          SpecCodec.fromYaml("[{_type: flatten}, " + layer + ", " + layer + ", " + layer + "]");
      for (int seed = 0; seed < seeds; seed++) {
        Recipe r =
            Recipe.defaults()
                .with(
                    "lr",
                    lr,
                    "epochs",
                    (long) epochs,
                    "seed",
                    (long) seed,
                    "batch_size",
                    128L,
                    "quad_lr_scale",
                    Double.parseDouble(v[2]));
        List<String> losses = new ArrayList<>();
        double[] firstAndWorst = {Double.NaN, 0};
        TrainResult res =
            TrainAndEvaluate.run(
                spec,
                r,
                data,
                e -> {
                  losses.add(String.format(Locale.ROOT, "%.4f", e.trainLoss()));
                  if (Double.isNaN(firstAndWorst[0])) {
                    firstAndWorst[0] = e.trainLoss();
                  }
                  firstAndWorst[1] =
                      Double.isFinite(e.trainLoss())
                          ? Math.max(firstAndWorst[1], e.trainLoss())
                          : Double.POSITIVE_INFINITY;
                  return true;
                },
                new ProgressBar("quadratic", false));
        boolean diverged =
            !Double.isFinite(res.finalTrainLoss())
                || res.finalTrainLoss() > Math.log(10)
                || firstAndWorst[1] > 2 * firstAndWorst[0];
        System.out.printf(
            Locale.ROOT,
            "variant %s seed %d quad_lr_scale %s params %d test_acc %.4f diverged %b seconds %.1f losses %s%n",
            v[0],
            seed,
            v[2],
            res.params(),
            res.testAccuracy(),
            diverged,
            res.trainSeconds(),
            String.join(",", losses));
      }
    }
  }
}
