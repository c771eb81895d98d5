package org.gyrus.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nesy.AdditionData;
import org.gyrus.nesy.DigitNet;
import org.gyrus.nesy.MnistAddition;
import org.gyrus.nesy.pinesy.PiNesyBench;
import org.gyrus.nn.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Neuro-symbolic tasks: neural predicates trained through compiled circuits, and Π-NeSy. */
@Command(
    name = "nesy",
    mixinStandardHelpOptions = true,
    description = "Neuro-symbolic learning: MNIST-addition, Pi-NeSy.",
    subcommands = {NesyCommand.MnistAdd.class})
public final class NesyCommand implements Runnable {
  @Override
  public void run() {
    System.out.println(
        "usage: gyrus nesy mnist-add --digits N [--epochs E] [--seed S] [--net SPEC.yaml]"
            + " [--schedule cosine] [--shift PX] [--data DIR]");
  }

  static Path dataDir(Path given) {
    if (given != null) {
      return given;
    }
    String env = System.getenv("GYRUS_DATA");
    return Path.of(env != null ? env : "../shared/data");
  }

  @Command(
      name = "mnist-add",
      mixinStandardHelpOptions = true,
      description =
          "Train a digit network from sums of N-digit MNIST numbers; print test sum accuracy.")
  static final class MnistAdd implements Callable<Integer> {
    @Option(names = "--digits", defaultValue = "1", description = "N, digits per number, 1 or more")
    int digits;

    @Option(names = "--epochs", defaultValue = "1", description = "epochs, 1 or more")
    int epochs;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--batch", defaultValue = "32", description = "sums per batch, 1 or more")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3")
    float lr;

    @Option(
        names = "--semantics",
        defaultValue = "carry",
        description = "carry (exact, any N), exact or topk:K (grounded DNF, N <= 2)")
    String semantics;

    @Option(
        names = "--train-limit",
        defaultValue = "0",
        description = "use only this many training sums, 0 or more (0: all)")
    int trainLimit;

    @Option(
        names = "--max-seconds",
        defaultValue = "0",
        description = "stop training after this many seconds, 0 or more (0: none)")
    double maxSeconds;

    @Option(
        names = "--net",
        description =
            "digit network: a model spec file (YAML/JSON) over 1x28x28 images (default: LeNet)")
    Path net;

    @Option(
        names = "--schedule",
        defaultValue = "constant",
        description = "learning-rate schedule: constant or cosine")
    String schedule;

    @Option(
        names = "--shift",
        defaultValue = "0",
        description = "augment: translate training images by up to this many pixels, 0..8")
    int shift;

    @Option(
        names = "--ema",
        defaultValue = "0",
        description =
            "evaluate an exponential moving average of the weights with this decay, in [0, 1)"
                + " (Polyak averaging; 0: off, the last weights)")
    double ema;

    @Option(names = "--data", description = "data root holding mnist/ (default $GYRUS_DATA)")
    Path data;

    @Option(
        names = "--pinesy",
        description =
            "after training, evaluate Pi-NeSy on addition N=1 and 4x4 MNIST-Sudoku with this network")
    boolean pinesy;

    @Option(names = "--json", description = "append the result as one JSON line to this file")
    Path json;

    /** The --net spec, shape-checked on 1×28×28 images now, with errors naming the file. */
    static Value readNet(Path file) {
      if (file == null) {
        return null;
      }
      Value spec = SpecCodec.read(file);
      try {
        DigitNet.fromSpec(spec, 10);
      } catch (SpecError e) {
        throw new SpecError(file.toString(), e.getMessage());
      }
      return spec;
    }

    @Override
    public Integer call() throws Exception {
      Flags.inRange("--train-limit", trainLimit, 0, Integer.MAX_VALUE);
      Flags.inRange("--max-seconds", maxSeconds, 0, 1e7, false);
      MnistAddition.Config cfg =
          new MnistAddition.Config(
              digits,
              epochs,
              seed,
              batch,
              lr,
              semantics,
              trainLimit,
              maxSeconds,
              readNet(net),
              schedule,
              shift,
              ema);
      Path dir = AdditionData.mnistDir(dataDir(data));
      Dataset train = AdditionData.mnist(dir, "train");
      Dataset test = AdditionData.mnist(dir, "t10k");
      StringBuilder extra = new StringBuilder();
      MnistAddition.Result r =
          MnistAddition.run(
              cfg,
              train,
              test,
              System.err,
              pinesy
                  ? (trainer, nm) ->
                      extra.append(PiNesyBench.run(trainer, train, test, seed, System.err))
                  : null);
      System.out.printf(
          Locale.ROOT,
          "mnist-add N=%d seed=%d: test sum accuracy %.4f (%d sums), digit accuracy %.4f, train %.1f s (%.1f s CPU), %d epochs, %d restarts, %d relabels%n",
          r.digits(),
          r.seed(),
          r.sumAccuracy(),
          r.testSums(),
          r.digitAccuracy(),
          r.trainSeconds(),
          r.trainCpuSeconds(),
          r.epochsRun(),
          r.restarts(),
          r.relabels());
      String line =
          String.format(
              Locale.ROOT,
              "{\"digits\": %d, \"seed\": %d, \"semantics\": \"%s\", \"net\": \"%s\", \"schedule\": \"%s\", \"shift\": %d, \"ema\": %s, \"epochs\": %d, \"batch\": %d, \"train_sums\": %d,"
                  + " \"test_sums\": %d, \"sum_accuracy\": %.5f, \"digit_accuracy\": %.5f, \"train_seconds\": %.1f, \"train_cpu_seconds\": %.1f, \"restarts\": %d, \"relabels\": %d%s}",
              r.digits(),
              r.seed(),
              semantics,
              net == null ? "lenet" : net.getFileName(),
              schedule,
              shift,
              ema,
              r.epochsRun(),
              batch,
              r.trainSums(),
              r.testSums(),
              r.sumAccuracy(),
              r.digitAccuracy(),
              r.trainSeconds(),
              r.trainCpuSeconds(),
              r.restarts(),
              r.relabels(),
              (ema > 0
                      ? String.format(
                          Locale.ROOT, ", \"digit_accuracy_live\": %.5f", r.liveDigitAccuracy())
                      : "")
                  + extra);
      if (pinesy) {
        System.out.println(line);
      }
      if (json != null) {
        Files.writeString(
            json,
            line + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      return 0;
    }
  }
}
