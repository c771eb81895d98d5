package org.gyrus.search.bench;

import java.nio.file.Path;
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
    NasBench201 table = NasBench201.load(dataDir);
    return (concrete, ctx) -> Metrics.of(table.accuracy(concrete));
  }
}
