package org.gyrus.nn.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What training and evaluation produced. Accuracies are fractions in [0,1] of the best-validation
 * weights; {@code flops} are forward FLOPs per example; latency is the median single-example
 * forward time.
 */
public record TrainResult(
    double valAccuracy,
    double testAccuracy,
    long params,
    long flops,
    double latencyMs,
    int epochs,
    double trainSeconds,
    double finalTrainLoss,
    String stopReason,
    List<EpochReport> history) {

  /** Flat metrics for a trial record. */
  public Map<String, Double> metrics() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("val_accuracy", valAccuracy);
    m.put("test_accuracy", testAccuracy);
    m.put("params", (double) params);
    m.put("flops", (double) flops);
    m.put("latency_ms", latencyMs);
    m.put("epochs", (double) epochs);
    m.put("train_seconds", trainSeconds);
    m.put("train_loss", finalTrainLoss);
    return m;
  }
}
