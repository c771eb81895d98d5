package org.gyrus.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gyrus.agents.game.GameConfig;
import org.gyrus.agents.game.GameGrid;
import org.gyrus.agents.game.GameTraining;
import org.gyrus.agents.library.Curriculum;
import org.gyrus.agents.library.Decision;
import org.gyrus.agents.library.EnumeratingProposer;
import org.gyrus.agents.library.ModuleLibrary;
import org.gyrus.core.DataDir;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Agents: the referential game (emergent symbols) and the test-gated module library. */
@Command(
    name = "agents",
    mixinStandardHelpOptions = true,
    description =
        "Referential game with a VQ bottleneck; a module library grown over a curriculum.",
    subcommands = {
      AgentsCommand.Game.class,
      AgentsCommand.Library.class,
      GoalsCommand.class,
      HouseholdCommand.class
    })
public final class AgentsCommand implements Runnable {
  @Override
  public void run() {
    System.err.println(
        "error: name a subcommand: game, library, goals or household (see gyrus agents --help)");
  }

  @Command(
      name = "game",
      mixinStandardHelpOptions = true,
      description =
          "Train a speaker/listener pair on MNIST or Fashion-MNIST; print held-out success, codebook"
              + " usage and topographic similarity.")
  static final class Game implements Callable<Integer> {
    @Option(names = "--dataset", defaultValue = "mnist", description = "mnist or fashion-mnist")
    String dataset;

    @Option(names = "--data", description = "data directory (default $GYRUS_DATA)")
    Path data;

    @Option(names = "--length", defaultValue = "2", description = "message length L")
    int length;

    @Option(names = "--vocab", defaultValue = "16", description = "codebook size K")
    int vocab;

    @Option(names = "--distractors", defaultValue = "3")
    int distractors;

    @Option(names = "--steps", defaultValue = "1500")
    int steps;

    @Option(names = "--train", defaultValue = "10000", description = "training images used")
    int train;

    @Option(names = "--test", defaultValue = "1000", description = "held-out images used")
    int test;

    @Option(
        names = "--speaker",
        description = "speaker body spec (YAML), e.g. '[{_type: flatten}]'")
    String speaker;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Override
    public Integer call() {
      if (!List.of("mnist", "fashion-mnist").contains(dataset)) {
        throw new SpecError("--dataset", "mnist or fashion-mnist", dataset);
      }
      if (train < distractors + 1 || test < distractors + 1) {
        throw new SpecError(
            "--train/--test", "at least distractors + 1 images", train + "/" + test);
      }
      GameConfig cfg;
      try {
        cfg = GameConfig.of(length, vocab, distractors, steps, seed);
        if (speaker != null) {
          Value spec = SpecCodec.fromYaml(speaker);
          cfg =
              new GameConfig(
                  cfg.length(),
                  cfg.vocab(),
                  cfg.codeDim(),
                  cfg.distractors(),
                  cfg.embed(),
                  spec,
                  cfg.listenerImage(),
                  cfg.listenerMessage(),
                  cfg.steps(),
                  cfg.batch(),
                  cfg.lr(),
                  cfg.beta(),
                  cfg.restartEvery(),
                  cfg.seed());
        }
      } catch (IllegalArgumentException e) {
        throw new SpecError("agents game", e.getMessage().replaceFirst("^game: ", ""));
      }
      DataSplits s = Datasets.idx(DataDir.resolve(data), dataset, 0.0, seed);
      Dataset tr = s.train().head(Math.min(train, s.train().size()));
      int n = Math.min(test, s.test().size());
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) {
        idx[i] = (int) ((long) i * s.test().size() / n);
      }
      Dataset te = s.test().subset(idx, dataset + "/test-subset");
      GameTraining.Report r =
          GameTraining.run(cfg, tr, te, new GameTraining.Eval(2000, 400), System.err);
      System.out.printf(
          Locale.ROOT,
          "test success %.4f (chance %.2f)  perplexity %.2f of K=%d  codes used %.2f  topsim class"
              + " %.3f pixel %.3f  %.1f s%n",
          r.testSuccess(),
          r.chance(),
          r.usage().perplexity(),
          vocab,
          r.usage().usedFraction(),
          r.topsimClass(),
          r.topsimPixel(),
          r.seconds());
      System.out.println(GameGrid.json(dataset, r, tr.size(), te.size()));
      return 0;
    }
  }

  @Command(
      name = "library",
      mixinStandardHelpOptions = true,
      description =
          "Grow a Datalog module library over the family curriculum; print each task's outcome.")
  static final class Library implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--base-only", description = "the proposer calls base relations only")
    boolean baseOnly;

    @Override
    public Integer call() {
      Curriculum c =
          new Curriculum(
              new ModuleLibrary(Curriculum.familyBase()), new EnumeratingProposer(!baseOnly), 10);
      for (Curriculum.Step s : c.run(Curriculum.family(seed))) {
        System.out.printf(
            Locale.ROOT,
            "%-18s %-22s %s%n",
            s.task(),
            s.outcome(),
            s.module() == null ? "" : String.join(" ", s.module().rules()));
        for (Decision.Refused r : s.refusals()) {
          System.out.println(
              "    refused: "
                  + String.join(" ", r.module().rules())
                  + "  ("
                  + (r.failing() == null ? r.reason() : r.failing().describe())
                  + ")");
        }
      }
      System.out.printf(
          "library: %d active, %d retired, %d refused%n",
          c.library().active().size(), c.library().retired().size(), c.library().refused().size());
      return 0;
    }
  }
}
