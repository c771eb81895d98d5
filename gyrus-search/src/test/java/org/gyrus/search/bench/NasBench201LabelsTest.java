package org.gyrus.search.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gyrus.core.Space;
import org.junit.jupiter.api.Test;

class NasBench201LabelsTest {
  @Test
  void theCellsEdgesReadAsNumberedEdgesAndKeepTheirIds() {
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < 6; i++) {
      expected.put("edges[" + i + "].op", "edge" + (i + 1) + ".op");
    }
    assertThat(new Space(NasBench201.space()).dnaSpec().labels())
        .containsExactlyEntriesOf(expected);
  }
}
