package org.gyrus.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an evaluation produced: the objective values and any extra named measurements. */
public record Metrics(List<Double> objectives, Map<String, Double> extra) {
  public Metrics {
    objectives = List.copyOf(objectives);
    extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  public static Metrics of(double... objectives) {
    return new Metrics(java.util.Arrays.stream(objectives).boxed().toList(), Map.of());
  }
}
