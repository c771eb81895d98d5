package org.gyrus.search.bench;

import java.nio.file.Path;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.Evaluator;
import org.gyrus.search.EvaluatorFactory;
import org.gyrus.search.Metrics;

/**
 * {@code evaluator: {_type: nb201}}: a cell's CIFAR-10 test accuracy from the NAS-Bench-201 table.
 */
public final class NasBench201Evaluator implements EvaluatorFactory {
  @Override
  public String name() {
    return "nb201";
  }

  @Override
  public String description() {
    return "NAS-Bench-201 CIFAR-10 test accuracy of a cell, looked up in the table";
  }

  @Override
  public Evaluator create(Value.Node spec, Path dataDir) {
    for (String k : spec.args().keySet()) {
      if (!k.equals("delay_ms")) {
        throw new SpecError("evaluator." + k, "only the option delay_ms", "'" + k + "'");
      }
    }
    long delay = spec.intArg("delay_ms", 0);
    if (delay < 0 || delay > 3_600_000) {
      throw new SpecError(
          "evaluator.delay_ms", "a delay between 0 and 3600000 ms", Long.toString(delay));
    }
    NasBench201 table = NasBench201.load(dataDir);
    // delay_ms stands in for the cost of a real evaluation (crash and concurrency tests, demos).
    return (concrete, ctx) -> {
      if (delay > 0) {
        Thread.sleep(delay);
      }
      return Metrics.of(table.accuracy(concrete));
    };
  }
}
