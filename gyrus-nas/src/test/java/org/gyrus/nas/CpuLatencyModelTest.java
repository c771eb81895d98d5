package org.gyrus.nas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measured latency on this CPU: plausible ordering, batch scaling and the per-architecture cache.
 */
class CpuLatencyModelTest {
  @Test
  void biggerNetworksTakeLongerAndResultsAreCached() {
    CpuLatencyModel model = new CpuLatencyModel(1, 3);
    Network light = Nb201Macro.of(AcceleratorModelTest.cellOf("skip_connect"), 8, 1);
    Network heavy = Nb201Macro.of(AcceleratorModelTest.cellOf("nor_conv_3x3"), 8, 1);
    Map<String, Double> a = model.costs(light, null);
    Map<String, Double> b = model.costs(heavy, null);
    assertThat(a.get("latency_b1_ms")).isPositive();
    // 64 examples cost more than one, and 6 convolutions per cell more than none
    assertThat(a.get("latency_b64_ms")).isGreaterThan(a.get("latency_b1_ms"));
    assertThat(b.get("latency_b64_ms")).isGreaterThan(a.get("latency_b64_ms"));
    assertThat(model.cached(heavy)).isTrue();
    assertThat(model.costs(heavy, null)).isSameAs(b);
  }
}
