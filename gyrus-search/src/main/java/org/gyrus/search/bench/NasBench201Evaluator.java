package org.gyrus.search.bench;

import java.nio.file.Path;
import java.util.List;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.DataDir;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Register;
import org.gyrus.search.Evaluator;
import org.gyrus.search.EvaluatorFactory;
import org.gyrus.search.Metrics;

/**
 * {@code evaluator: {_type: nb201}}: a cell's CIFAR-10 test accuracy from the NAS-Bench-201 table.
 */
@Register
public final class NasBench201Evaluator implements EvaluatorFactory {
  @Override
  public NodeType type() {
    return NodeType.of(
        "nb201",
        "NAS-Bench-201 CIFAR-10 test accuracy of a cell, looked up in the table (the table holds"
            + " only test accuracy, so selection is on it by the benchmark's protocol)",
        ArgSpec.optional("delay_ms", Kind.INT, 0)
            .range(0, 3_600_000)
            .doc("sleep before answering, standing in for a real evaluation's cost"));
  }

  @Override
  public String selectsOn(Args args) {
    return "test (tabular benchmark: the NAS-Bench-201 table holds only test accuracy)";
  }

  @Override
  public void checkPoint(Args args, Value concrete) {
    NasBench201.archString(concrete);
  }

  @Override
  public List<Path> dataFiles(Args args, Path dataDir) {
    return dataDir == null
        ? List.of()
        : DataDir.find(dataDir, NasBench201.DATA_FILE).stream().toList();
  }

  @Override
  public Evaluator create(Args args, Path dataDir) {
    long delay = args.integer("delay_ms");
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
