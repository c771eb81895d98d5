package org.gyrus.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Registry;
import org.gyrus.nesy.nsr.ArithmeticPostfix;
import org.gyrus.nesy.nsr.SeqData;
import org.gyrus.nesy.nsr.SeqLearner;
import org.gyrus.nesy.nsr.SeqPair;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gyrus nsr}: sequence-to-sequence learning of compositional data (SCAN and the like) with
 * the neural-symbolic recursive machine, or the LSTM encoder–decoder baseline.
 */
@Command(
    name = "nsr",
    mixinStandardHelpOptions = true,
    description =
        "Train on (input, output) token sequences and print exact-match accuracy on a test set."
            + " Files are SCAN's 'IN: ... OUT: ...' lines (--train/--test) or line-aligned"
            + " source/target files (--train-src/--train-tgt/--test-src/--test-tgt).")
public final class NsrCommand implements Callable<Integer> {
  @ArgGroup(exclusive = false)
  InOut inOut;

  @ArgGroup(exclusive = false)
  Aligned aligned;

  static final class InOut {
    @Option(names = "--train", required = true, description = "training file, IN:/OUT: lines")
    Path train;

    @Option(names = "--test", required = true, description = "test file, IN:/OUT: lines")
    Path test;
  }

  static final class Aligned {
    @Option(names = "--train-src", required = true, description = "training inputs, one a line")
    Path trainSrc;

    @Option(names = "--train-tgt", required = true, description = "training outputs, aligned")
    Path trainTgt;

    @Option(names = "--test-src", required = true, description = "test inputs, one a line")
    Path testSrc;

    @Option(names = "--test-tgt", required = true, description = "test outputs, aligned")
    Path testTgt;
  }

  @Option(
      names = "--model",
      defaultValue = "nsr",
      description = "a registered sequence learner (gyrus types): nsr or seq2seq")
  String model;

  @Option(names = "--seeds", defaultValue = "0", split = ",", description = "seeds, e.g. 0,1,2")
  List<Long> seeds;

  @Option(names = "--max-arity", description = "nsr: largest word arity (3)")
  Integer maxArity;

  @Option(names = "--max-cost", description = "nsr: largest program cost (12)")
  Integer maxCost;

  @Option(names = "--abduction-length", description = "nsr: longest input abduced from (6)")
  Integer abductionLength;

  @Option(names = "--programs", description = "nsr: print the learned program of every word")
  boolean programs;

  @Option(names = "--hidden", description = "seq2seq: LSTM width (64)")
  Integer hidden;

  @Option(names = "--steps", description = "seq2seq: training steps (2000)")
  Integer steps;

  @Option(names = "--batch", description = "seq2seq: batch size (64)")
  Integer batch;

  @Option(names = "--lr", description = "seq2seq: Adam rate (0.003)")
  Double lr;

  @Option(names = "--errors", defaultValue = "0", description = "print up to N wrong test answers")
  int errors;

  @Option(
      names = "--make-arith",
      description =
          "write the arithmetic-to-postfix data set (train ≤2 operators, test 3-4) to this"
              + " directory and exit")
  Path makeArith;

  @Option(names = "--arith-seed", defaultValue = "0", description = "seed of --make-arith")
  long arithSeed;

  @Override
  public Integer call() throws Exception {
    if (makeArith != null) {
      ArithmeticPostfix.write(makeArith, arithSeed, 2000, 1000, 2, 4);
      System.out.println("wrote " + makeArith + "/{train,test}.{src,tgt}");
      return 0;
    }
    if ((inOut == null) == (aligned == null)) {
      throw new SpecError(
          "", "give --train/--test or --train-src/--train-tgt/--test-src/--test-tgt");
    }
    Registry.Resolved<SeqLearner.Factory> learner =
        SeqLearner.Factory.registry().resolve(spec(), "--model");
    List<SeqPair> train =
        inOut != null
            ? SeqData.readInOut(inOut.train)
            : SeqData.readAligned(aligned.trainSrc, aligned.trainTgt);
    List<SeqPair> test =
        inOut != null
            ? SeqData.readInOut(inOut.test)
            : SeqData.readAligned(aligned.testSrc, aligned.testTgt);
    for (long seed : seeds) {
      run(learner, train, test, seed);
    }
    return 0;
  }

  /** The learner's spec from the flags given; its factory declares defaults and ranges once. */
  Value.Node spec() {
    Map<String, Value> args = new LinkedHashMap<>();
    put(args, "max_arity", maxArity);
    put(args, "max_cost", maxCost);
    put(args, "abduction_length", abductionLength);
    put(args, "hidden", hidden);
    put(args, "steps", steps);
    put(args, "batch", batch);
    if (lr != null) {
      args.put("lr", new Value.FloatVal(lr));
    }
    return new Value.Node(model, args);
  }

  private static void put(Map<String, Value> args, String name, Integer v) {
    if (v != null) {
      args.put(name, new Value.IntVal(v));
    }
  }

  private void run(
      Registry.Resolved<SeqLearner.Factory> learner,
      List<SeqPair> train,
      List<SeqPair> test,
      long seed) {
    long t0 = System.nanoTime();
    long c0 = cpu();
    try (SeqLearner l = learner.component().create(learner.args(), seed)) {
      String summary = l.learn(train);
      double trainWall = (System.nanoTime() - t0) / 1e9;
      double trainCpu = (cpu() - c0) / 1e9;
      double acc = l.accuracy(test);
      System.out.printf(
          Locale.ROOT,
          "%s seed %d: %s test exact %d/%d = %.4f | train wall %.2f s cpu %.2f s | total wall"
              + " %.2f s cpu %.2f s%n",
          model,
          seed,
          summary,
          Math.round(acc * test.size()),
          test.size(),
          acc,
          trainWall,
          trainCpu,
          (System.nanoTime() - t0) / 1e9,
          (cpu() - c0) / 1e9);
      if (programs) {
        l.programs().forEach((w, p) -> System.out.println("  " + w + ": " + p));
      }
      int shown = 0;
      for (SeqPair p : test) {
        if (shown >= errors) {
          break;
        }
        List<String> got = l.predict(p.input());
        if (!got.equals(p.output())) {
          shown++;
          System.out.println(
              "  wrong: "
                  + String.join(" ", p.input())
                  + "  parse "
                  + l.parse(p.input())
                  + "  got "
                  + String.join(" ", got));
        }
      }
    }
  }

  /** Process CPU time (all threads, native included), ns. */
  private static long cpu() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
        : 0;
  }
}
