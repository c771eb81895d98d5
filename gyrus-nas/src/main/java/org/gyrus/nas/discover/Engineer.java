package org.gyrus.nas.discover;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.data.Mqar;
import org.gyrus.nn.memory.MqarFit;

/**
 * Turns a candidate program into a score: repairs its shapes ({@link Repair}), compiles and
 * shape-checks it as a (T,D) → (T,D) token mixer, refuses it above the parameter budget, and trains
 * it with a fixed budget on MQAR (the issue-19 one-mixer model: embedding, x + mixer(x), layer
 * norm, dense head; fresh sequences every step); the score is recall accuracy on held-out
 * sequences. Every way this can go wrong ends in a {@link CandidateFailure}, never in the caller's
 * crash.
 */
public final class Engineer {
  /**
   * The training budget and task: what every candidate gets, identically. A candidate's score is
   * its mean accuracy over {@code trainSeeds} trainings from scratch: one seed is very noisy near
   * MQAR's phase transition, and a loop scored on one seed selects lucky seeds.
   */
  public record Budget(
      Mqar task,
      int dim,
      int steps,
      int batch,
      double lr,
      int evalSequences,
      long maxParams,
      int trainSeeds) {
    public Budget {
      if (trainSeeds < 1) {
        throw new IllegalArgumentException("trainSeeds must be at least 1, got " + trainSeeds);
      }
    }

    /** One training per candidate. */
    public Budget(
        Mqar task, int dim, int steps, int batch, double lr, int evalSequences, long maxParams) {
      this(task, dim, steps, batch, lr, evalSequences, maxParams, 1);
    }

    /** The same budget with another number of training steps. */
    public Budget withSteps(int newSteps) {
      return new Budget(task, dim, newSteps, batch, lr, evalSequences, maxParams, trainSeeds);
    }
  }

  /** A program the engineer accepted: the repaired program, its notes and its mixer size. */
  public record Checked(Value program, List<String> repairs, long mixerParams) {}

  /** What training gave. */
  public record Evaluation(
      Checked checked,
      double accuracy,
      long modelParams,
      double firstLoss,
      double lastLoss,
      double seconds) {}

  /** A candidate's score: the mean of its trainings, each one's accuracy, their total time. */
  public record Score(Evaluation first, double accuracy, List<Double> accuracies, double seconds) {}

  private final Budget budget;
  private final SpecCompiler compiler = SpecCompiler.standard();

  public Engineer(Budget budget) {
    this.budget = budget;
  }

  public Budget budget() {
    return budget;
  }

  /** The input of a mixer: (T, D) per example. */
  public Shape mixerInput() {
    return new Shape(budget.task().length(), budget.dim());
  }

  /** Repairs and checks a program; the failure names what does not fit and where. */
  public Checked check(Value program) throws CandidateFailure {
    Repair.Repaired r;
    Analysis a;
    try {
      r = new Repair(compiler).apply(program, mixerInput());
      a = compiler.analyse(r.program(), mixerInput(), "mixer");
    } catch (SpecError | ClassCastException | IllegalArgumentException e) {
      throw new CandidateFailure("compile", e.getMessage(), e);
    }
    if (!a.output().equals(mixerInput())) {
      throw new CandidateFailure(
          "compile", "the mixer must keep " + mixerInput() + ", gives " + a.output(), null);
    }
    if (a.params() > budget.maxParams()) {
      throw new CandidateFailure(
          "budget",
          "the mixer has " + a.params() + " parameters, over the budget of " + budget.maxParams(),
          null);
    }
    return new Checked(r.program(), r.notes(), a.params());
  }

  /** Parameters of a program's mixer at this budget's width (no repair). */
  public long mixerParams(Value program) {
    return compiler.analyse(program, mixerInput(), "mixer").params();
  }

  /**
   * Scores a checked program: {@link Budget#trainSeeds} trainings from scratch, the first with
   * {@code seed} itself (so one training per candidate is exactly {@link #train}), the others with
   * seeds split from it.
   */
  public Score score(Checked c, long seed) throws CandidateFailure {
    List<Double> accuracies = new ArrayList<>();
    Evaluation first = null;
    double seconds = 0;
    SplittableRandom seeds = new SplittableRandom(seed);
    for (int i = 0; i < budget.trainSeeds(); i++) {
      Evaluation ev = train(c, i == 0 ? seed : seeds.nextLong());
      first = first == null ? ev : first;
      accuracies.add(ev.accuracy());
      seconds += ev.seconds();
    }
    double mean = accuracies.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    return new Score(first, mean, List.copyOf(accuracies), seconds);
  }

  /** Trains a checked program from scratch with {@code seed}. */
  public Evaluation train(Checked c, long seed) throws CandidateFailure {
    int s = (int) (seed ^ (seed >>> 32));
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      MqarFit fit = new MqarFit(c.program(), budget.dim(), budget.task(), m, s);
      long t0 = System.nanoTime();
      double[] losses =
          fit.train(budget.steps(), budget.batch(), budget.lr(), new SplittableRandom(seed));
      double last = losses[losses.length - 1];
      if (!Double.isFinite(last)) {
        throw new CandidateFailure("train", "the loss diverged (" + last + ")", null);
      }
      double acc = fit.accuracy(budget.evalSequences(), new SplittableRandom(seed ^ 0x5DEECE66DL));
      double secs = (System.nanoTime() - t0) / 1e9;
      return new Evaluation(c, acc, fit.params(), losses[0], last, secs);
    } catch (CandidateFailure e) {
      throw e;
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      throw new CandidateFailure("train", e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
