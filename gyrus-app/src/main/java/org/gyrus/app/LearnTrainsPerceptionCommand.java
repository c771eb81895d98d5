package org.gyrus.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gyrus.core.DataDir;
import org.gyrus.core.SpecError;
import org.gyrus.nesy.trains.PerceptionPipeline;
import org.gyrus.nesy.trains.PerceptionRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyrus learn-trains-perception RULE}: Michalski trains from raw car encodings. */
@Command(
    name = "learn-trains-perception",
    mixinStandardHelpOptions = true,
    description =
        "Learn a Michalski-train rule from raw, noisy car encodings instead of symbols: a"
            + " perception MLP (pre-trained on a few labelled cars) feeds the rule learner; the"
            + " learned program is compiled to a circuit over the neural facts and the MLP is"
            + " trained end to end from the train labels through it. Compared with the symbolic"
            + " learner on gold symbols and a DeepSets net. RULE names"
            + " $GYRUS_DATA/michalski-trains/example_rules/RULE_rule.pl. Prints one JSON line per"
            + " seed.")
public final class LearnTrainsPerceptionCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RULE", description = "e.g. theoryx, easy, color")
  String rule;

  @Option(
      names = "--data",
      description = "data directory (default $GYRUS_DATA, else ~/.gyrus/data)")
  Path data;

  @Option(names = "--seeds", split = ",", defaultValue = "1", description = "default: 1")
  List<Long> seeds;

  @Option(names = "--labelled", defaultValue = "50", description = "labelled cars (default 50)")
  int labelled;

  @Option(names = "--sigma", defaultValue = "0.2", description = "encoding noise (default 0.2)")
  double sigma;

  @Option(names = "--rounds", defaultValue = "2", description = "learn + end-to-end rounds")
  int rounds;

  @Option(
      names = "--timeout",
      defaultValue = "120",
      description = "seconds per learner call (default 120)")
  double timeout;

  @Option(names = "--test", defaultValue = "10000", description = "test trains (default 10000)")
  int test;

  @Option(names = "--out", description = "JSONL file: seeds already there are skipped")
  Path out;

  @Override
  public Integer call() throws Exception {
    Flags.inRange("--labelled", labelled, 1, 100_000);
    Flags.inRange("--sigma", sigma, 0, 10, false);
    Flags.inRange("--rounds", rounds, 1, 20);
    Flags.inRange("--timeout", timeout, 0, 86_400, true);
    Flags.inRange("--test", test, 2, 1_000_000);
    Path dir = DataDir.resolve(data);
    Path file = dir.resolve("michalski-trains/example_rules/" + rule + "_rule.pl");
    if (!Files.isRegularFile(file)) {
      throw new SpecError(file.toString(), "a rule file (RULE_rule.pl)", "nothing there");
    }
    PerceptionPipeline.Config d = PerceptionPipeline.Config.defaults();
    PerceptionPipeline.Config cfg =
        new PerceptionPipeline.Config(
            labelled,
            sigma,
            d.width(),
            d.pretrainEpochs(),
            d.e2eEpochs(),
            d.lr(),
            d.supervisedWeight(),
            timeout,
            rounds,
            test);
    Path work = Files.createTempDirectory("gyrus-trains-perception");
    PerceptionRun.runAll(dir, work, out, rule, seeds, cfg).forEach(System.out::println);
    return 0;
  }
}
