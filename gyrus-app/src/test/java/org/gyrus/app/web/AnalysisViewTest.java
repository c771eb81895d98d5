package org.gyrus.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stored analyses on the trial page: NAP rows as tables, anything else as escaped text. */
class AnalysisViewTest {
  @Test
  void napRowsBecomeOneTablePerThresholdWithTheirCoverage() {
    String json =
        "{\"dataset\":\"mnist\",\"test_accuracy\":0.97,\"solver\":\"crown\",\"timeout_s\":20,"
            + "\"rows\":["
            + "{\"kind\":\"nap_class\",\"delta\":0.99,\"class\":0,\"nap_size\":12,\"test_count\":100,"
            + "\"coverage\":0.5,\"precision\":1.0,\"verdict\":\"proven\",\"solver_seconds\":1.5},"
            + "{\"kind\":\"nap_class\",\"delta\":0.99,\"class\":1,\"nap_size\":7,\"test_count\":300,"
            + "\"coverage\":0.9,\"precision\":0.8,\"verdict\":\"refuted\",\"decided_by\":\"attack\","
            + "\"solver_seconds\":0.1},"
            + "{\"kind\":\"nap_class\",\"delta\":0.95,\"class\":0,\"nap_size\":30,\"test_count\":100,"
            + "\"coverage\":0.2,\"precision\":1.0,\"verdict\":\"unknown\",\"solver_seconds\":20},"
            + "{\"kind\":\"nap_pairs\",\"delta\":0.99,\"pairs\":1,\"disjoint\":1}]}";
    String html = AnalysisView.sections(Map.of("analysis.naps", json, "weights", "/w"));
    assertThat(html).contains("δ = 0.99").contains("δ = 0.95");
    // (50 + 270) / 400 test inputs covered at 0.99: pooled over classes, not a mean of rates
    assertThat(html).contains("coverage 0.800 of 400 test inputs");
    assertThat(html).contains("class pairs proven disjoint 1 of 1");
    assertThat(html)
        .contains("<tr><td>1</td><td>7</td><td>0.900</td><td>0.800</td>")
        .contains("attack");
    assertThat(html).doesNotContain("/w"); // only analysis attributes
  }

  @Test
  void anythingElseIsShownEscaped() {
    String html = AnalysisView.sections(Map.of("analysis.naps", "<b>{broken"));
    assertThat(html).contains("&lt;b&gt;{broken").doesNotContain("<b>");
    assertThat(AnalysisView.sections(Map.of("analysis.x<y", "1"))).contains("x&lt;y");
    assertThat(AnalysisView.sections(Map.of("train_log", "epoch 1"))).isEmpty();
  }
}
