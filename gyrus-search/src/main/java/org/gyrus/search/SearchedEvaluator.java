package org.gyrus.search;

import java.nio.file.Path;
import java.util.Optional;
import org.gyrus.core.Args;
import org.gyrus.core.Dna;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Registry;

/**
 * Runs each trial with the evaluator its own point configures, for experiments whose {@code
 * evaluator} holds hyper-values (a searched learning rate, optimiser, augmentation...). The trial's
 * concrete evaluator spec is recorded as its attribute {@value #ATTR}. A factory that {@link
 * EvaluatorFactory#readsTrialArgs() reads trial arguments} builds one evaluator that is handed each
 * trial's arguments; any other is rebuilt when the arguments change.
 */
final class SearchedEvaluator implements Evaluator {
  /** The trial attribute holding the concrete evaluator spec the trial ran with. */
  static final String ATTR = "evaluator";

  private final Space space;
  private final EvaluatorFactory factory;
  private final Path dataDir;
  private String builtFor; // the compact spec of the evaluator below (or "shared")
  private Evaluator built;

  SearchedEvaluator(Space space, EvaluatorFactory factory, Path dataDir) {
    this.space = space;
    this.factory = factory;
    this.dataDir = dataDir;
  }

  @Override
  public Metrics evaluate(Value concrete, TrialContext ctx) throws Exception {
    Value spec = space.materialisePart(Experiment.EVALUATOR, ctx.dna());
    String json = SpecCodec.toCompactJson(spec);
    Registry.Resolved<EvaluatorFactory> r = Evaluators.resolve(spec);
    ctx.setAttr(ATTR, json);
    return evaluator(r.args(), json).evaluate(concrete, withArgs(ctx, r.args()));
  }

  private synchronized Evaluator evaluator(Args args, String json) {
    String key = factory.readsTrialArgs() ? "shared" : json;
    if (!key.equals(builtFor)) {
      built = null; // let the old one (and its data) go before building the next
      built = factory.create(args, dataDir);
      builtFor = key;
    }
    return built;
  }

  private static TrialContext withArgs(TrialContext ctx, Args args) {
    return new TrialContext() {
      @Override
      public int number() {
        return ctx.number();
      }

      @Override
      public long seed() {
        return ctx.seed();
      }

      @Override
      public boolean report(long step, double value) {
        return ctx.report(step, value);
      }

      @Override
      public void setAttr(String key, String value) {
        ctx.setAttr(key, value);
      }

      @Override
      public Optional<Path> artifactDir() {
        return ctx.artifactDir();
      }

      @Override
      public Dna dna() {
        return ctx.dna();
      }

      @Override
      public Optional<Args> args() {
        return Optional.of(args);
      }
    };
  }
}
