package org.gyrus.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gyrus.core.SpecError;
import org.gyrus.nesy.nsr.ArithmeticPostfix;
import org.gyrus.nesy.nsr.NsrLearner;
import org.gyrus.nesy.nsr.Seq2Seq;
import org.gyrus.nesy.nsr.SeqData;
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

  @Option(names = "--model", defaultValue = "nsr", description = "nsr or seq2seq")
  String model;

  @Option(names = "--seeds", defaultValue = "0", split = ",", description = "seeds, e.g. 0,1,2")
  List<Long> seeds;

  @Option(names = "--max-arity", defaultValue = "3", description = "nsr: largest word arity")
  int maxArity;

  @Option(names = "--max-cost", defaultValue = "12", description = "nsr: largest program cost")
  int maxCost;

  @Option(
      names = "--abduction-length",
      defaultValue = "6",
      description = "nsr: longest input abduced from")
  int abductionLength;

  @Option(names = "--programs", description = "nsr: print the learned program of every word")
  boolean programs;

  @Option(names = "--hidden", defaultValue = "64", description = "seq2seq: LSTM width")
  int hidden;

  @Option(names = "--steps", defaultValue = "2000", description = "seq2seq: training steps")
  int steps;

  @Option(names = "--batch", defaultValue = "64", description = "seq2seq: batch size")
  int batch;

  @Option(names = "--lr", defaultValue = "0.003", description = "seq2seq: Adam rate")
  double lr;

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
    if (!model.equals("nsr") && !model.equals("seq2seq")) {
      throw new SpecError("--model", "nsr or seq2seq", "'" + model + "'");
    }
    List<SeqPair> train =
        inOut != null
            ? SeqData.readInOut(inOut.train)
            : SeqData.readAligned(aligned.trainSrc, aligned.trainTgt);
    List<SeqPair> test =
        inOut != null
            ? SeqData.readInOut(inOut.test)
            : SeqData.readAligned(aligned.testSrc, aligned.testTgt);
    for (long seed : seeds) {
      if (model.equals("nsr")) {
        runNsr(train, test, seed);
      } else {
        runSeq2Seq(train, test, seed);
      }
    }
    return 0;
  }

  private void runNsr(List<SeqPair> train, List<SeqPair> test, long seed) {
    NsrLearner.Config cfg =
        new NsrLearner.Config(
            maxArity, maxCost, abductionLength, NsrLearner.Config.defaults().passes());
    long t0 = System.nanoTime();
    long c0 = cpu();
    NsrLearner l = new NsrLearner(cfg);
    NsrLearner.TrainReport r = l.train(train, seed);
    double trainWall = (System.nanoTime() - t0) / 1e9;
    double trainCpu = (cpu() - c0) / 1e9;
    int right = 0;
    List<String> wrong = new ArrayList<>();
    for (SeqPair p : test) {
      List<String> got = l.predict(p.input());
      if (got.equals(p.output())) {
        right++;
      } else if (wrong.size() < errors) {
        wrong.add(
            String.join(" ", p.input())
                + "  parse "
                + l.parse(p.input())
                + "  got "
                + String.join(" ", got));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "nsr seed %d: train explained %d/%d (abductions %d, revisions %d, passes %d) test exact"
            + " %d/%d = %.4f | train wall %.2f s cpu %.2f s | total wall %.2f s cpu %.2f s%n",
        seed,
        r.explained(),
        r.examples(),
        r.abductions(),
        r.revisions(),
        r.passes(),
        right,
        test.size(),
        right / (double) test.size(),
        trainWall,
        trainCpu,
        (System.nanoTime() - t0) / 1e9,
        (cpu() - c0) / 1e9);
    if (programs) {
      l.programs().forEach((w, p) -> System.out.println("  " + w + ": " + p));
    }
    wrong.forEach(w -> System.out.println("  wrong: " + w));
  }

  private void runSeq2Seq(List<SeqPair> train, List<SeqPair> test, long seed) {
    long t0 = System.nanoTime();
    long c0 = cpu();
    try (Seq2Seq s = new Seq2Seq(new Seq2Seq.Config(hidden, steps, batch, lr, seed))) {
      double loss = s.train(train);
      double trainWall = (System.nanoTime() - t0) / 1e9;
      double trainCpu = (cpu() - c0) / 1e9;
      double acc = s.accuracy(test);
      System.out.printf(
          Locale.ROOT,
          "seq2seq seed %d: hidden %d steps %d batch %d lr %s final loss %.4f test exact %d/%d ="
              + " %.4f | train wall %.2f s cpu %.2f s | total wall %.2f s cpu %.2f s%n",
          seed,
          hidden,
          steps,
          batch,
          lr,
          loss,
          Math.round(acc * test.size()),
          test.size(),
          acc,
          trainWall,
          trainCpu,
          (System.nanoTime() - t0) / 1e9,
          (cpu() - c0) / 1e9);
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
